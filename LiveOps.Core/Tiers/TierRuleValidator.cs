using System.Globalization;
using LiveOps.Core.Import;

namespace LiveOps.Core.Tiers;

/// <summary>What is wrong with a rule set. Codes let the dashboard phrase the message in the user's language.</summary>
public enum TierRuleProblemCode
{
    Empty,
    NameMissing,
    NameTooLong,
    DuplicateName,
    NameControl,
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
    DisplayNameTooLong,
    DuplicateDisplayName,
}

/// <summary>
/// One problem, tied to a row (index in the input, null for the set as a whole) and a field named as the
/// <c>tier-rules</c> CSV column (<c>tier</c>, <c>rank</c>, <c>min_spend_12m</c>, <c>min_orders_12m</c>, <c>discount</c>), or
/// <c>display_name</c> for the editor's display name (not a column of the file).
/// <see cref="Message"/> is the English text for logs and the command line; <see cref="TextCode"/> and <see cref="Args"/>
/// give the same text in Chinese through <see cref="ImportText"/>.
/// </summary>
public sealed record TierRuleProblem(int? Row, string Field, TierRuleProblemCode Code, string Message)
{
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>The code of this problem's text in <see cref="ImportText"/>.</summary>
    public string TextCode => TextCodeOf(Code);

    public static string TextCodeOf(TierRuleProblemCode code) => "tierRule." + code;

    /// <summary>A problem whose message is the English text of its code with <paramref name="args"/>.</summary>
    public static TierRuleProblem Of(int? row, string field, TierRuleProblemCode code, params string[] args) =>
        new(row, field, code, ImportText.English(TextCodeOf(code), args)) { Args = args };

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
    public const string DisplayNameField = "display_name";
    public const int MaxNameLength = 64;
    public const int MaxDisplayNameLength = 32;

