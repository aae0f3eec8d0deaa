using LiveOps.Core.Store;
using LiveOps.Core.Import;

namespace LiveOps.Dashboard.Cli;

public sealed class ImportCommand : ICommand
{
    public IReadOnlySet<string> Options { get; } = new HashSet<string> { "db" };

    public async Task<int> RunAsync(CliArguments args, CommandContext context, CancellationToken ct)
    {
        if (args.Positional.Count != 2)
        {
            throw new UsageException("import: give a kind and a file");
        }
        if (!ImportKinds.TryParse(args.Positional[0], out var kind))
        {
            throw new UsageException($"import: unknown kind '{args.Positional[0]}'");
        }
        var path = args.Positional[1];
        if (!File.Exists(path))
        {
            throw new RejectedInputException($"{path}: no such file");
        }
        var importer = context.Services.GetRequiredService<IImportService>();
        var result = await importer.ImportFileAsync(kind, path, ct);
        if (!result.Succeeded)
        {
            foreach (var problem in result.Problems)
            {
                await context.Error.WriteLineAsync(problem.ToString());
            }
            if (result.MoreProblems > 0)
            {
                await context.Error.WriteLineAsync($"… and {result.MoreProblems} more problems");
            }
            await context.Error.WriteLineAsync($"{path}: nothing was imported ({result.Problems.Count + result.MoreProblems} problems)");
            return CliApp.Rejected;
        }
        // The import's work includes bringing the column stores (and their files) up to date: the next report reads them.
        await context.Services.GetRequiredService<ColumnStores>().RefreshAsync(ct);
        var created = result.CustomersCreated > 0 ? $"; {result.CustomersCreated} new customers created" : "";
        await context.Out.WriteLineAsync(
            $"{ImportKinds.Name(kind)}: {result.Rows} rows imported ({result.Added} added, {result.Updated} updated, {result.Unchanged} unchanged){created}");
        return CliApp.Ok;
    }
}
