using LiveOps.Core.Store;
using LiveOps.Core.Common;

namespace LiveOps.Core.Tiers;

/// <summary>Who is close to the next tier and who is about to lose theirs, as of an instant (default: now).</summary>
public sealed record TierWatchQuery(DateTimeOffset? AsOf = null);

/// <summary>A customer whose spend is within 20% of the next tier's spend threshold.</summary>
public sealed record UpgradeCandidate(string CustomerId, string Tier, string NextTier, decimal Spend12m, decimal Threshold, decimal Gap);

/// <summary>
/// A member who will drop to <see cref="DropsTo"/> within <see cref="TierWatch.HorizonDays"/> days if they buy
/// nothing more, as their oldest orders leave the window. <see cref="SpendToKeep"/> is the ¥ to spend before then
/// to keep <see cref="Tier"/> (null when the tier has no spend threshold); <see cref="OrdersToKeep"/> likewise in orders.
/// </summary>
public sealed record DowngradeRisk(
    string CustomerId, string Tier, string DropsTo, decimal Spend12m, int Orders12m,
    decimal SpendKept, int OrdersKept, decimal? SpendToKeep, int? OrdersToKeep);

public sealed record TierWatchReport(DateTimeOffset AsOf, IReadOnlyList<UpgradeCandidate> Upgrades, IReadOnlyList<DowngradeRisk> DowngradeRisks);

/// <summary>The upgrade and downgrade-risk rules, pure.</summary>
public static class TierWatch
{
    public const int HorizonDays = 30;

    /// <summary>Within 20% of the next tier's spend threshold: gap ≤ 0.2 × threshold.</summary>
    public const decimal UpgradeShare = 0.2m;

    /// <summary>
    /// The customer when they have not reached the next tier and the ¥ still missing for its spend threshold is at
    /// most 20% of that threshold; null otherwise (also at the top, or when the next tier has no spend threshold).
    /// </summary>
    public static UpgradeCandidate? Upgrade(IReadOnlyList<TierRuleDraft> rulesByRank, string customerId, decimal spend12m, int orders12m)
    {
        var standing = TierEvaluator.Standing(rulesByRank, spend12m, orders12m);
        if (standing.Next?.MinSpend12m is not { } threshold || standing.SpendToNext is not { } gap || gap <= 0 || gap > UpgradeShare * threshold)
        {
            return null;
        }
        return new UpgradeCandidate(customerId, standing.Tier.Tier, standing.Next.Tier, spend12m, threshold, gap);
    }

    /// <summary>
    /// Spend and orders now against what will still be in the window <see cref="HorizonDays"/> days later without new
    /// orders (<paramref name="spendKept"/>, <paramref name="ordersKept"/>); a risk when the tier then held is lower.
    /// </summary>
    public static DowngradeRisk? Downgrade(
        IReadOnlyList<TierRuleDraft> rulesByRank, string customerId,
        decimal spend12m, int orders12m, decimal spendKept, int ordersKept)
    {
        var now = TierEvaluator.EvaluateRank(rulesByRank, spend12m, orders12m);
        var later = TierEvaluator.EvaluateRank(rulesByRank, spendKept, ordersKept);
        if (later >= now)
        {
            return null;
        }
        var tier = rulesByRank[now];
        decimal? spendToKeep = tier.MinSpend12m is { } s ? Math.Max(0m, s - spendKept) : null;
        int? ordersToKeep = tier.MinOrders12m is { } o ? Math.Max(0, o - ordersKept) : null;
        return new DowngradeRisk(customerId, tier.Tier, rulesByRank[later].Tier, spend12m, orders12m, spendKept, ordersKept, spendToKeep, ordersToKeep);
    }
}

public sealed class TierWatchService(ReportCache cache, TierRuleSetService ruleSets, TierDataReader data, ZoneClock clock)
{
    /// <summary>The report, computed once per query and data version and shared (<see cref="ReportCache"/>).</summary>
    public Task<TierWatchReport> RunAsync(TierWatchQuery query, CancellationToken ct = default) =>
        cache.GetOrComputeAsync("tier-watch", query, c => ComputeAsync(query, c), ct);

    private async Task<TierWatchReport> ComputeAsync(TierWatchQuery query, CancellationToken ct)
    {
        var asOf = query.AsOf ?? clock.UtcNow;
        var rules = (await ruleSets.InForceAsync(asOf, ct)).Rules;
        var customers = await data.CustomersAsync(ct);
        var now = await data.WindowAsync(customers, asOf, ct);
        // What stays in the window HorizonDays from now if nothing new is bought: (asOf + 30 d − 365 d, asOf].
        var kept = await data.WindowAsync(customers, asOf, asOf + TimeSpan.FromDays(TierWatch.HorizonDays) - TierWindow.Length, asOf, ct);
        var upgrades = new List<UpgradeCandidate>();
        var risks = new List<DowngradeRisk>();
        for (var i = 0; i < customers.Count; i++)
        {
            if (TierWatch.Upgrade(rules, customers.Ids[i], now.Spend[i], now.Orders[i]) is { } up)
            {
                upgrades.Add(up);
            }
            if (TierWatch.Downgrade(rules, customers.Ids[i], now.Spend[i], now.Orders[i], kept.Spend[i], kept.Orders[i]) is { } risk)
            {
                risks.Add(risk);
            }
        }
        // Closest first: the smallest gap is the cheapest nudge; ties by id keep the list stable.
        upgrades.Sort((a, b) => a.Gap != b.Gap ? a.Gap.CompareTo(b.Gap) : string.CompareOrdinal(a.CustomerId, b.CustomerId));
        risks.Sort((a, b) => CompareRisk(a, b));
        return new TierWatchReport(clock.ToLocal(asOf), upgrades, risks);
    }

    private static int CompareRisk(DowngradeRisk a, DowngradeRisk b)
    {
        var bySpend = (a.SpendToKeep ?? decimal.MaxValue).CompareTo(b.SpendToKeep ?? decimal.MaxValue);
        return bySpend != 0 ? bySpend : string.CompareOrdinal(a.CustomerId, b.CustomerId);
    }
}
