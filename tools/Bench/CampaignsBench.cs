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
                var events = CampaignData.Write((SqliteConnection)db.Database.GetDbConnection(), rows, customers, seed);
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

}
