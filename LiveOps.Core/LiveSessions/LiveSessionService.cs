using LiveOps.Core.Data;
using LiveOps.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LiveOps.Core.LiveSessions;

/// <summary>
/// What each live session brought, computed set-based in SQLite: one GROUP BY of paid orders by live_session_id,
/// and one pass that finds every customer's first paid order (earliest, ties by insertion order) with the
/// customer's private-domain join time. Only the first orders that carry a session id come back to C#, where the
/// pure <see cref="LiveSessionRules"/> decide the joins. Refunded and cancelled orders never count.
/// </summary>
public sealed class LiveSessionService(IDbContextFactory<LiveOpsDbContext> factory)
{
    public async Task<LiveSessionReport> RunAsync(LiveSessionQuery query, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        // Sessions are few (one row per broadcast), so the range filter runs in memory.
        var sessions = (await db.LiveSessions.AsNoTracking()
                .Select(s => new { s.LiveSessionId, s.Title, s.StartedAt, s.EndedAt, s.Viewers, s.PeakConcurrent, s.AvgWatchSeconds })
                .ToListAsync(ct))
            .Where(s => (query.From is null || s.StartedAt >= query.From) && (query.To is null || s.StartedAt < query.To))
            .ToList();

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT "LiveSessionId", COUNT(*), CAST(SUM("Amount") AS BIGINT), COUNT(DISTINCT "CustomerKey")
            FROM orders
            WHERE "Status" = @paid AND "LiveSessionId" IS NOT NULL
            GROUP BY "LiveSessionId";
            SELECT f."LiveSessionId", c."JoinedPrivateAt"
            FROM (SELECT "CustomerKey", "LiveSessionId",
                         ROW_NUMBER() OVER (PARTITION BY "CustomerKey" ORDER BY "PlacedAt", "Id") AS n
                  FROM orders WHERE "Status" = @paid) f
            JOIN customers c ON c."Id" = f."CustomerKey"
            WHERE f.n = 1 AND f."LiveSessionId" IS NOT NULL;
            """;
        var paid = command.CreateParameter();
        paid.ParameterName = "@paid";
        paid.Value = (long)OrderStatus.Paid;
        command.Parameters.Add(paid);

        var totals = new Dictionary<string, (long Orders, long Units, long Buyers)>(StringComparer.Ordinal);
        var firsts = new Dictionary<string, List<long?>>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (reader.Read())
            {
                totals[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
            }
            await reader.NextResultAsync(ct);
            while (reader.Read())
            {
                var id = reader.GetString(0);
                if (!firsts.TryGetValue(id, out var joins))
                {
                    firsts[id] = joins = [];
                }
                joins.Add(reader.IsDBNull(1) ? null : reader.GetInt64(1));
            }
        }

        var rows = sessions
            .OrderByDescending(s => s.StartedAt).ThenBy(s => s.LiveSessionId, StringComparer.Ordinal)
            .Select(s =>
            {
                var startMs = s.StartedAt.ToUnixTimeMilliseconds();
                var endMs = LiveSessionRules.EndMs(startMs, s.EndedAt?.ToUnixTimeMilliseconds());
                totals.TryGetValue(s.LiveSessionId, out var t);
                var newBuyers = firsts.GetValueOrDefault(s.LiveSessionId) ?? [];
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
}
