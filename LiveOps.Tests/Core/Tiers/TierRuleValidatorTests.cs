using LiveOps.Core.Tiers;

namespace LiveOps.Tests.Core.Tiers;

public sealed class TierRuleValidatorTests
{
    private static List<TierRuleDraft> Valid() => [.. TierRulesFixtures.Default];

    private static TierRuleProblem Single(IReadOnlyList<TierRuleDraft> rules)
    {
        var problems = TierRuleValidator.Validate(rules);
        return Assert.Single(problems);
    }

    [Fact]
    public void Validate_DefaultRules_HasNoProblems()
    {
        Assert.Empty(TierRuleValidator.Validate(Valid()));
    }

    [Fact]
    public void Validate_EmptySet_IsRejected()
    {
        var p = Single([]);

        Assert.Equal(TierRuleProblemCode.Empty, p.Code);
    }

    [Fact]
    public void Validate_NoRankZero_IsRejectedForMissingEntryTier()
    {
        var rules = Valid();
        rules.RemoveAt(0);

        var problems = TierRuleValidator.Validate(rules);

        Assert.Contains(problems, p => p.Code == TierRuleProblemCode.NoEntryTier && p.Field == "rank" && p.Row is null);
    }

    [Fact]
    public void Validate_TwoRankZeroTiers_IsRejectedOnTheSecond()
    {
        var rules = Valid();
        rules.Add(new TierRuleDraft("guest", 0, null, null, 1m, false));

        var p = Single(rules);

        Assert.Equal((3, "rank", TierRuleProblemCode.SeveralEntryTiers), (p.Row!.Value, p.Field, p.Code));
        Assert.Contains("row 1", p.Message);
    }

    [Fact]
    public void Validate_EntryTierWithThreshold_IsRejectedOnThatField()
    {
        var rules = Valid();
        rules[0] = rules[0] with { MinOrders12m = 1 };

        var p = Single(rules);

        Assert.Equal((0, "min_orders_12m", TierRuleProblemCode.EntryTierHasThreshold), (p.Row!.Value, p.Field, p.Code));
    }

    [Fact]
    public void Validate_RankGap_IsRejectedNamingTheMissingRank()
    {
        var rules = Valid();
        rules[2] = rules[2] with { Rank = 3 };

        var p = Single(rules);

        Assert.Equal((2, "rank", TierRuleProblemCode.RankGap), (p.Row!.Value, p.Field, p.Code));
        Assert.Contains("rank 2 is missing", p.Message);
    }

    [Fact]
    public void Validate_RepeatedRank_IsRejected()
    {
        var rules = Valid();
        rules[2] = rules[2] with { Rank = 1 };

        var problems = TierRuleValidator.Validate(rules);

        Assert.Contains(problems, p => p.Code == TierRuleProblemCode.DuplicateRank && p.Row == 2);
    }

    [Fact]
    public void Validate_HigherTierWithLowerSpendThreshold_IsRejectedAsEasier()
    {
        var rules = Valid();
        rules[2] = rules[2] with { MinSpend12m = 1500m };

        var p = Single(rules);

        Assert.Equal((2, "min_spend_12m", TierRuleProblemCode.EasierThanLowerTier), (p.Row!.Value, p.Field, p.Code));
        Assert.Contains("'silver'", p.Message);
    }

    [Fact]
    public void Validate_HigherTierWithFewerOrders_IsRejectedAsEasier()
    {
        var rules = Valid();
        rules[2] = rules[2] with { MinOrders12m = 5 };

        var p = Single(rules);

        Assert.Equal((2, "min_orders_12m", TierRuleProblemCode.EasierThanLowerTier), (p.Row!.Value, p.Field, p.Code));
    }

