using LiveOps.Core.Tiers;

namespace LiveOps.Core.Import;

/// <summary>One rule of a tier rule set as a file gives it; <see cref="Line"/> is where it stands in the file.</summary>
public sealed record TierRuleRow(long Line, string Tier, int Rank, decimal? MinSpend12m, int? MinOrders12m, decimal Discount, bool DedicatedService);

/// <summary>
/// A <c>tier-rules</c> file is held to exactly the rules the tiers editor publishes with
/// (<see cref="TierRuleValidator"/>); this only ties each problem back to the line it came from.
/// </summary>
public static class TierRuleSetCheck
{
    public static IReadOnlyList<ImportProblem> Check(IReadOnlyList<TierRuleRow> rules, long headerLine = 1)
    {
        var drafts = rules.Select(r => new TierRuleDraft(r.Tier, r.Rank, r.MinSpend12m, r.MinOrders12m, r.Discount, r.DedicatedService)).ToList();
        return TierRuleValidator.Validate(drafts)
            .Select(p => ImportProblem.Of(p.Row is int row ? rules[row].Line : headerLine, p.Field, p.TextCode, [.. p.Args]))
            .OrderBy(p => p.Line)
            .ToList();
    }
}
