using System.Diagnostics;
using System.Globalization;
using LiveOps.Core.Data;
using LiveOps.Core.LiveSessions;
using LiveOps.Dashboard.Components.Pages.LiveSessions;
using LiveOps.Dashboard.Cli;

namespace LiveOps.Bench;

/// <summary>
/// <c>bench live-sessions [--db path] [--customers N] [--seed N] [--runs N]</c>: on an empty database first writes the
/// demo shop (default 200,000 customers, about 1,000,000 orders), then times what the live sessions pages compute
/// through the same service: the list with its benchmarks, one session's detail, and the comparison chart's options.
/// The first run after a write includes loading the paid-order column store; the runs after it are warm.
/// </summary>
public sealed class LiveSessionsBench : IBenchCase
{
    public string Name => "live-sessions";

    public string Description => "live sessions list, detail and comparison chart over the demo shop (--customers N, default 200000; --runs N, default 3)";

    public async Task RunAsync(CliArguments args, CommandContext context, CancellationToken ct)
    {
        var runs = args.PositiveInt("runs") ?? 3;
        var seeder = context.Services.GetRequiredService<DemoDataSeeder>();
        if (await seeder.IsDatabaseEmptyAsync(ct))
        {
            var fill = Stopwatch.StartNew();
            var summary = await seeder.SeedAsync(new DemoDataOptions
            {
                Customers = args.PositiveInt("customers") ?? 200_000,
                Seed = args.PositiveInt("seed") ?? DemoDataOptions.DefaultSeed,
            }, ct);
            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"seeded in {fill.Elapsed.TotalSeconds:0.0} s: {summary}"));
        }
        var service = context.Services.GetRequiredService<LiveSessionService>();
        var labels = new ComparisonLabels("sessions", "watch", "join rate", "median");
        await Time(context, "cold (column store load + list)", () => service.RunAsync(new LiveSessionQuery(), ct));
        for (var run = 1; run <= runs; run++)
        {
            var report = await Time(context, $"warm list {run}", () => service.RunAsync(new LiveSessionQuery(), ct));
            var newest = report.Sessions.FirstOrDefault()?.LiveSessionId ?? "";
            // The detail page runs the whole report (benchmarks are over every session) and picks its row.
            await Time(context, $"warm detail {run} ({newest})", async () => (await service.RunAsync(new LiveSessionQuery(), ct)).Find(newest));
            await Time(context, $"warm comparison chart {run}", async () => LiveSessionChartMapper.Comparison(await service.RunAsync(new LiveSessionQuery(), ct), labels));
        }
        var sessions = await service.RunAsync(new LiveSessionQuery(), ct);
        await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{sessions.Sessions.Count} sessions, {sessions.Sessions.Sum(s => s.Orders):N0} attributed orders, {sessions.Sessions.Sum(s => s.NewBuyers):N0} new buyers, {sessions.Sessions.Sum(s => s.Joins):N0} joins"));
    }

    private static async Task<T> Time<T>(CommandContext context, string what, Func<Task<T>> run)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var result = await run();
        watch.Stop();
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {watch.Elapsed.TotalMilliseconds:0} ms wall, {cpuMs:0} ms CPU"));
        return result;
    }
}
