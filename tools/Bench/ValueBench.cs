using LiveOps.Dashboard.Cli;
using System.Diagnostics;
using System.Text.Json;
using LiveOps.Core.Store;
using LiveOps.Core.Common;
using LiveOps.Core.Tiers;
using LiveOps.Core.Value;

namespace LiveOps.Bench;

/// <summary>
/// <c>bench value --db demo.db [--runs N]</c>: on an existing database (such as <c>seed-demo --customers 200000</c>),
/// the column-store load, then per run a fresh <see cref="ValueService"/> (nothing cached) computing what the value
/// page shows first: both fits at as-of and at the backtest cutoff, scores, churn risk and backtest; then the cached call
/// and the §6 report as JSON.
/// </summary>
public sealed class ValueBench : IBenchCase
{
    public string Name => "value";

    public string Description => "value page insights and report value on the --db database (fits uncached per run)";

    public async Task RunAsync(CliArguments args, CommandContext context, CancellationToken ct)
    {
        var runs = args.PositiveInt("runs") ?? 5;
        var output = context.Out;
        var services = context.Services;
        var store = services.GetRequiredService<SnapshotStore>();
        var clock = services.GetRequiredService<ZoneClock>();
        var tiers = services.GetRequiredService<TierRuleSetService>();
        await output.WriteLineAsync($"load average at start (other work on the machine): {LoadAverage()}");

        var watch = Stopwatch.StartNew();
        var snapshot = await store.GetAsync(ct);
        await output.WriteLineAsync($"store load: {watch.Elapsed.TotalMilliseconds:0} ms ({snapshot.CustomerCount:N0} customers, {snapshot.OrderCount:N0} paid orders)");
        var asOf = clock.UtcNow;
        ValueService? last = null;
        for (var run = 1; run <= runs; run++)
        {
            // No shared report cache: every run computes.
            var service = new ValueService(new ReportCache(services.GetRequiredService<DataVersion>(), TimeProvider.System, capacity: 0), store, tiers, clock);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            watch.Restart();
            var insights = await service.InsightsAsync(new ValueQuery(asOf), ct);
            var wall = watch.Elapsed.TotalMilliseconds;
            var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
            var model = insights.Model;
            var backtest = insights.Backtest.Model;
            await output.WriteLineAsync($"run {run}{(run == 1 ? " (JIT)" : "")}: insights {wall:0} ms wall, {used:0} ms CPU; " +
                $"fit at as-of {model?.FitTime.TotalMilliseconds:0} ms / {model?.Iterations} Nelder-Mead iterations (both models), " +
                $"at cutoff {backtest?.FitTime.TotalMilliseconds:0} ms / {backtest?.Iterations} iterations; " +
                $"{insights.Customers:N0} customers, {insights.ChurnRisk.Customers:N0} at churn risk{(insights.Reason is { } r ? "; " + r : "")}");
            last = service;
        }
        watch.Restart();
        await last!.InsightsAsync(new ValueQuery(asOf), ct);
        await output.WriteLineAsync($"insights again (fits cached for this data version): {watch.Elapsed.TotalMilliseconds:0} ms");
        watch.Restart();
        var report = await last.RunAsync(new ValueQuery(asOf), ct);
        await JsonSerializer.SerializeAsync(Stream.Null, report, ReportJson.Options, ct);
        await output.WriteLineAsync($"report value as JSON (fits cached): {watch.Elapsed.TotalMilliseconds:0} ms, {report.Customers.Count:N0} customers");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
}