    [Fact]
    public void Validate_EmptyThresholdsAreNotCompared_HigherTierMayDropOrAddAPath()
    {
        var rules = Valid();
        rules[1] = rules[1] with { MinOrders12m = null };
        rules[2] = rules[2] with { MinSpend12m = null, MinOrders12m = 12 };

        Assert.Empty(TierRuleValidator.Validate(rules));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-0.1)]
    [InlineData(1.01)]
    public void Validate_DiscountOutsideZeroToOne_IsRejected(double discount)
    {
        var rules = Valid();
        rules[0] = rules[0] with { Discount = (decimal)discount };

        var problems = TierRuleValidator.Validate(rules);

        Assert.Contains(problems, p => p.Code == TierRuleProblemCode.DiscountOutOfRange && p.Row == 0 && p.Field == "discount");
    }

    [Fact]
    public void Validate_DiscountOfOne_IsAllowed()
    {
        var rules = Valid();
        rules[0] = rules[0] with { Discount = 1m };

        Assert.Empty(TierRuleValidator.Validate(rules));
    }

    [Fact]
    public void Validate_HigherTierPayingMore_IsRejected()
    {
        var rules = Valid();
        rules[2] = rules[2] with { Discount = 0.92m };

        var p = Single(rules);

        Assert.Equal((2, "discount", TierRuleProblemCode.DiscountIncreases), (p.Row!.Value, p.Field, p.Code));
    }

    [Fact]
    public void Validate_DuplicateNameIgnoringCase_IsRejectedOnTheSecond()
    {
        var rules = Valid();
        rules[2] = rules[2] with { Tier = "Silver" };

        var p = Single(rules);

        Assert.Equal((2, "tier", TierRuleProblemCode.DuplicateName), (p.Row!.Value, p.Field, p.Code));
    }

    [Fact]
    public void Validate_BlankName_IsRejected()
    {
        var rules = Valid();
        rules[1] = rules[1] with { Tier = "  " };

        var p = Single(rules);

        Assert.Equal((1, "tier", TierRuleProblemCode.NameMissing), (p.Row!.Value, p.Field, p.Code));
    }

    [Fact]
    public void Validate_NegativeThreshold_IsRejected()
    {
        IReadOnlyList<TierRuleDraft> rules =
        [
            new("normal", 0, null, null, 1m, false),
            new("vip", 1, -1m, null, 0.9m, false),
        ];

        var p = Single(rules);

        Assert.Equal((1, "min_spend_12m", TierRuleProblemCode.NegativeThreshold), (p.Row!.Value, p.Field, p.Code));
    }

    [Fact]
    public void Validate_TierAboveZeroWithoutThresholds_IsRejectedAsUnreachable()
    {
        var rules = Valid();
        rules[1] = rules[1] with { MinSpend12m = null, MinOrders12m = null };

        var p = Single(rules);

        Assert.Equal((1, TierRuleProblemCode.NoThreshold), (p.Row!.Value, p.Code));
    }

    [Fact]
    public void Validate_NameLongerThan64_IsRejected()
    {
        var rules = Valid();
        rules[2] = rules[2] with { Tier = new string('g', 65) };

        var p = Single(rules);

        Assert.Equal((2, "tier", TierRuleProblemCode.NameTooLong), (p.Row!.Value, p.Field, p.Code));
    }

    [Fact]
    public void Validate_NegativeRank_IsRejected()
    {
        var rules = Valid();
        rules.Add(new TierRuleDraft("ghost", -1, 100000m, null, 0.5m, false));

        var problems = TierRuleValidator.Validate(rules);

        Assert.Equal((3, "rank", TierRuleProblemCode.NegativeRank), (problems[0].Row!.Value, problems[0].Field, problems[0].Code));
    }

    [Fact]
    public void Validate_SeveralProblems_AreAllReported()
    {
        IReadOnlyList<TierRuleDraft> rules =
        [
            new("normal", 0, null, null, 1.5m, false),
            new("normal", 2, null, null, 0.9m, false),
        ];

        var codes = TierRuleValidator.Validate(rules).Select(p => p.Code).Order().ToArray();

        Assert.Equal(
            new[] { TierRuleProblemCode.DuplicateName, TierRuleProblemCode.RankGap, TierRuleProblemCode.NoThreshold, TierRuleProblemCode.DiscountOutOfRange }.Order().ToArray(),
            codes);
    }
}
