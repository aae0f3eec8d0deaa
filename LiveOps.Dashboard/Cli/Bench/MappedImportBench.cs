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

namespace LiveOps.Dashboard.Cli.Bench;

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
            var orders = WriteDouyinExport(csv, lines, customers, args.PositiveInt("seed") ?? 42);
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

    /// <summary>A 抖店 sub-order export: 1–4 lines per order (2.5 on average), ids guarded with a tab, slash dates, Chinese statuses.</summary>
    public static int WriteDouyinExport(string path, int lines, int customers, int seed)
    {
        var random = new Random(seed);
        string[] statuses = ["已完成", "已完成", "已完成", "已完成", "已发货", "待发货", "已关闭"];
        string[] products = ["辣丝丝", "羊绒围巾", "桂花乌龙", "空气炸锅", "真丝睡衣"];
        using var writer = new StreamWriter(path, false, new UTF8Encoding(true), 1 << 16);
        writer.Write("主订单编号,子订单编号,选购商品,商品规格,商品数量,商品ID,商家编码,商品单价,订单应付金额,运费,收件人,收件人手机号,详细地址,买家留言,订单提交时间,支付完成时间,订单状态,售后状态,取消原因,达人ID,达人昵称\n");
        var start = new DateTime(2025, 11, 1);
        var line = new StringBuilder(256);
        var written = 0;
        var orders = 0;
        var step = 365.0 * 24 * 3600 / (lines / 2.5);
        while (written < lines)
        {
            var order = 6917926768800000000L + orders;
            var items = Math.Min(lines - written, random.Next(1, 5));
            var at = start.AddSeconds(Math.Floor(orders * step) + random.Next(0, 60)).ToString("yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture);
            var phone = 13000000000L + random.Next(1, customers + 1);
            var status = statuses[random.Next(statuses.Length)];
            for (var i = 0; i < items; i++)
            {
                var units = random.Next(990, 129_900);
                var amount = (units / 100m).ToString(units >= 100_000 ? "#,##0.00" : "0.00", CultureInfo.InvariantCulture);
                line.Clear();
                line.Append(CultureInfo.InvariantCulture, $"\"\t{order}\",\"\t{order * 10 + i}\",\"\t{products[i % products.Length]}\",\"\t1件\",1,\"\t{3004000 + i}\",\"\t30040000{i}\",");
                line.Append(CultureInfo.InvariantCulture, $"\"{amount}\",\"{amount}\",0.00,##密文,{phone},##密文,-,{at},{at},{status},-,,\"\t7592255573464597541\",黄飞\n");
                writer.Write(line);
                written++;
            }
            orders++;
        }
        return orders;
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
