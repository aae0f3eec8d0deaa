using System.Diagnostics;
using System.Globalization;
using LiveOps.Core.Overview;
using LiveOps.Dashboard.Cli;

namespace LiveOps.Bench;

/// <summary>
/// <c>bench overview --db path [--runs N]</c>: times the Overview's daily paid GMV over the last 30, 90 and
/// 365 days of an existing database (e.g. one filled by <c>seed-demo --customers 200000</c>, ~1M orders),
/// through the same service the page calls.
/// </summary>
public sealed class OverviewBench : IBenchCase
{
    public string Name => "overview";

    public string Description => "daily paid GMV of the Overview over 30/90/365 days of the --db database (--runs N, default 3)";

    public async Task RunAsync(CliArguments args, CommandContext context, CancellationToken ct)
    {
        var runs = args.PositiveInt("runs") ?? 3;
        var service = context.Services.GetRequiredService<DailyGmvService>();
        foreach (var days in DailyGmvQuery.Ranges)
        {
            var times = new List<double>();
            DailyGmvReport? report = null;
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                report = await service.RunAsync(service.LastDays(days), ct);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"last {days} days: {report!.PaidOrders} paid orders, {report.Buyers} buyers; runs {string.Join(", ", times.Select(t => t.ToString("0", CultureInfo.InvariantCulture)))} ms"));
        }
    }
}
