using LiveOps.Bench;
using LiveOps.Dashboard.Cli;

// bench <case> [--db path] [--rows N] [--customers N] [--seed N] [--runs N] [--shuffled]: the product's speed at
// realistic sizes, run in Release; see the README's Benchmarks.
var stdout = CliApp.StandardOutput();
try
{
    return await CliApp.RunAsync(new BenchCommand(), "bench", args, stdout, Console.Error);
}
finally
{
    await stdout.FlushAsync();
}
