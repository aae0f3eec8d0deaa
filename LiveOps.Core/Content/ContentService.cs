using LiveOps.Core.Store;
using LiveOps.Core.Common;
using LiveOps.Core.Data;
using LiveOps.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LiveOps.Core.Content;

/// <summary>
/// Content-driven repurchase for the cadence page and <c>report content</c>: paid orders from the shared
/// <see cref="SnapshotStore"/> snapshot, pushes and audience events read raw (a few columns each), then the pure
/// <see cref="ContentShape"/>.
/// </summary>
public sealed class ContentService(
    ReportCache cache,
    IDbContextFactory<LiveOpsDbContext> factory,
    SnapshotStore store,
    ZoneClock clock,
    IOptions<LiveOpsOptions> options)
{
    /// <summary>The report, computed once per query and data version and shared (<see cref="ReportCache"/>).</summary>
    public Task<ContentReport> RunAsync(ContentQuery query, CancellationToken ct = default) =>
        cache.GetOrComputeAsync("content", query, c => ComputeAsync(query, c), ct);

    private async Task<ContentReport> ComputeAsync(ContentQuery query, CancellationToken ct)
    {
        var asOf = query.AsOf ?? clock.UtcNow;
        var to = query.To ?? asOf;
        var snapshot = await store.GetAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var audiences = (await db.Audiences.AsNoTracking().Select(a => new { a.AudienceId, a.Name }).ToListAsync(ct))
            .Select(a => (a.AudienceId, a.Name)).ToList();
        var pushes = await ContentReads.PushesAsync(db, ct);
        var from = query.From ?? (pushes.Count > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(pushes.Min(p => p.SentMs)) : to);
        // Every event before the range's end: membership at the range's start needs the joins before it.
        var events = await ContentReads.MemberEventsAsync(db, snapshot, to, ct);
        var cadence = options.Value.PushCadence;
        return ContentShape.Shape(new ContentInput(audiences, pushes, events, snapshot), from, to, cadence.MinPerWeek, cadence.MaxPerWeek, clock);
    }
}

public static class ContentServices
{
    public static IServiceCollection AddContent(this IServiceCollection services) => services.AddSingleton<ContentService>();
}
