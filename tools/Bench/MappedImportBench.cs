using LiveOps.Dashboard.Cli;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using LiveOps.Core;
using LiveOps.Core.Common;
using LiveOps.Core.Data;
using LiveOps.Core.Import;
using LiveOps.Core.Import.Mapping;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LiveOps.Bench;

/// <summary>
/// <c>bench import --mapping douyin-orders [--rows N]</c>: writes a deterministic 抖店 line-item export of N lines
/// (default 1,000,000, 1–4 lines per order, ≈ 400,000 orders), imports it through the preset into a fresh database with
/// the same service the page and the command use, and times <c>sqlite3 .import</c> of the same file beside it.
/// </summary>
public static class MappedImportBench
{
    public static async Task RunAsync(string mappingName, CliArguments args, CommandContext context, CancellationToken ct)
    {
        var mapping = PresetCatalog.Find(mappingName)
            ?? throw new UsageException($"bench import --mapping: only presets are benchmarked ({string.Join(", ", PresetCatalog.All.Select(p => p.Name))})");
        if (mapping.Name != "douyin-orders")
        {
            throw new UsageException("bench import --mapping: the generated export is a douyin-orders one");
        }
        var lines = args.PositiveInt("rows") ?? 1_000_000;
        var customers = args.PositiveInt("customers") ?? 150_000;
        var folder = Path.Combine(Path.GetTempPath(), "liveops-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var csv = Path.Combine(folder, "douyin.csv");
            var generate = Stopwatch.StartNew();
            var orders = OrderFiles.WriteDouyinExport(csv, lines, customers, args.PositiveInt("seed") ?? 42);
            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"file: {lines} lines, {orders} orders, {new FileInfo(csv).Length / (1024.0 * 1024):0.0} MiB (UTF-8 with BOM, 21 columns), written in {generate.Elapsed.TotalSeconds:0.00} s"));

            var dbPath = Path.Combine(folder, "bench.db");
            await using var services = BuildServices(context.Services, dbPath);
            await DatabaseInitializer.MigrateAsync(services.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>(), ct);
            var importer = services.GetRequiredService<MappedImportService>();

            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var import = Stopwatch.StartNew();
            var result = await importer.ImportFileAsync(ImportKind.Orders, csv, mapping, null, ct);
            import.Stop();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            if (!result.Succeeded)
            {
                throw new RejectedInputException($"bench import: the generated file was refused: {result.Problems[0]}");
            }
            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"LiveOps import through '{mapping.Name}': {result.RowsRead} lines → {result.Records} orders ({result.Written!.CustomersCreated} customers created) in {import.Elapsed.TotalSeconds:0.00} s = {result.RowsRead / import.Elapsed.TotalSeconds:0} lines/s; CPU {cpu.TotalSeconds:0.00} s; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB"));
            var shell = ImportBench.TimeSqliteShell(csv, Path.Combine(folder, "plain.db"));
            await context.Out.WriteLineAsync(shell is { } seconds
                ? string.Create(CultureInfo.InvariantCulture, $"sqlite3 .import of the same file into a plain table: {seconds:0.00} s; LiveOps takes {import.Elapsed.TotalSeconds / seconds:0.00}x its time")
                : "sqlite3 shell not found: no comparison (apt-get install sqlite3)");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static ServiceProvider BuildServices(IServiceProvider outer, string dbPath)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(outer.GetRequiredService<IOptions<LiveOpsOptions>>());
        services.AddLiveOpsCore(new SqliteConnectionStringBuilder { DataSource = dbPath }.ToString());
        return services.BuildServiceProvider();
    }
}
