using System.Diagnostics;
using System.Globalization;
using System.Text;
using LiveOps.Core;
using LiveOps.Core.Common;
using LiveOps.Core.Data;
using LiveOps.Core.Import;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using LiveOps.Dashboard.Cli;

namespace LiveOps.Bench;

/// <summary>
/// <c>bench import --rows N [--shuffled]</c>: writes a deterministic N-row orders file, imports it into a fresh
/// database through the same IImportService the page and the command use (with <c>--shuffled</c> also the same
/// rows in random order into another), and compares with the sqlite3 shell's <c>.import</c> of the file into a
/// plain table (no checks, no indexes) when sqlite3 is installed.
/// </summary>
public sealed class ImportBench : IBenchCase
{
    public string Name => "import";

    public string Description => "orders CSV import, rows/s and peak working set (--rows N, default 1000000; --shuffled: also in random order; --mapping douyin-orders: a shop export of N lines through the preset)";

    public async Task RunAsync(CliArguments args, CommandContext context, CancellationToken ct)
    {
        if (args.Option("mapping") is { } mapping)
        {
            await MappedImportBench.RunAsync(mapping, args, context, ct);
            return;
        }
        var rows = args.PositiveInt("rows") ?? 1_000_000;
        var customers = args.PositiveInt("customers") ?? Math.Max(1, Math.Min(200_000, rows / 5));
        var seed = args.PositiveInt("seed") ?? 42;
        var folder = Path.Combine(Path.GetTempPath(), "liveops-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var csv = Path.Combine(folder, "orders.csv");
            var generate = Stopwatch.StartNew();
            OrderFiles.WriteOrders(csv, rows, customers, seed);
            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"file: {rows} orders, {customers} customers, {new FileInfo(csv).Length / (1024.0 * 1024):0.0} MiB, written in {generate.Elapsed.TotalSeconds:0.00} s"));
            var seconds = await ImportAsync("time-ordered file", csv, Path.Combine(folder, "bench.db"), rows, context, ct);
            if (args.Has("shuffled"))
            {
                // The same orders with ids out of order and times at random, as a shop export sorted by another column is.
                var shuffled = Path.Combine(folder, "orders-shuffled.csv");
                OrderFiles.Shuffle(csv, shuffled, seed);
                await ImportAsync("shuffled file", shuffled, Path.Combine(folder, "shuffled.db"), rows, context, ct);
            }

            var shell = TimeSqliteShell(csv, Path.Combine(folder, "plain.db"));
            if (shell is { } shellSeconds)
            {
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"sqlite3 .import into a plain table: {shellSeconds:0.00} s = {rows / shellSeconds:0} rows/s; LiveOps takes {seconds / shellSeconds:0.00}x its time"));
            }
            else
            {
                await context.Out.WriteLineAsync("sqlite3 shell not found: no comparison (apt-get install sqlite3)");
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Imports the file into a fresh database through the product's import; returns the wall-clock seconds.</summary>
    private static async Task<double> ImportAsync(string label, string csv, string dbPath, int rows, CommandContext context, CancellationToken ct)
    {
        await using var services = BuildServices(context.Services, dbPath);
        await DatabaseInitializer.MigrateAsync(services.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>(), ct);
        var importer = services.GetRequiredService<IImportService>();

        var load = LoadAverage();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var import = Stopwatch.StartNew();
        var result = await importer.ImportFileAsync(ImportKind.Orders, csv, ct);
        import.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        if (!result.Succeeded)
        {
            throw new RejectedInputException($"bench import: the generated file was refused: {result.Problems[0]}");
        }
        var rate = rows / import.Elapsed.TotalSeconds;
        await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"LiveOps import, {label}: {result.Rows} rows ({result.Added} added, {result.CustomersCreated} customers created) in {import.Elapsed.TotalSeconds:0.00} s = {rate:0} rows/s; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB"));
        // On a shared machine the wall clock measures the neighbours too; the process's CPU time does not.
        await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  CPU time {cpu.TotalSeconds:0.00} s = {rows / cpu.TotalSeconds:0} rows per CPU-second; load average at start {load}"));
        return import.Elapsed.TotalSeconds;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static ServiceProvider BuildServices(IServiceProvider outer, string dbPath)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(outer.GetRequiredService<IOptions<LiveOpsOptions>>());
        services.AddLiveOpsCore(new SqliteConnectionStringBuilder { DataSource = dbPath }.ToString());
        return services.BuildServiceProvider();
    }

    internal static double? TimeSqliteShell(string csv, string dbPath)
    {
        var start = new ProcessStartInfo("sqlite3", [dbPath])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var watch = Stopwatch.StartNew();
        Process? process;
        // (sqlite3 runs as its own process; its time is wall-clock only.)
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
        if (process is null)
        {
            return null;
        }
        using (process)
        {
            process.StandardInput.WriteLine(".import --csv " + csv + " orders_plain");
            process.StandardInput.Close();
            process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? watch.Elapsed.TotalSeconds : null;
        }
    }
}
