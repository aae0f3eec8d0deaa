using System.Diagnostics;
using System.Globalization;
using LiveOps.Core.Store;
using LiveOps.Core.Campaigns;
using LiveOps.Core.Common;
using LiveOps.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using LiveOps.Dashboard.Cli;

namespace LiveOps.Bench;

/// <summary>
/// <c>bench campaigns [--db path] [--rows N] [--customers N] [--seed N] [--runs N]</c>: fills an empty database with
/// N orders (default 1,000,000), 200 campaigns and about 300,000 funnel events, then times the campaign report.
/// </summary>
public sealed class CampaignsBench : IBenchCase
{
    public string Name => "campaigns";

    public string Description => "report campaigns over generated orders, campaigns and funnel events";

    public async Task RunAsync(CliArguments args, CommandContext context, CancellationToken ct)
    {
        var rows = args.PositiveInt("rows") ?? 1_000_000;
        var customers = args.PositiveInt("customers") ?? 200_000;
        var runs = args.PositiveInt("runs") ?? 3;
        var seed = args.PositiveInt("seed") ?? 7;
        var factory = context.Services.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>();
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            if (!await db.Orders.AnyAsync(ct))
            {
                var fill = Stopwatch.StartNew();
                await db.Database.OpenConnectionAsync(ct);
                var events = Generate((SqliteConnection)db.Database.GetDbConnection(), rows, customers, seed);
                await context.Out.WriteLineAsync($"generated {rows:N0} orders, {customers:N0} customers, 200 campaigns, {events:N0} events in {fill.Elapsed.TotalSeconds:0.0} s");
            }
        }
        var service = context.Services.GetRequiredService<CampaignService>();
        var store = context.Services.GetRequiredService<SnapshotStore>();
        var version = context.Services.GetRequiredService<DataVersion>();
        for (var run = 1; run <= runs; run++)
        {
            // A new version, as after an import: the shared snapshot reloads (timed on its own, since cohorts,
            // tiers and the overview share that load), then its funnel events load, then the first campaigns request makes the pass.
            version.Bump();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var snapshot = await store.GetAsync(ct);
            var load = watch.Elapsed;
            var loadCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            watch.Restart();
            await snapshot.EventsAsync(ct);
            var eventsLoad = watch.Elapsed;
            var eventsCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu - loadCpu;
            var before = GC.GetTotalAllocatedBytes();
            watch.Restart();
            var report = await service.RunAsync(new CampaignQuery(), ct);
            var pass = watch.Elapsed;
            var passCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu - loadCpu - eventsCpu;
            watch.Restart();
            await service.RunAsync(new CampaignQuery { From = DateTimeOffset.UnixEpoch }, ct);
            var again = watch.Elapsed;
            var allocated = (GC.GetTotalAllocatedBytes() - before) / (1024 * 1024);
            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"run {run}: paid-order store load {load.TotalSeconds:0.00} s wall / {loadCpu.TotalSeconds:0.00} s CPU; funnel-event store load {eventsLoad.TotalSeconds:0.00} s wall / {eventsCpu.TotalSeconds:0.00} s CPU; first request (the pass) {pass.TotalSeconds:0.00} s wall / {passCpu.TotalSeconds:0.00} s CPU; next request {again.TotalMilliseconds:0} ms; {report.Campaigns.Count} campaigns, {report.Campaigns.Sum(c => c.Orders):N0} attributed orders, {allocated:N0} MiB allocated"));
        }
    }

    private static long Generate(SqliteConnection connection, int orders, int customers, int seed)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
        const long spanMs = 670L * 24 * 3600 * 1000;
        using var tx = connection.BeginTransaction();
        Insert(connection, "INSERT INTO customers (CustomerId) VALUES ($a)", customers, i => [$"c{i + 1:D6}"]);
        var campaignStarts = new long[200];
        Insert(connection, "INSERT INTO campaigns (CampaignId, Name, Type, StartsAt, EndsAt, Cost, AttributionDays) VALUES ($a, $b, $c, $d, $e, $f, $g)", 200, i =>
        {
            campaignStarts[i] = start.ToUnixTimeMilliseconds() + spanMs * i / 200;
            return [$"k{i:D3}", $"campaign {i}", i % 6, campaignStarts[i], campaignStarts[i] + 7L * 24 * 3600 * 1000, i % 4 == 0 ? null : Money.ToUnits(1000 + i * 10), i % 2 == 0 ? 7 : 3];
        });
        long events = 0;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "INSERT OR IGNORE INTO campaign_events (CampaignId, CustomerKey, At, Stage) VALUES ($a, $b, $c, $d)";
            var p = new[] { command.Parameters.Add("$a", SqliteType.Text), command.Parameters.Add("$b", SqliteType.Integer), command.Parameters.Add("$c", SqliteType.Integer), command.Parameters.Add("$d", SqliteType.Integer) };
            // 150,000 exposures; each later stage keeps about half of the previous one (~300,000 events in all).
            for (var n = 0; n < 150_000; n++)
            {
                var campaign = random.Next(200);
                var at = campaignStarts[campaign] + random.NextInt64(7L * 24 * 3600 * 1000);
                p[0].Value = $"k{campaign:D3}";
                p[1].Value = random.Next(customers) + 1;
                for (var stage = 0; stage < 5 && (stage == 0 || random.NextDouble() < 0.5); stage++)
                {
                    at += random.Next(1, 3600_000);
                    p[2].Value = at;
                    p[3].Value = stage;
                    events += command.ExecuteNonQuery();
                }
            }
        }
        Insert(connection, "INSERT INTO orders (OrderId, CustomerKey, PlacedAt, Amount, Status, CampaignId) VALUES ($a, $b, $c, $d, $e, $f)", orders, i =>
        [
            $"o{i:D7}", random.Next(customers) + 1, start.ToUnixTimeMilliseconds() + random.NextInt64(spanMs),
            Money.ToUnits(random.Next(2000, 50000) / 100m), random.NextDouble() < 0.05 ? 1 : 0,
            random.NextDouble() < 0.1 ? $"k{random.Next(200):D3}" : null,
        ]);
        tx.Commit();
        return events;
    }

    private static void Insert(SqliteConnection connection, string sql, int count, Func<int, object?[]> values)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var names = new[] { "$a", "$b", "$c", "$d", "$e", "$f", "$g" };
        var parameters = names.Where(sql.Contains).Select(n => command.Parameters.Add(new SqliteParameter(n, null))).ToArray();
        for (var i = 0; i < count; i++)
        {
            var row = values(i);
            for (var p = 0; p < parameters.Length; p++)
            {
                parameters[p].Value = row[p] ?? DBNull.Value;
            }
            command.ExecuteNonQuery();
        }
    }
}
