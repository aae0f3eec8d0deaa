namespace LiveOps.Core.Tiers;

/// <summary>What is wrong with a rule set. Codes let the dashboard phrase the message in the user's language.</summary>
public enum TierRuleProblemCode
{
    Empty,
    NameMissing,
    NameTooLong,
    DuplicateName,
    NoEntryTier,
    SeveralEntryTiers,
    EntryTierHasThreshold,
    NegativeRank,
    DuplicateRank,
    RankGap,
    NegativeThreshold,
    NoThreshold,
    EasierThanLowerTier,
    DiscountOutOfRange,
    DiscountIncreases,
}

/// <summary>
/// One problem, tied to a row (index in the input, null for the set as a whole) and a field named as the
/// <c>tier-rules</c> CSV column (<c>tier</c>, <c>rank</c>, <c>min_spend_12m</c>, <c>min_orders_12m</c>, <c>discount</c>).
/// <see cref="Message"/> is the English text for logs, the command line and the importer.
/// </summary>
public sealed record TierRuleProblem(int? Row, string Field, TierRuleProblemCode Code, string Message)
{
    public override string ToString() => Row is null ? $"{Field}: {Message}" : $"row {Row + 1}: {Field}: {Message}";
}

/// <summary>
/// Checks a rule set before it is published (editor, import, configuration). Pure; reports every problem.
/// Rules: exactly one rank-0 tier and it has no thresholds; ranks 0, 1, 2, … without gaps or repeats;
/// every tier above 0 has at least one threshold; thresholds are not negative; a higher tier is never
/// easier to reach than a lower one; discounts lie in (0, 1] and do not increase with rank; names are unique.
/// </summary>
/// <remarks>
/// "Never easier" compares each threshold a tier has with the same threshold of every lower tier that has it:
/// a higher tier's value must be at least as large. An empty threshold is not compared: it means "not reachable
/// this way", so a higher tier may leave out a path a lower tier offers, or add one the lower tiers lack.
/// </remarks>
public static class TierRuleValidator
{
    public const string TierField = "tier";
    public const string RankField = "rank";
    public const string SpendField = "min_spend_12m";
    public const string OrdersField = "min_orders_12m";
    public const string DiscountField = "discount";
    public const int MaxNameLength = 64;

    public static IReadOnlyList<TierRuleProblem> Validate(IReadOnlyList<TierRuleDraft> rules)
    {
        var problems = new List<TierRuleProblem>();
        if (rules.Count == 0)
        {
            problems.Add(new(null, TierField, TierRuleProblemCode.Empty, "the rule set has no tiers; it needs at least the rank-0 entry tier"));
            return problems;
        }
        CheckRows(rules, problems);
        CheckNames(rules, problems);
        CheckRanks(rules, problems);
        CheckOrderBetweenTiers(rules, problems);
        return problems;
    }

