using System.Diagnostics;
using LiveOps.Core.Common;
using LiveOps.Core.Data;
using LiveOps.Core.Tiers;
using Microsoft.EntityFrameworkCore;
using LiveOps.Dashboard.Cli;

namespace LiveOps.Bench;

/// <summary>
/// <c>bench tiers [--db path] [--customers N] [--rows N] [--seed N] [--runs N]</c>: the tier report over N customers
/// and N orders spread over two years. An empty database is filled with synthetic rows first; one with orders is used as is.
/// </summary>
public sealed class TiersBench : IBenchCase
{
    public string Name => "tiers";

    public string Description => "report tiers over the paid-order column store: cold (loads the store) and warm";

    public async Task RunAsync(CliArguments args, CommandContext context, CancellationToken ct)
    {
        var customers = args.PositiveInt("customers") ?? 200_000;
        var rows = args.PositiveInt("rows") ?? 1_000_000;
        var runs = args.PositiveInt("runs") ?? 5;
        var seed = args.PositiveInt("seed") ?? 7;
        var factory = context.Services.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>();
        var clock = context.Services.GetRequiredService<ZoneClock>();
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            if (!await db.Orders.AnyAsync(ct))
            {
                var fill = Stopwatch.StartNew();
                await FillAsync(db, customers, rows, seed, clock.UtcNow, ct);
                await context.Out.WriteLineAsync($"filled {customers:N0} customers, {rows:N0} orders in {fill.Elapsed.TotalSeconds:0.0} s");
            }
        }
        var service = context.Services.GetRequiredService<TierService>();
        var asOf = clock.UtcNow;
        for (var run = 0; run <= runs; run++)
        {
            // CPU time as well as wall time: on a shared machine the wall clock mostly measures the neighbours.
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var report = await service.RunAsync(new TierQuery(asOf), ct);
            var elapsed = watch.Elapsed;
            var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var counts = string.Join(", ", report.Tiers.Select(t => $"{t.Tier} {t.Customers:N0}"));
            // The JSON that `report tiers` writes, into a writer that drops it: the output's own cost.
            cpu = Process.GetCurrentProcess().TotalProcessorTime;
            watch.Restart();
            await ReportOutput.WriteJsonAsync(TextWriter.Null, report, ct);
            var json = watch.Elapsed;
            var jsonCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            await context.Out.WriteLineAsync($"{(run == 0 ? "cold" : $"warm {run}")}: {elapsed.TotalMilliseconds:0} ms wall, {cpuUsed.TotalMilliseconds:0} ms CPU ({report.Customers.Count:N0} customers: {counts}); " +
                $"JSON {json.TotalMilliseconds:0} ms wall, {jsonCpu.TotalMilliseconds:0} ms CPU");
        }
    }

    private static async Task FillAsync(LiveOpsDbContext db, int customers, int rows, int seed, DateTimeOffset now, CancellationToken ct)
    {
        var random = new Random(seed);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO customers (Id, CustomerId) VALUES ($id, $cid)";
            var id = Parameter(insert, "$id");
            var cid = Parameter(insert, "$cid");
            for (var i = 1; i <= customers; i++)
            {
                id.Value = i;
                cid.Value = $"c{i:D7}";
                await insert.ExecuteNonQueryAsync(ct);
            }
        }
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO orders (OrderId, CustomerKey, PlacedAt, Amount, Status) VALUES ($oid, $key, $at, $amount, $status)";
            var oid = Parameter(insert, "$oid");
            var key = Parameter(insert, "$key");
            var at = Parameter(insert, "$at");
            var amount = Parameter(insert, "$amount");
            var status = Parameter(insert, "$status");
            var end = now.ToUnixTimeMilliseconds();
            var span = (long)TimeSpan.FromDays(730).TotalMilliseconds;
            for (var i = 1; i <= rows; i++)
            {
                oid.Value = $"o{i:D8}";
                // Skewed: a few customers buy a lot, as in a real shop.
                key.Value = 1 + (int)(customers * Math.Pow(random.NextDouble(), 2));
                at.Value = end - random.NextInt64(span);
                amount.Value = Money.ToUnits(Math.Round((decimal)(20 + random.NextDouble() * 980), 2));
                status.Value = random.Next(10) == 0 ? 1 : 0;
                await insert.ExecuteNonQueryAsync(ct);
            }
        }
        await tx.CommitAsync(ct);
    }

    private static System.Data.Common.DbParameter Parameter(System.Data.Common.DbCommand command, string name)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        command.Parameters.Add(p);
        return p;
    }
}
