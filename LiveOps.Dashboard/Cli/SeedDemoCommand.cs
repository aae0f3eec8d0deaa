using LiveOps.Core.Data;

namespace LiveOps.Dashboard.Cli;

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
            Customers = PositiveInt(args, "customers") ?? DemoDataOptions.DefaultCustomers,
            Seed = PositiveInt(args, "seed") ?? DemoDataOptions.DefaultSeed,
        };
        var seeder = context.Services.GetRequiredService<DemoDataSeeder>();
        var summary = await seeder.SeedAsync(options, ct);
        await context.Out.WriteLineAsync(summary.ToString());
        return CliApp.Ok;
    }

    private static int? PositiveInt(CliArguments args, string name)
    {
        var text = args.Option(name);
        if (text is null)
        {
            return null;
        }
        return int.TryParse(text, out var value) && value > 0
            ? value
            : throw new UsageException($"--{name}: '{text}' is not a positive whole number");
    }
}
