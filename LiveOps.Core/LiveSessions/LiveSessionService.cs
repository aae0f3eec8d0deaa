using LiveOps.Core.Store;
using LiveOps.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LiveOps.Core.LiveSessions;

/// <summary>
/// What each live session brought, from one linear scan of the shared <see cref="SnapshotStore"/> snapshot
/// (paid orders grouped by customer, in time order, each with its live_session_id): orders, GMV and distinct
/// buyers per session, and every customer's first paid order ever (earliest, ties by insertion order) with the
/// customer's private-domain join time, from which the pure <see cref="LiveSessionRules"/> decide the joins.
/// Refunded and cancelled orders are not in the snapshot, so they never count.
/// </summary>
public sealed class LiveSessionService(ReportCache cache, IDbContextFactory<LiveOpsDbContext> factory, SnapshotStore store)
{
    /// <summary>The report, computed once per query and data version and shared (<see cref="ReportCache"/>).</summary>
    public Task<LiveSessionReport> RunAsync(LiveSessionQuery query, CancellationToken ct = default) =>
        cache.GetOrComputeAsync("live-sessions", query, c => ComputeAsync(query, c), ct);

    private async Task<LiveSessionReport> ComputeAsync(LiveSessionQuery query, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        // Sessions are few (one row per broadcast), so the range filter runs in memory.
        var sessions = (await db.LiveSessions.AsNoTracking()
                .Select(s => new { s.LiveSessionId, s.Title, s.StartedAt, s.EndedAt, s.Viewers, s.PeakConcurrent, s.AvgWatchSeconds })
                .ToListAsync(ct))
            .Where(s => (query.From is null || s.StartedAt >= query.From) && (query.To is null || s.StartedAt < query.To))
            .ToList();
        var scan = Scan(await store.GetAsync(ct));

        var rows = sessions
            .OrderByDescending(s => s.StartedAt).ThenBy(s => s.LiveSessionId, StringComparer.Ordinal)
            .Select(s =>
            {
                var startMs = s.StartedAt.ToUnixTimeMilliseconds();
                var endMs = LiveSessionRules.EndMs(startMs, s.EndedAt?.ToUnixTimeMilliseconds());
                var t = scan.TryGetValue(s.LiveSessionId, out var found) ? found : SessionTotals.Empty;
                var newBuyers = t.FirstOrderJoins;
                var joins = newBuyers.Count(j => LiveSessionRules.IsJoinAttributed(startMs, endMs, j));
                return new LiveSessionRow(s.LiveSessionId, s.Title, s.StartedAt, s.EndedAt,
                    DateTimeOffset.FromUnixTimeMilliseconds(endMs).ToOffset(s.StartedAt.Offset),
                    s.Viewers, s.PeakConcurrent, s.AvgWatchSeconds,
                    t.Orders, Common.Money.FromUnits(t.Units), t.Buyers, newBuyers.Count, joins,
                    LiveSessionRules.JoinRate(joins, newBuyers.Count));
            })
            .ToList();

        var benchmarks = new LiveSessionBenchmarks(
            LiveSessionRules.BenchmarkOf(rows.Select(r => (double?)r.Viewers)),
            LiveSessionRules.BenchmarkOf(rows.Select(r => r.AvgWatchSeconds)),
            LiveSessionRules.BenchmarkOf(rows.Select(r => (double?)r.Gmv)),
            LiveSessionRules.BenchmarkOf(rows.Select(r => (double?)r.NewBuyers)),
            LiveSessionRules.BenchmarkOf(rows.Select(r => (double?)r.Joins)),
            LiveSessionRules.BenchmarkOf(rows.Select(r => r.JoinRate)));
        return new LiveSessionReport(rows, benchmarks);
    }

    /// <summary>
    /// Per live_session_id named by paid orders: orders, amount (1/10000 yuan), distinct buyers, and the join time
    /// (or null) of every customer whose first paid order ever carries it. One pass: a customer's orders are
    /// contiguous, so "already counted this buyer" is the last customer index seen per session.
    /// </summary>
    internal static Dictionary<string, SessionTotals> Scan(DataSnapshot s)
    {
        var n = s.LiveSessionIds.Length;
        var orders = new long[n];
        var units = new long[n];
        var buyers = new long[n];
        var lastBuyer = new int[n];
        Array.Fill(lastBuyer, -1);
        var firsts = new List<long?>[n];
        for (var c = 0; c < s.CustomerCount; c++)
        {
            var start = s.OrderStart[c];
            var end = s.OrderStart[c + 1];
            for (var i = start; i < end; i++)
            {
                var session = s.LiveSessions[i];
                if (session < 0)
                {
                    continue;
                }
                orders[session]++;
                units[session] += s.AmountUnits[i];
                if (lastBuyer[session] != c)
                {
                    lastBuyer[session] = c;
                    buyers[session]++;
                }
                if (i == start)
                {
                    var joined = s.JoinedPrivateMs[c];
                    (firsts[session] ??= []).Add(joined == DataSnapshot.NoInstant ? null : joined);
                }
            }
        }
        var result = new Dictionary<string, SessionTotals>(n, StringComparer.Ordinal);
        for (var k = 0; k < n; k++)
        {
            result[s.LiveSessionIds[k]] = new SessionTotals(orders[k], units[k], buyers[k], firsts[k] ?? []);
        }
        return result;
    }
}

/// <summary>What the paid orders carrying one live_session_id add up to; see <see cref="LiveSessionService.Scan"/>.</summary>
internal sealed record SessionTotals(long Orders, long Units, long Buyers, IReadOnlyList<long?> FirstOrderJoins)
{
    public static readonly SessionTotals Empty = new(0, 0, 0, []);
}
