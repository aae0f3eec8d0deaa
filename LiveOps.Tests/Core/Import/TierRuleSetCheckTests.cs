using LiveOps.Core.Import;

namespace LiveOps.Tests.Core.Import;

public sealed class TierRuleSetCheckTests
{
    private static TierRuleRow Rule(long line, string tier, int rank, decimal discount = 0.9m) => new(line, tier, rank, null, null, discount, false);

    private static IEnumerable<string> Check(params TierRuleRow[] rules) => TierRuleSetCheck.Check(rules).Select(p => p.ToString());

    [Fact]
    public void Check_RanksZeroOneTwo_InAnyOrder_HasNoProblems() =>
        Assert.Empty(Check(Rule(2, "gold", 2, 0.85m), Rule(3, "normal", 0, 1m), Rule(4, "silver", 1)));

    [Fact]
    public void Check_NoRules_IsRefusedOnTheHeaderLine() =>
        Assert.Equal(["line 1: tier: the file holds no rules; a rule set needs at least the rank 0 tier"], Check());

    [Fact]
    public void Check_NoRankZero_SaysRankZeroIsMissing() =>
        Assert.Equal(["line 2: rank: 1 leaves a gap: rank 0 is missing; ranks run 0, 1, 2, … without gaps"], Check(Rule(2, "silver", 1), Rule(3, "gold", 2)));

    [Fact]
    public void Check_TwoGaps_NamesEachGapOnTheRankAfterIt() =>
        Assert.Equal(
        [
            "line 3: rank: 3 leaves a gap: ranks 1, 2 are missing; ranks run 0, 1, 2, … without gaps",
            "line 4: rank: 5 leaves a gap: rank 4 is missing; ranks run 0, 1, 2, … without gaps",
        ], Check(Rule(2, "normal", 0), Rule(3, "gold", 3), Rule(4, "black", 5)));

    [Fact]
    public void Check_TwoRankZeros_IsRefused() =>
        Assert.Equal(["line 3: rank: 0 is given twice (also on line 2); each rank holds one tier"], Check(Rule(2, "normal", 0), Rule(3, "basic", 0)));

    [Fact]
    public void Check_TierNameTwice_IgnoringCase_IsRefused() =>
        Assert.Equal(["line 3: tier: 'Gold' is given twice (also on line 2)"], Check(Rule(2, "gold", 0), Rule(3, "Gold", 1)));

    [Theory]
    [InlineData("0", false)]
    [InlineData("-0.1", false)]
    [InlineData("1.0001", false)]
    [InlineData("0.0001", true)]
    [InlineData("1", true)]
    public void Check_Discount_MustLieInZeroExclusiveToOneInclusive(string discount, bool accepted)
    {
        var problems = Check(Rule(2, "normal", 0, decimal.Parse(discount, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(accepted, !problems.Any());
    }
}
