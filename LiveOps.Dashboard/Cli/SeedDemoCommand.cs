using LiveOps.Core.Store;
using LiveOps.Core.Data;

namespace LiveOps.Dashboard.Cli;

/// <summary><c>seed-demo [--db] [--customers N] [--seed N]</c>: fills an empty database with the demo shop.</summary>
public sealed class SeedDemoCommand : ICommand
{
    public IReadOnlySet<string> Options { get; } = new HashSet<string> { "db", "customers", "seed" };

    public async Task<int> RunAsync(CliArguments args, CommandContext context, CancellationToken ct)
    {
        if (args.Positional.Count != 0)
        {
            throw new UsageException("seed-demo takes no words, only options");
        }
        var options = new DemoDataOptions
        {
            Customers = args.PositiveInt("customers") ?? DemoDataOptions.DefaultCustomers,
            Seed = args.PositiveInt("seed") ?? DemoDataOptions.DefaultSeed,
        };
        var seeder = context.Services.GetRequiredService<DemoDataSeeder>();
        // Demo rows mixed into real ones would corrupt every report, so only an empty database is filled.
        if (!await seeder.IsDatabaseEmptyAsync(ct))
        {
            throw new RejectedInputException("seed-demo: the database already holds data; demo data only goes into an empty database");
        }
        var summary = await seeder.SeedAsync(options, ct);
        await context.Services.GetRequiredService<SnapshotStore>().RefreshAsync(ct);
        await context.Out.WriteLineAsync(summary.ToString());
        return CliApp.Ok;
    }
}
