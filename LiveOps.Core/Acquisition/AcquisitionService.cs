using LiveOps.Core.Common;
using LiveOps.Core.Data;
using LiveOps.Core.Store;
using LiveOps.Core.Tiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiveOps.Core.Acquisition;

/// <summary>Live-session acquisition cohorts for the live-sessions pages and <c>report acquisition</c>: one pass over the paid-order snapshot.</summary>
public sealed class AcquisitionService(
    ReportCache cache,
    IDbContextFactory<LiveOpsDbContext> factory,
    SnapshotStore store,
    TierRuleSetService ruleSets,
    ZoneClock clock)
{
    /// <summary>The report, computed once per query and data version and shared (<see cref="ReportCache"/>).</summary>
    public Task<AcquisitionReport> RunAsync(AcquisitionQuery query, CancellationToken ct = default) =>
        cache.GetOrComputeAsync("acquisition", query, c => ComputeAsync(query, c), ct);

    private async Task<AcquisitionReport> ComputeAsync(AcquisitionQuery query, CancellationToken ct)
    {
        var asOf = query.AsOf ?? clock.UtcNow;
        var snapshot = await store.GetAsync(ct);
        var rules = (await ruleSets.InForceAsync(asOf, ct)).Rules;
        await using var db = await factory.CreateDbContextAsync(ct);
        // Sessions are few (one row per broadcast).
        var sessions = (await db.LiveSessions.AsNoTracking().Select(s => new { s.LiveSessionId, s.Title, s.StartedAt }).ToListAsync(ct))
            .Select(s => new SessionInfo(s.LiveSessionId, s.Title, s.StartedAt)).ToList();
        var ranks = SnapshotTiers.Ranks(snapshot, rules, asOf.ToUnixTimeMilliseconds());
        return AcquisitionShape.Shape(snapshot, sessions, rules.Select(r => r.Tier).ToList(), ranks, asOf, clock);
    }
}

public static class AcquisitionServices
{
    public static IServiceCollection AddAcquisition(this IServiceCollection services) => services.AddSingleton<AcquisitionService>();
}
