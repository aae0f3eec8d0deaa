using LiveOps.Core.Common;
using LiveOps.Core.Data;
using LiveOps.Core.Store;
using LiveOps.Core.Tiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiveOps.Core.RepurchaseCycle;

/// <summary>The repurchase cycle for the campaign pages and <c>report cycle</c>: the paid-order and funnel-event column stores, one pass each.</summary>
public sealed class RepurchaseCycleService(
    ReportCache cache,
    IDbContextFactory<LiveOpsDbContext> factory,
    SnapshotStore store,
    TierRuleSetService ruleSets,
    ZoneClock clock)
{
    /// <summary>The report, computed once per query and data version and shared (<see cref="ReportCache"/>).</summary>
    public Task<RepurchaseCycleReport> RunAsync(RepurchaseCycleQuery query, CancellationToken ct = default) =>
        cache.GetOrComputeAsync("repurchase-cycle", query, c => ComputeAsync(query, c), ct);

    private async Task<RepurchaseCycleReport> ComputeAsync(RepurchaseCycleQuery query, CancellationToken ct)
    {
        var asOf = query.AsOf ?? clock.UtcNow;
        var snapshot = await store.GetAsync(ct);
        var events = await snapshot.EventsAsync(ct);
        var rules = (await ruleSets.InForceAsync(asOf, ct)).Rules;
        await using var db = await factory.CreateDbContextAsync(ct);
        var only = query.CampaignId;
        var campaigns = (await db.Campaigns.AsNoTracking().Where(c => only == null || c.CampaignId == only)
                .Select(c => new { c.CampaignId, c.Name, c.StartsAt }).ToListAsync(ct))
            .OrderBy(c => c.StartsAt).ThenBy(c => c.CampaignId, StringComparer.Ordinal)
            .Select(c => new CampaignInfo(c.CampaignId, c.Name, c.StartsAt)).ToList();
        var ranks = SnapshotTiers.Ranks(snapshot, rules, asOf.ToUnixTimeMilliseconds());
        return RepurchaseCycleShape.Shape(snapshot, events, campaigns, rules.Select(r => r.Tier).ToList(), ranks, asOf, clock);
    }
}

public static class RepurchaseCycleServices
{
    public static IServiceCollection AddRepurchaseCycle(this IServiceCollection services) => services.AddSingleton<RepurchaseCycleService>();
}