    public static IReadOnlyList<TierRuleProblem> Validate(IReadOnlyList<TierRuleDraft> rules)
    {
        var problems = new List<TierRuleProblem>();
        if (rules.Count == 0)
        {
            problems.Add(TierRuleProblem.Of(null, TierField, TierRuleProblemCode.Empty));
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
                problems.Add(TierRuleProblem.Of(i, SpendField, TierRuleProblemCode.NegativeThreshold, Text(r.MinSpend12m)));
            }
            if (r.MinOrders12m < 0)
            {
                problems.Add(TierRuleProblem.Of(i, OrdersField, TierRuleProblemCode.NegativeThreshold, Text(r.MinOrders12m)));
            }
            if (r.Discount <= 0 || r.Discount > 1)
            {
                problems.Add(TierRuleProblem.Of(i, DiscountField, TierRuleProblemCode.DiscountOutOfRange, Text(r.Discount)));
            }
            if (r.Rank < 0)
            {
                problems.Add(TierRuleProblem.Of(i, RankField, TierRuleProblemCode.NegativeRank, Text(r.Rank)));
            }
            else if (r.Rank == 0 && (r.MinSpend12m is not null || r.MinOrders12m is not null))
            {
                var field = r.MinSpend12m is not null ? SpendField : OrdersField;
                problems.Add(TierRuleProblem.Of(i, field, TierRuleProblemCode.EntryTierHasThreshold));
            }
            else if (r.Rank > 0 && r.MinSpend12m is null && r.MinOrders12m is null)
            {
                problems.Add(TierRuleProblem.Of(i, SpendField, TierRuleProblemCode.NoThreshold, r.Tier ?? ""));
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
                problems.Add(TierRuleProblem.Of(i, TierField, TierRuleProblemCode.NameMissing));
            }
            else if (name.Length > MaxNameLength)
            {
                problems.Add(TierRuleProblem.Of(i, TierField, TierRuleProblemCode.NameTooLong, Text(MaxNameLength)));
            }
            else if (Common.PlainText.HasControl(name))
            {
                problems.Add(TierRuleProblem.Of(i, TierField, TierRuleProblemCode.NameControl));
            }
            else if (!seen.TryAdd(name, i))
            {
                problems.Add(TierRuleProblem.Of(i, TierField, TierRuleProblemCode.DuplicateName, name, Text(seen[name] + 1)));
            }
        }
        CheckDisplayNames(rules, problems);
    }

    /// <summary>Display names are optional (empty shows the default name for the code) but short and unique.</summary>
    private static void CheckDisplayNames(IReadOnlyList<TierRuleDraft> rules, List<TierRuleProblem> problems)
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rules.Count; i++)
        {
            var name = rules[i].DisplayName?.Trim() ?? "";
            if (name.Length > MaxDisplayNameLength)
            {
                problems.Add(TierRuleProblem.Of(i, DisplayNameField, TierRuleProblemCode.DisplayNameTooLong, Text(MaxDisplayNameLength)));
            }
            else if (Common.PlainText.HasControl(name))
            {
                problems.Add(TierRuleProblem.Of(i, DisplayNameField, TierRuleProblemCode.NameControl));
            }
            else if (name.Length > 0 && !seen.TryAdd(name, i))
            {
                problems.Add(TierRuleProblem.Of(i, DisplayNameField, TierRuleProblemCode.DuplicateDisplayName, name, Text(seen[name] + 1)));
            }
        }
    }

    private static void CheckRanks(IReadOnlyList<TierRuleDraft> rules, List<TierRuleProblem> problems)
    {
        var entry = Enumerable.Range(0, rules.Count).Where(i => rules[i].Rank == 0).ToList();
        if (entry.Count == 0)
        {
            problems.Add(TierRuleProblem.Of(null, RankField, TierRuleProblemCode.NoEntryTier));
        }
        foreach (var i in entry.Skip(1))
        {
            problems.Add(TierRuleProblem.Of(i, RankField, TierRuleProblemCode.SeveralEntryTiers, Text(entry[0] + 1)));
        }
        var firstOfRank = new Dictionary<int, int>();
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i].Rank > 0 && !firstOfRank.TryAdd(rules[i].Rank, i))
            {
                problems.Add(TierRuleProblem.Of(i, RankField, TierRuleProblemCode.DuplicateRank, Text(rules[i].Rank), Text(firstOfRank[rules[i].Rank] + 1)));
            }
        }
        var ranks = rules.Where(r => r.Rank >= 0).Select(r => r.Rank).Distinct().Order().ToList();
        for (var expected = 0; expected < ranks.Count; expected++)
        {
            if (ranks[expected] != expected)
            {
                var row = Enumerable.Range(0, rules.Count).First(i => rules[i].Rank == ranks[expected]);
                problems.Add(TierRuleProblem.Of(row, RankField, TierRuleProblemCode.RankGap, Text(ranks[expected]), Text(expected)));
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
                problems.Add(TierRuleProblem.Of(rows[a], SpendField, TierRuleProblemCode.EasierThanLowerTier,
                    Text(spend), Text(spendAbove.MinSpend12m), spendAbove.Tier ?? ""));
            }
            var ordersAbove = lowers.Where(l => l.MinOrders12m is not null).MaxBy(l => l.MinOrders12m);
            if (higher.MinOrders12m is { } orders && ordersAbove is not null && orders < ordersAbove.MinOrders12m)
            {
                problems.Add(TierRuleProblem.Of(rows[a], OrdersField, TierRuleProblemCode.EasierThanLowerTier,
                    Text(orders), Text(ordersAbove.MinOrders12m), ordersAbove.Tier ?? ""));
            }
            var discountBelow = lowers.MinBy(l => l.Discount);
            if (discountBelow is not null && higher.Discount > discountBelow.Discount)
            {
                problems.Add(TierRuleProblem.Of(rows[a], DiscountField, TierRuleProblemCode.DiscountIncreases,
                    Text(higher.Discount), Text(discountBelow.Discount), discountBelow.Tier ?? ""));
            }
        }
    }

    private static string Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Text(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
