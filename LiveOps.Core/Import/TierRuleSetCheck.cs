namespace LiveOps.Core.Import;

/// <summary>One rule of a tier rule set as a file gives it; <see cref="Line"/> is where it stands in the file.</summary>
public sealed record TierRuleRow(long Line, string Tier, int Rank, decimal? MinSpend12m, int? MinOrders12m, decimal Discount, bool DedicatedService);

/// <summary>
/// The rules a whole tier rule set keeps before it may replace the current one (contract §2):
/// at least one rule, ranks 0, 1, 2, … without gaps (so exactly one rank 0), each rank and each tier name
/// once, and every discount in (0, 1]. Pure, so the tiers editor can use the same check.
/// </summary>
public static class TierRuleSetCheck
{
    public static IReadOnlyList<ImportProblem> Check(IReadOnlyList<TierRuleRow> rules, long headerLine = 1)
    {
        var problems = new List<ImportProblem>();
        if (rules.Count == 0)
        {
            problems.Add(new ImportProblem(headerLine, "tier", "the file holds no rules; a rule set needs at least the rank 0 tier"));
            return problems;
        }
        foreach (var rule in rules)
        {
            if (rule.Discount <= 0m || rule.Discount > 1m)
            {
                problems.Add(new ImportProblem(rule.Line, "discount", $"{rule.Discount} is outside (0, 1]; 0.95 means 95% of the list price"));
            }
        }
        var byName = new Dictionary<string, TierRuleRow>(StringComparer.OrdinalIgnoreCase);
        var byRank = new Dictionary<int, TierRuleRow>();
        foreach (var rule in rules)
        {
            if (!byName.TryAdd(rule.Tier, rule))
            {
                problems.Add(new ImportProblem(rule.Line, "tier", $"'{rule.Tier}' is given twice (also on line {byName[rule.Tier].Line})"));
            }
            if (!byRank.TryAdd(rule.Rank, rule))
            {
                problems.Add(new ImportProblem(rule.Line, "rank", $"{rule.Rank} is given twice (also on line {byRank[rule.Rank].Line}); each rank holds one tier"));
            }
        }
        // Every rank above 0 needs the rank below it: 0, 1, 2, … without gaps.
        foreach (var rule in rules.Where(r => byRank[r.Rank] == r).OrderBy(r => r.Rank))
        {
            if (rule.Rank > 0 && !byRank.ContainsKey(rule.Rank - 1))
            {
                var below = byRank.Keys.Where(r => r < rule.Rank).DefaultIfEmpty(-1).Max();
                var missing = Enumerable.Range(below + 1, rule.Rank - below - 1).ToList();
                var what = missing.Count == 1 ? $"rank {missing[0]} is missing" : $"ranks {string.Join(", ", missing)} are missing";
                problems.Add(new ImportProblem(rule.Line, "rank", $"{rule.Rank} leaves a gap: {what}; ranks run 0, 1, 2, … without gaps"));
            }
        }
        return problems.OrderBy(p => p.Line).ToList();
    }
}
