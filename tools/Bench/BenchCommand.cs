using System.Diagnostics;
using LiveOps.Dashboard.Cli;

namespace LiveOps.Bench;

/// <summary>One measured case of <c>bench &lt;case&gt;</c>; it prints its own figures.</summary>
public interface IBenchCase
{
    string Name { get; }

    string Description { get; }

    Task RunAsync(CliArguments args, CommandContext context, CancellationToken ct);
}

public static class BenchCases
{
    public static readonly IReadOnlyList<IBenchCase> All =
    [
        new ImportBench(),
        new OverviewBench(),
        new CadenceBench(),
        new TiersBench(),
        new CohortsBench(),
        new CampaignsBench(),
        new LiveSessionsBench(),
        new ValueBench(),
    ];
}

/// <summary>
/// <c>bench &lt;case&gt; [--db path] [--rows N] [--customers N]</c>: speed measurements at realistic sizes,
/// run in Release; the README reports their output.
/// </summary>
public sealed class BenchCommand : ICommand
{
    public IReadOnlySet<string> Options { get; } = new HashSet<string> { "db", "rows", "customers", "seed", "runs", "mapping", "shuffled" };

    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "shuffled" };

    public async Task<int> RunAsync(CliArguments args, CommandContext context, CancellationToken ct)
    {
        var names = string.Join(", ", BenchCases.All.Select(c => c.Name));
        if (args.Positional.Count != 1)
        {
            throw new UsageException($"bench: which case? ({names})");
        }
        var bench = BenchCases.All.FirstOrDefault(c => c.Name == args.Positional[0])
            ?? throw new UsageException($"bench: unknown case '{args.Positional[0]}' ({names})");
        await context.Out.WriteLineAsync($"bench {bench.Name}: {bench.Description}");
        await context.Out.WriteLineAsync($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC");
        var total = Stopwatch.StartNew();
        await bench.RunAsync(args, context, ct);
        await context.Out.WriteLineAsync($"total: {total.Elapsed.TotalSeconds:0.00} s, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB");
        return CliApp.Ok;
    }
}
