using LiveOps.Core.Store;
using LiveOps.Core.Import;
using LiveOps.Core.Import.Mapping;

namespace LiveOps.Dashboard.Cli;

/// <summary>
/// <c>import &lt;kind&gt; &lt;file&gt; [--mapping &lt;name|file.json&gt; [--dry-run]]</c>: a plain §2 CSV file, or a shop's own
/// export (CSV or .xlsx) through a mapping (contract §5). Problems go to stderr in English.
/// </summary>
public sealed class ImportCommand : ICommand
{
    public IReadOnlySet<string> Options { get; } = new HashSet<string> { "db", "mapping" };

    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "dry-run" };

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
        if (args.Has("dry-run") && !args.Has("mapping"))
        {
            throw new UsageException("import: --dry-run goes with --mapping");
        }
        var path = args.Positional[1];
        if (!File.Exists(path))
        {
            throw new RejectedInputException($"{path}: no such file");
        }
        if (args.Option("mapping") is { } mapping)
        {
            return await MappedAsync(kind, path, mapping, args.Has("dry-run"), context, ct);
        }
        var importer = context.Services.GetRequiredService<IImportService>();
        var result = await importer.ImportFileAsync(kind, path, ct);
        if (!result.Succeeded)
        {
            return await RefusedAsync(context, path, result.Problems, result.MoreProblems);
        }
        // The import's work includes bringing the column stores (and their files) up to date: the next report reads them.
        await context.Services.GetRequiredService<SnapshotStore>().RefreshAsync(ct);
        await context.Out.WriteLineAsync($"{ImportKinds.Name(kind)}: {Written(result)}");
        return CliApp.Ok;
    }

    private static async Task<int> MappedAsync(ImportKind kind, string path, string name, bool dryRun, CommandContext context, CancellationToken ct)
    {
        ImportMapping mapping;
        try
        {
            mapping = await context.Services.GetRequiredService<SavedMappingService>().ResolveAsync(name, ct);
        }
        catch (MappingException e)
        {
            return await RefusedAsync(context, name, e.Problems, 0, "mapping");
        }
        var service = context.Services.GetRequiredService<MappedImportService>();
        var result = dryRun
            ? await service.PreviewFileAsync(kind, path, mapping, null, ct)
            : await service.ImportFileAsync(kind, path, mapping, null, ct);
        if (!result.Succeeded)
        {
            return await RefusedAsync(context, path, result.Problems, result.MoreProblems);
        }
        var summary = Summary(result);
        if (dryRun)
        {
            await context.Out.WriteLineAsync($"dry run, nothing written: {summary}");
            return CliApp.Ok;
        }
        await context.Services.GetRequiredService<SnapshotStore>().RefreshAsync(ct);
        await context.Out.WriteLineAsync($"{summary}; {Written(result.Written!)}");
        return CliApp.Ok;
    }

    /// <summary><c>orders via mapping 'douyin-orders' (csv, gb18030): 12 rows read, 2 skipped (…), 5 records formed, 3 new customers, 1 known</c></summary>
    public static string Summary(MappedImportResult result)
    {
        var source = result.Format == SourceFormat.Xlsx ? "xlsx" : $"csv, {result.Encoding}";
        var skipped = result.Skipped.Count == 0
            ? "0 skipped"
            : $"{result.SkippedRows} skipped ({string.Join(", ", result.Skipped.Select(s => $"{s.Rule.Describe()}: {s.Rows}"))})";
        return $"{ImportKinds.Name(result.Kind)} via mapping '{result.Mapping}' ({source}): {result.RowsRead} rows read, {skipped}, "
            + $"{result.Records} records formed, {result.NewCustomers} new customers, {result.KnownCustomers} known customers";
    }

    private static string Written(ImportResult result)
    {
        var created = result.CustomersCreated > 0 ? $"; {result.CustomersCreated} new customers created" : "";
        return $"{result.Rows} rows imported ({result.Added} added, {result.Updated} updated, {result.Unchanged} unchanged){created}";
    }

    private static async Task<int> RefusedAsync(CommandContext context, string what, IReadOnlyList<ImportProblem> problems, long more, string noun = "file")
    {
        foreach (var problem in problems)
        {
            await context.Error.WriteLineAsync(problem.ToString());
        }
        if (more > 0)
        {
            await context.Error.WriteLineAsync($"… and {more} more problems");
        }
        await context.Error.WriteLineAsync(noun == "file"
            ? $"{what}: nothing was imported ({problems.Count + more} problems)"
            : $"mapping {what}: cannot be used ({problems.Count} problems); nothing was imported");
        return CliApp.Rejected;
    }
}
