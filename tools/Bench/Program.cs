using LiveOps.Bench;
using LiveOps.Dashboard.Cli;

// bench <case> [--db path] [--rows N] [--customers N] [--seed N] [--runs N] [--shuffled]: the product's speed at
// realistic sizes, run in Release; see the README's Benchmarks.
var stdout = CliApp.StandardOutput();
try
{
    // Every run computes: a bench measures the reports, not the shared report cache (capacity 0 keeps nothing).
    return await CliApp.RunAsync(new BenchCommand(), "bench", args, stdout, Console.Error, configureServices: services =>
        services.AddSingleton(sp => new LiveOps.Core.Store.ReportCache(
            sp.GetRequiredService<LiveOps.Core.Store.DataVersion>(), sp.GetRequiredService<TimeProvider>(), capacity: 0)));
}
finally
{
    await stdout.FlushAsync();
}
