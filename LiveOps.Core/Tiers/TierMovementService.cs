using LiveOps.Core.Common;
using LiveOps.Core.Store;

namespace LiveOps.Core.Tiers;

/// <summary>Tier counts at two instants and who moved between them.</summary>
public sealed record TierMovementQuery(DateTimeOffset From, DateTimeOffset To);

/// <summary>
/// <see cref="Matrix"/>[i][j] = customers holding <see cref="FromTiers"/>[i] at <c>From</c> and <see cref="ToTiers"/>[j]
/// at <c>To</c>. Each instant is judged by the rules in force then, so the two tier lists may differ.
/// </summary>
public sealed record TierMovementReport(
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<TierCount> FromTiers,
    IReadOnlyList<TierCount> ToTiers,
    IReadOnlyList<IReadOnlyList<int>> Matrix);

public sealed class TierMovementService(ReportCache cache, TierRuleSetService ruleSets, TierDataReader data, ZoneClock clock)
{
    /// <summary>The report, computed once per query and data version and shared (<see cref="ReportCache"/>).</summary>
    public Task<TierMovementReport> RunAsync(TierMovementQuery query, CancellationToken ct) =>
        cache.GetOrComputeAsync("tier-movement", query, c => ComputeAsync(query, c), ct);

    private async Task<TierMovementReport> ComputeAsync(TierMovementQuery query, CancellationToken ct)
    {
        var fromRules = await ruleSets.InForceAsync(query.From, ct);
        var toRules = await ruleSets.InForceAsync(query.To, ct);
        var customers = await data.CustomersAsync(ct);
        var fromWindow = await data.WindowAsync(customers, query.From, ct);
        var toWindow = await data.WindowAsync(customers, query.To, ct);
        return Shape(fromRules.Rules, fromWindow, toRules.Rules, toWindow, clock);
    }

    /// <summary>Pure: the full matrix, every tier pair present even when nobody moved that way.</summary>
    public static TierMovementReport Shape(
        IReadOnlyList<TierRuleDraft> fromRules, TierWindow fromWindow,
        IReadOnlyList<TierRuleDraft> toRules, TierWindow toWindow, ZoneClock clock)
    {
        var matrix = new int[fromRules.Count][];
        for (var i = 0; i < matrix.Length; i++)
        {
            matrix[i] = new int[toRules.Count];
        }
        var fromCounts = new int[fromRules.Count];
        var toCounts = new int[toRules.Count];
        for (var c = 0; c < fromWindow.Spend.Length; c++)
        {
            var a = TierEvaluator.EvaluateRank(fromRules, fromWindow.Spend[c], fromWindow.Orders[c]);
            var b = TierEvaluator.EvaluateRank(toRules, toWindow.Spend[c], toWindow.Orders[c]);
            matrix[a][b]++;
            fromCounts[a]++;
            toCounts[b]++;
        }
        return new TierMovementReport(
            clock.ToLocal(fromWindow.AsOf),
            clock.ToLocal(toWindow.AsOf),
            fromRules.Select(t => new TierCount(t.Tier, t.Rank, fromCounts[t.Rank])).ToList(),
            toRules.Select(t => new TierCount(t.Tier, t.Rank, toCounts[t.Rank])).ToList(),
            matrix);
    }
}
