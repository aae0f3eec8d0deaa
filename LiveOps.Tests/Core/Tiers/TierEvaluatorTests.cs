using LiveOps.Core.Tiers;

namespace LiveOps.Tests.Core.Tiers;

public sealed class TierEvaluatorTests
{
    private static readonly IReadOnlyList<TierRuleDraft> Rules = TierRulesFixtures.Default;

    [Theory]
    [InlineData(1999.99, 0, "normal")]
    [InlineData(2000, 0, "silver")]
    [InlineData(7999.99, 14, "silver")]
    [InlineData(8000, 0, "gold")]
    [InlineData(0, 5, "normal")]
    [InlineData(0, 6, "silver")]
    [InlineData(0, 15, "gold")]
    public void Evaluate_AtAndJustBelowThresholds_ReturnsExpectedTier(double spend, int orders, string expected)
    {
        Assert.Equal(expected, TierEvaluator.Evaluate(Rules, (decimal)spend, orders).Tier);
    }

    [Fact]
    public void Evaluate_OrdersReachGoldWhileSpendOnlyReachesSilver_ReturnsGold_BecauseEitherThresholdIsEnough()
    {
        Assert.Equal("gold", TierEvaluator.Evaluate(Rules, 2500m, 15).Tier);
        Assert.Equal("gold", TierEvaluator.Evaluate(Rules, 9000m, 1).Tier);
    }

    [Fact]
    public void Evaluate_EmptyThreshold_NeverMatches_EvenAtZero()
    {
        IReadOnlyList<TierRuleDraft> rules =
        [
            new("normal", 0, null, null, 1m, false),
            new("vip", 1, 1000m, null, 0.9m, false),
        ];

        Assert.Equal("normal", TierEvaluator.Evaluate(rules, 999m, 500).Tier);
        Assert.Equal("vip", TierEvaluator.Evaluate(rules, 1000m, 0).Tier);
    }

    [Fact]
    public void Evaluate_ZeroSpendZeroOrders_IsTheEntryTier()
    {
        Assert.Equal("normal", TierEvaluator.Evaluate(Rules, 0m, 0).Tier);
    }

    [Theory]
    [InlineData(0, 0, "bronze")]
    [InlineData(500, 0, "silver")]
    [InlineData(0, 3, "silver")]
    [InlineData(3000, 2, "gold")]
    [InlineData(2999, 9, "gold")]
    [InlineData(2999, 8, "silver")]
    [InlineData(10000, 0, "diamond")]
    [InlineData(9999, 30, "gold")]
    public void Evaluate_FourTierCustomSet_PicksHighestReachedTier(int spend, int orders, string expected)
    {
        IReadOnlyList<TierRuleDraft> rules =
        [
            new("bronze", 0, null, null, 1m, false),
            new("silver", 1, 500m, 3, 0.97m, false),
            new("gold", 2, 3000m, 9, 0.92m, false),
            new("diamond", 3, 10000m, null, 0.8m, true),
        ];

        Assert.Equal(expected, TierEvaluator.Evaluate(rules, spend, orders).Tier);
    }

    [Fact]
    public void Standing_BelowSilver_GivesNextTierAndExactSpendGap()
    {
        var standing = TierEvaluator.Standing(Rules, 267.97m, 1);

        Assert.Equal("normal", standing.Tier.Tier);
        Assert.Equal("silver", standing.Next!.Tier);
        Assert.Equal(1732.03m, standing.SpendToNext);
    }

    [Fact]
    public void Standing_SilverByOrdersWithLowSpend_GapIsToGoldSpend()
    {
        var standing = TierEvaluator.Standing(Rules, 60m, 6);

        Assert.Equal("silver", standing.Tier.Tier);
        Assert.Equal("gold", standing.Next!.Tier);
        Assert.Equal(7940m, standing.SpendToNext);
    }

    [Fact]
    public void Standing_AtTop_HasNoNextTierAndNoGap()
    {
        var standing = TierEvaluator.Standing(Rules, 12000m, 20);

        Assert.Equal("gold", standing.Tier.Tier);
        Assert.Null(standing.Next);
        Assert.Null(standing.SpendToNext);
    }

    [Fact]
    public void Standing_NextTierWithoutSpendThreshold_HasNullGap()
    {
        IReadOnlyList<TierRuleDraft> rules =
        [
            new("normal", 0, null, null, 1m, false),
            new("regular", 1, null, 5, 0.95m, false),
        ];

        var standing = TierEvaluator.Standing(rules, 5000m, 1);

        Assert.Equal("regular", standing.Next!.Tier);
        Assert.Null(standing.SpendToNext);
    }

    [Fact]
    public void Standing_SilverBySpendAndOrders_GapIsGoldSpendMinusSpend()
    {
        var standing = TierEvaluator.Standing(Rules, 2500m, 6);

        Assert.Equal("silver", standing.Tier.Tier);
        Assert.Equal(5500m, standing.SpendToNext);
    }

    [Fact]
    public void Prices_ListPrice199_EachTierPaysListTimesDiscount()
    {
        var prices = TierEvaluator.Prices(Rules, 199m);

        Assert.Equal([("normal", 189.05m), ("silver", 179.10m), ("gold", 169.15m)], prices.Select(p => (p.Tier, p.Price)).ToArray());
    }
}
