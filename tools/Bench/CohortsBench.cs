using System.Diagnostics;
using System.Globalization;
using LiveOps.Core;
using LiveOps.Core.Store;
using LiveOps.Core.Cohorts;
using LiveOps.Core.Common;
using LiveOps.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using LiveOps.Dashboard.Cli;

namespace LiveOps.Bench;

/// <summary>
/// <c>bench cohorts [--customers N] [--runs N] [--seed N]</c>: about five paid orders per customer (200,000 customers,
/// ~1,000,000 paid orders by default) written straight into a fresh SQLite file, then the column-store load and the
/// warm matrix for every mode and breakdown, against one plain-SQL matrix for comparison.
/// </summary>
public sealed class CohortsBench : IBenchCase
{
    public string Name => "cohorts";

    public string Description => "repurchase cohort matrix over ~5 paid orders per customer (default 200,000 customers)";

    public async Task RunAsync(CliArguments args, CommandContext context, CancellationToken ct)
    {
        var customers = args.PositiveInt("customers") ?? 200_000;
        var runs = args.PositiveInt("runs") ?? 5;
        var seed = args.PositiveInt("seed") ?? 7;
        var output = context.Out;
        var folder = Path.Combine(Path.GetTempPath(), "liveops-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "bench.db") }.ToString();
        try
        {
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddOptions<LiveOpsOptions>();
            services.AddLiveOpsCore(connectionString);
            await using var provider = services.BuildServiceProvider();
            var factory = provider.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>();
            await DatabaseInitializer.MigrateAsync(factory, ct);

            await output.WriteLineAsync($"load average at start (other work on the machine): {LoadAverage()}");
            var watch = Stopwatch.StartNew();
            var (paid, all) = await CohortData.WriteAsync(connectionString, customers, seed, ct);
            await output.WriteLineAsync($"data: {customers:N0} customers, {paid:N0} paid orders ({all:N0} orders in all), written in {watch.Elapsed.TotalSeconds:0.0} s");

            var clock = provider.GetRequiredService<ZoneClock>();
            var version = provider.GetRequiredService<DataVersion>();
            var store = provider.GetRequiredService<SnapshotStore>();
            var service = provider.GetRequiredService<ICohortService>();

            var loads = new List<double>();
            var loadCpu = new List<double>();
            for (var i = 0; i < Math.Max(1, runs / 2); i++)
            {
                version.Bump();
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                watch.Restart();
                await store.GetAsync(ct);
                loads.Add(watch.Elapsed.TotalMilliseconds);
                loadCpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
            }
            var snapshot = await store.GetAsync(ct);
            await output.WriteLineAsync($"store load (one reader over customers and paid orders): median {Median(loads):0} ms wall, {Median(loadCpu):0} ms CPU, of {loads.Count}; " +
                $"columns {ColumnBytes(snapshot) / (1024 * 1024)} MiB; working set now {Process.GetCurrentProcess().WorkingSet64 / (1024 * 1024)} MiB");

            foreach (var period in new[] { PeriodKind.Month, PeriodKind.Week })
            {
                watch.Restart();
                await service.RunAsync(new CohortQuery { Period = period }, ct);
                await output.WriteLineAsync($"{Label(period)} matrix, first call (period of every order computed once): {watch.Elapsed.TotalMilliseconds:0} ms");
            }
            foreach (var period in new[] { PeriodKind.Month, PeriodKind.Week })
            {
                foreach (var breakdown in Enum.GetValues<CohortBreakdown>())
                {
                    foreach (var mode in Enum.GetValues<CohortMode>())
                    {
                        var times = new List<double>();
                        var cpu = new List<double>();
                        CohortReport? report = null;
                        foreach (var metric in Enumerable.Repeat(Enum.GetValues<CohortMetric>(), runs).SelectMany(m => m).Take(runs))
                        {
                            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                            watch.Restart();
                            report = await service.RunAsync(new CohortQuery { Period = period, Mode = mode, Metric = metric, Breakdown = breakdown }, ct);
                            times.Add(watch.Elapsed.TotalMilliseconds);
                            cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
                        }
                        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                            $"{Label(period)} {ContractNames.Of(mode)}, breakdown {ContractNames.Of(breakdown)}: median {Median(times):0.0} ms wall, {Median(cpu):0} ms CPU (max wall {times.Max():0.0}) over {runs} runs, metrics rotated; {report!.Groups.Sum(g => g.Rows.Count)} rows × {report.Columns} columns"));
                    }
                }
            }
            var month = await service.RunAsync(new CohortQuery(), ct);
            var firstRow = month.Groups[0].Rows[0];
            watch.Restart();
            var cell = await service.CustomersAsync(new CohortCellQuery(new CohortQuery(), CohortGroups.All, firstRow.Cohort!.Value.ToString(), 1), ct);
            await output.WriteLineAsync($"customers behind cell {firstRow.Cohort} k=1: {cell.Total:N0} customers, first page in {watch.Elapsed.TotalMilliseconds:0} ms");

            await PlainSqlAsync(connectionString, output, ct);
            await output.WriteLineAsync($"load average at end: {LoadAverage()}");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The same monthly in-period matrix in SQL, with the first-order table materialised first (the faster SQL form).</summary>
    private static async Task PlainSqlAsync(string connectionString, TextWriter output, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        var watch = Stopwatch.StartNew();
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = """
                CREATE TEMP TABLE first_orders AS
                  SELECT CustomerKey, min(PlacedAt) AS FirstAt FROM orders WHERE Status = 0 GROUP BY CustomerKey;
                CREATE INDEX temp.first_orders_key ON first_orders (CustomerKey);
                """;
            await create.ExecuteNonQueryAsync(ct);
        }
        var materialised = watch.Elapsed.TotalMilliseconds;
        await using var matrix = connection.CreateCommand();
        // Asia/Shanghai has no daylight saving, so a fixed +8 h gives its calendar months.
        matrix.CommandText = """
            SELECT strftime('%Y-%m', f.FirstAt / 1000 + 28800, 'unixepoch') AS cohort,
                   strftime('%Y-%m', o.PlacedAt / 1000 + 28800, 'unixepoch') AS period,
                   count(DISTINCT o.CustomerKey)
            FROM orders o JOIN first_orders f ON f.CustomerKey = o.CustomerKey
            WHERE o.Status = 0
            GROUP BY cohort, period
            """;
        matrix.CommandTimeout = 120;
        var cells = 0;
        await using (var reader = await matrix.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                cells++;
            }
        }
        await output.WriteLineAsync($"plain SQL monthly matrix: first-order table {materialised:0} ms + matrix query {watch.Elapsed.TotalMilliseconds - materialised:0} ms ({cells} cells), total {watch.Elapsed.TotalMilliseconds:0} ms");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static long ColumnBytes(DataSnapshot s) =>
        s.OrderCount * (8L + 8 + 1 + 4) + s.CustomerCount * (4L + 1 + 8 + 2 * 8 + 40);

    private static string Label(PeriodKind period) => period == PeriodKind.Month ? "monthly" : "weekly";

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
