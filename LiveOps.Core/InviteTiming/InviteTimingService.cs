using LiveOps.Core.Data;
using LiveOps.Core.LiveSessions;
using LiveOps.Core.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiveOps.Core.InviteTiming;

/// <summary>When to invite: the live-session detail page and <c>report invite-timing</c>; one pass over the paid-order snapshot.</summary>
public sealed class InviteTimingService(IDbContextFactory<LiveOpsDbContext> factory, SnapshotStore store)
{
    public async Task<InviteTimingReport> RunAsync(InviteTimingQuery query, CancellationToken ct = default)
    {
        var snapshot = await store.GetAsync(ct);
        long? startMs = null, endMs = null;
        if (query.LiveSessionId is { } id)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var session = await db.LiveSessions.AsNoTracking().Where(s => s.LiveSessionId == id)
                .Select(s => new { s.StartedAt, s.EndedAt }).FirstOrDefaultAsync(ct);
            if (session is not null)
            {
                startMs = session.StartedAt.ToUnixTimeMilliseconds();
                endMs = LiveSessionRules.EndMs(startMs.Value, session.EndedAt?.ToUnixTimeMilliseconds());
            }
        }
        return InviteTimingShape.Shape(snapshot, query.LiveSessionId, startMs, endMs);
    }
}

public static class InviteTimingServices
{
    public static IServiceCollection AddInviteTiming(this IServiceCollection services) => services.AddSingleton<InviteTimingService>();
}
