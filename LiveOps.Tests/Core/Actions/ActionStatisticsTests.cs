using LiveOps.Core.Actions;

namespace LiveOps.Tests.Core.Actions;

public sealed class ActionStatisticsTests
{
    // (z₀.₉₇₅ + z₀.₈) = 1.959964 + 0.841621 = 2.801585; MDE = 2.801585 × √(p(1−p)(1/n₁ + 1/n₀)), worked by hand.
    [Theory]
    [InlineData(500, 0.1, 0.05, 0.091022)]  // 450/50: √(0.0475 × 0.0222222) = 0.0324893 → 9.1 points
    [InlineData(500, 0.2, 0.05, 0.068266)]  // 400/100: √(0.0475 × 0.0125) = 0.0243670
    [InlineData(1000, 0.1, 0.05, 0.064362)] // 900/100: √(0.0475 × 0.0111111) = 0.0229734
    [InlineData(2000, 0.1, 0.10, 0.062645)] // 1800/200: √(0.09 × 0.0055556) = 0.0223607
    [InlineData(500, 0.1, 0.20, 0.167054)]  // 450/50: √(0.16 × 0.0222222) = 0.0596285
    public void MinimumDetectableDifference_MatchesHandComputedTable(int customers, double share, double baseline, double expected)
    {
        var holdout = ActionRules.HoldoutSize(customers, share);

        var mde = ActionStatistics.MinimumDetectableDifference(customers - holdout, holdout, baseline);

        Assert.Equal(expected, mde!.Value, 5);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void MinimumDetectableDifference_BaselineWithoutSpread_IsUndefined(double baseline) =>
        Assert.Null(ActionStatistics.MinimumDetectableDifference(450, 50, baseline));

    [Theory]
    [InlineData(500, 0.1, 50)]
    [InlineData(25, 0.1, 3)]   // 2.5 rounds away from zero
    [InlineData(7, 0.2, 1)]    // 1.4
    [InlineData(43, 0.2, 9)]   // 8.6
    public void HoldoutSize_IsRoundOfNTimesF(int customers, double share, int expected) =>
        Assert.Equal(expected, ActionRules.HoldoutSize(customers, share));

    [Fact]
    public void SplitMix64_FirstOutputForSeed1234567_IsTheReferenceValue() =>
        Assert.Equal(6457827717110365317UL, new HoldoutDraw.SplitMix64(1234567).Next());

    [Fact]
    public void Draw_SameSeedAnyInputOrder_GivesTheSameHoldout_PinnedByAnIndependentImplementation()
    {
        var ids = Enumerable.Range(1, 20).Select(i => $"c{i:00}").ToList();
        var reversed = Enumerable.Reverse(ids).ToList();

        var first = HoldoutDraw.Draw(ids, 4, 42);
        var again = HoldoutDraw.Draw(reversed, 4, 42);

        // Values from a separate Python implementation of the documented algorithm.
        Assert.Equal(new[] { "c04", "c09", "c12", "c17" }, first.Order(StringComparer.Ordinal));
        Assert.Equal(first.Order(StringComparer.Ordinal), again.Order(StringComparer.Ordinal));
        Assert.Equal(new[] { "c02", "c03", "c05", "c16" }, HoldoutDraw.Draw(ids, 4, 7).Order(StringComparer.Ordinal));
        Assert.Equal(new[] { "c03", "c08", "c12", "c20" }, HoldoutDraw.Draw(ids, 4, -1).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Compare_TwoCustomersPerGroup_HandComputed()
    {
        // Contacted: ¥30 and ¥0 (1 of 2 bought); holdout: nobody bought.
        var contacted = new GroupTally(2, 1, 30m, 900);
        var holdout = new GroupTally(2, 0, 0m, 0);

        var c = ActionStatistics.Compare(contacted, holdout);

        Assert.Equal(0.5, c.Difference, 12);
        // √(0.25/2 + 0) = 0.353553; ± 1.959964 × 0.353553 = ± 0.692952
        Assert.Equal(-0.192952, c.Ci95[0], 5);
        Assert.Equal(1.192952, c.Ci95[1], 5);
        // pooled p = 0.25: √(0.1875 × 1) = 0.433013; z = 1.154701; p = 2Φ(−1.154701) = 0.248213
        Assert.Equal(1.154701, c.Z!.Value, 5);
        Assert.Equal(0.248213, c.PValue!.Value, 5);
        // revenue per customer 15 vs 0; s₁² = (900 − 450)/1 = 450, s₀² = 0; ± 1.959964 × √225 = ± 29.39946
        Assert.Equal(15, c.RevenueDifference, 12);
        Assert.Equal(-14.39946, c.RevenueCi95![0], 4);
        Assert.Equal(44.39946, c.RevenueCi95[1], 4);
        Assert.Equal(1, c.IncrementalBuyers, 12);
        Assert.Equal(30, c.IncrementalRevenue, 12);
        Assert.Equal(ActionVerdict.SampleTooSmall, ActionVerdicts.Of(c, contacted, holdout));
    }

    [Fact]
    public void Compare_NobodyBought_HasNoZAndTooSmallAVerdict()
    {
        var nobody = new GroupTally(100, 0, 0m, 0);

        var c = ActionStatistics.Compare(nobody, nobody);

        Assert.Null(c.Z);
        Assert.Null(c.PValue);
        Assert.Equal(ActionVerdict.SampleTooSmall, ActionVerdicts.Of(c, nobody, nobody));
    }
}