    private static void CheckRows(IReadOnlyList<TierRuleDraft> rules, List<TierRuleProblem> problems)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            var r = rules[i];
            if (r.MinSpend12m < 0)
            {
                problems.Add(new(i, SpendField, TierRuleProblemCode.NegativeThreshold, $"{r.MinSpend12m} is negative; a threshold is 0 or more"));
            }
            if (r.MinOrders12m < 0)
            {
                problems.Add(new(i, OrdersField, TierRuleProblemCode.NegativeThreshold, $"{r.MinOrders12m} is negative; a threshold is 0 or more"));
            }
            if (r.Discount <= 0 || r.Discount > 1)
            {
                problems.Add(new(i, DiscountField, TierRuleProblemCode.DiscountOutOfRange, $"{r.Discount} is outside (0, 1]; 0.95 means 95% of the list price"));
            }
            if (r.Rank < 0)
            {
                problems.Add(new(i, RankField, TierRuleProblemCode.NegativeRank, $"{r.Rank} is negative; ranks run 0, 1, 2, …"));
            }
            else if (r.Rank == 0 && (r.MinSpend12m is not null || r.MinOrders12m is not null))
            {
                var field = r.MinSpend12m is not null ? SpendField : OrdersField;
                problems.Add(new(i, field, TierRuleProblemCode.EntryTierHasThreshold, "the rank-0 entry tier holds everyone, so it takes no thresholds"));
            }
            else if (r.Rank > 0 && r.MinSpend12m is null && r.MinOrders12m is null)
            {
                problems.Add(new(i, SpendField, TierRuleProblemCode.NoThreshold, $"tier '{r.Tier}' has neither min_spend_12m nor min_orders_12m, so no one could reach it"));
            }
        }
    }

    private static void CheckNames(IReadOnlyList<TierRuleDraft> rules, List<TierRuleProblem> problems)
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rules.Count; i++)
        {
            var name = rules[i].Tier?.Trim() ?? "";
            if (name.Length == 0)
            {
                problems.Add(new(i, TierField, TierRuleProblemCode.NameMissing, "the tier needs a name"));
            }
            else if (name.Length > MaxNameLength)
            {
                problems.Add(new(i, TierField, TierRuleProblemCode.NameTooLong, $"the name is longer than {MaxNameLength} characters"));
            }
            else if (!seen.TryAdd(name, i))
            {
                problems.Add(new(i, TierField, TierRuleProblemCode.DuplicateName, $"'{name}' is already the name of row {seen[name] + 1}; names are unique"));
            }
        }
    }

    private static void CheckRanks(IReadOnlyList<TierRuleDraft> rules, List<TierRuleProblem> problems)
    {
        var entry = Enumerable.Range(0, rules.Count).Where(i => rules[i].Rank == 0).ToList();
        if (entry.Count == 0)
        {
            problems.Add(new(null, RankField, TierRuleProblemCode.NoEntryTier, "no tier has rank 0; exactly one entry tier is needed"));
        }
        foreach (var i in entry.Skip(1))
        {
            problems.Add(new(i, RankField, TierRuleProblemCode.SeveralEntryTiers, $"rank 0 is already taken by row {entry[0] + 1}; exactly one entry tier is allowed"));
        }
        var firstOfRank = new Dictionary<int, int>();
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i].Rank > 0 && !firstOfRank.TryAdd(rules[i].Rank, i))
            {
                problems.Add(new(i, RankField, TierRuleProblemCode.DuplicateRank, $"rank {rules[i].Rank} is already taken by row {firstOfRank[rules[i].Rank] + 1}"));
            }
        }
        var ranks = rules.Where(r => r.Rank >= 0).Select(r => r.Rank).Distinct().Order().ToList();
        for (var expected = 0; expected < ranks.Count; expected++)
        {
            if (ranks[expected] != expected)
            {
                var row = Enumerable.Range(0, rules.Count).First(i => rules[i].Rank == ranks[expected]);
                problems.Add(new(row, RankField, TierRuleProblemCode.RankGap, $"rank {ranks[expected]} leaves a gap: rank {expected} is missing; ranks run 0, 1, 2, … without gaps"));
                break;
            }
        }
    }

    private static void CheckOrderBetweenTiers(IReadOnlyList<TierRuleDraft> rules, List<TierRuleProblem> problems)
    {
        var rows = Enumerable.Range(0, rules.Count).Where(i => rules[i].Rank >= 0).OrderBy(i => rules[i].Rank).ToList();
        for (var a = 1; a < rows.Count; a++)
        {
            var higher = rules[rows[a]];
            var lowers = rows.Take(a).Select(i => rules[i]).Where(l => l.Rank < higher.Rank).ToList();
            var spendAbove = lowers.Where(l => l.MinSpend12m is not null).MaxBy(l => l.MinSpend12m);
            if (higher.MinSpend12m is { } spend && spendAbove is not null && spend < spendAbove.MinSpend12m)
            {
                problems.Add(new(rows[a], SpendField, TierRuleProblemCode.EasierThanLowerTier,
                    $"{spend} is below the {spendAbove.MinSpend12m} of lower tier '{spendAbove.Tier}'; a higher tier is never easier to reach"));
            }
            var ordersAbove = lowers.Where(l => l.MinOrders12m is not null).MaxBy(l => l.MinOrders12m);
            if (higher.MinOrders12m is { } orders && ordersAbove is not null && orders < ordersAbove.MinOrders12m)
            {
                problems.Add(new(rows[a], OrdersField, TierRuleProblemCode.EasierThanLowerTier,
                    $"{orders} is below the {ordersAbove.MinOrders12m} of lower tier '{ordersAbove.Tier}'; a higher tier is never easier to reach"));
            }
            var discountBelow = lowers.MinBy(l => l.Discount);
            if (discountBelow is not null && higher.Discount > discountBelow.Discount)
            {
                problems.Add(new(rows[a], DiscountField, TierRuleProblemCode.DiscountIncreases,
                    $"{higher.Discount} is more than the {discountBelow.Discount} of lower tier '{discountBelow.Tier}'; a higher tier never pays more"));
            }
        }
    }
}
