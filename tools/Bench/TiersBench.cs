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
                await TierData.WriteAsync(db, customers, rows, seed, clock.UtcNow, ct);
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

}
