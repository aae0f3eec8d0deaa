using System.Globalization;
using LiveOps.Core.Import;
using LiveOps.Core.Tiers;

namespace LiveOps.Tests.Core.Import;

/// <summary>The import holds a file to the tiers editor's validator; these prove each problem lands on its file line.</summary>
public sealed class TierRuleSetCheckTests
{
    private static TierRuleRow Rule(long line, string tier, int rank, decimal? spend, int? orders, decimal discount) =>
        new(line, tier, rank, spend, orders, discount, false);

    private static List<string> Check(params TierRuleRow[] rules) => TierRuleSetCheck.Check(rules).Select(p => p.ToString()).ToList();

    [Fact]
    public void Check_DefaultRules_InAnyOrder_HasNoProblems() =>
        Assert.Empty(Check(Rule(2, "gold", 2, 8000m, 15, 0.85m), Rule(3, "normal", 0, null, null, 0.95m), Rule(4, "silver", 1, 2000m, 6, 0.90m)));

    [Fact]
    public void Check_NoRules_IsReportedOnTheHeaderLine()
    {
        var line = Assert.Single(Check());
        Assert.StartsWith("line 1: tier: ", line);
    }

    [Fact]
    public void Check_RankGap_IsReportedOnTheLineOfTheRankAfterIt()
    {
        var line = Assert.Single(Check(Rule(2, "normal", 0, null, null, 0.95m), Rule(5, "gold", 2, 8000m, null, 0.85m)));
        Assert.StartsWith("line 5: rank: rank 2 leaves a gap: rank 1 is missing", line);
    }

    [Fact]
    public void Check_HigherTierEasierToReach_IsRefusedOnItsLine_AsTheEditorWould()
    {
        var problems = Check(Rule(2, "normal", 0, null, null, 0.95m), Rule(3, "silver", 1, 2000m, null, 0.90m), Rule(4, "gold", 2, 1500m, null, 0.85m));

        var line = Assert.Single(problems);
        Assert.StartsWith("line 4: min_spend_12m: ", line);
    }

    [Fact]
    public void Check_EntryTierWithThreshold_IsRefusedOnItsLine()
    {
        var problems = Check(Rule(7, "normal", 0, 100m, null, 0.95m));

        Assert.Contains(problems, p => p.StartsWith("line 7: min_spend_12m: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_OnAChinesePage_ReadsInChinese_WithTheSameValues()
    {
        var problem = Assert.Single(TierRuleSetCheck.Check(
            [Rule(2, "normal", 0, null, null, 0.95m), Rule(3, "silver", 1, 2000m, null, 0.90m), Rule(4, "gold", 2, 1500m, null, 0.85m)]));

        Assert.Equal("第 4 行：min_spend_12m：1500 低于较低等级“silver”的 2000；更高的等级不能更容易达到", problem.Format(CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Equal("line 4: min_spend_12m: 1500 is below the 2000 of lower tier 'silver'; a higher tier is never easier to reach", problem.ToString());
    }

    [Fact]
    public void EveryTierRuleProblemCode_HasATextInBothLanguages()
    {
        foreach (var code in Enum.GetValues<TierRuleProblemCode>())
        {
            Assert.True(ImportText.Knows(TierRuleProblem.TextCodeOf(code)), code.ToString());
        }
    }
}
