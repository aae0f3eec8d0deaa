using LiveOps.Core.Store;
using LiveOps.Core.Import.Mapping;
using LiveOps.Tests.Core.Import;
using LiveOps.Tests.Core.Import.Mapping;
using LiveOps.Tests.Support;

namespace LiveOps.Tests.Cli;

/// <summary><c>import &lt;kind&gt; &lt;file&gt; --mapping &lt;name|file.json&gt; [--dry-run]</c> (contract §3 and §5).</summary>
public abstract class MappedImportCommandTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly TestDatabase _db = new(provider: provider);

    public async Task InitializeAsync() => await _db.ImportBaselineAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task DryRun_PrintsTheCounts_AndWritesNothing()
    {
        var path = _db.WriteFile("抖店订单.csv", PresetFixtures.Douyin.Export.Bytes(ExportFormat.CsvGbk));
        var before = _db.Snapshot();

        var run = await _db.CliAsync("import", "orders", path, "--mapping", "douyin-orders", "--dry-run");

        Assert.Equal((0, ""), (run.ExitCode, run.Error));
        Assert.Equal(
            "dry run, nothing written: orders via mapping 'douyin-orders' (csv, gb18030): 4 rows read, 0 skipped, 3 records formed, 2 new customers, 0 known customers\n",
            run.Out.ReplaceLineEndings("\n"));
        Assert.Equal(before, _db.Snapshot());
    }

    [Fact]
    public async Task Import_WithAPresetName_WritesTheOrders_AndPrintsWhatItDid()
    {
        var path = _db.WriteFile("有赞订单.xlsx", PresetFixtures.Youzan.Export.Bytes(ExportFormat.Xlsx));

        var run = await _db.CliAsync("import", "orders", path, "--mapping", "youzan-orders");

        Assert.Equal((0, ""), (run.ExitCode, run.Error));
        Assert.Equal(
            "orders via mapping 'youzan-orders' (xlsx): 3 rows read, 1 skipped (买家付款时间 is empty: 1), 2 records formed, 1 new customers, 0 known customers; "
            + "2 rows imported (2 added, 0 updated, 0 unchanged); 1 new customers created\n",
            run.Out.ReplaceLineEndings("\n"));
        Assert.Equal(4, _db.Count("orders"));
    }

    [Fact]
    public async Task Import_WithAMappingFile_RefusesABadFile_ListingEveryProblem_ExitCode1()
    {
        var mapping = _db.WriteFile("mine.json", """
            { "kind": "orders", "name": "mine",
              "fields": { "order_id": "单号", "customer_id": "会员", "placed_at": "时间", "amount": { "product": ["数量", "单价"] } },
              "lines": "sum", "skip": [ { "field": "amount", "is": "negative" } ] }
            """);
        var path = _db.WriteFile("x.csv", "单号,会员,时间,数量,单价\nA,m1,2026-11-01 10:00,2,9.90\nA,m1,2026-11-01 10:00,-1,9.90\nB,m2,2026-11-02 10:00,two,9.90\n");
        var before = _db.Snapshot();

        var run = await _db.CliAsync("import", "orders", path, "--mapping", mapping);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"line 4: 数量: 'two' is not a number\n{path}: nothing was imported (1 problems)\n", run.Error.ReplaceLineEndings("\n"));
        Assert.Equal(before, _db.Snapshot());
    }

    [Fact]
    public async Task WrongMapping_IsRejectedInput_NamingWhatIsWrong()
    {
        var mapping = _db.WriteFile("bad.json", """{ "kind": "orders", "name": "bad", "fields": { "orderid": "单号" }, "lines": "sometimes" }""");
        var path = _db.WriteFile("x.csv", "单号\nA\n");

        var run = await _db.CliAsync("import", "orders", path, "--mapping", mapping);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "mapping: lines: 'sometimes' is not a way to combine line items (sum, once)\n"
            + "mapping: fields.orderid: 'orderid' is not a column of orders (order_id, customer_id, placed_at, amount, status, channel, campaign_id, live_session_id)\n"
            + $"mapping {mapping}: cannot be used (2 problems); nothing was imported\n",
            run.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task UnknownMappingName_ListsThePresets()
    {
        var path = _db.WriteFile("x.csv", "单号\nA\n");

        var run = await _db.CliAsync("import", "orders", path, "--mapping", "weidian");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("mapping: name: no mapping or preset is named 'weidian' (presets: douyin-orders, douyin-orders-order, wechat-channels-orders,", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DryRunWithoutMapping_IsWrongUsage()
    {
        var path = _db.WriteFile("x.csv", "order_id\nA\n");

        var run = await _db.CliAsync("import", "orders", path, "--dry-run");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("import: --dry-run goes with --mapping", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SavedMapping_IsFoundByName_NewestVersionFirst()
    {
        var saved = _db.Get<SavedMappingService>();
        var v1 = MappingJson.Parse("""{ "kind": "orders", "name": "my shop", "fields": { "order_id": "单号", "customer_id": "会员", "placed_at": "时间", "amount": "金额" } }""");
        await saved.SaveAsync(v1);
        var v2 = await saved.SaveAsync(v1 with { Fields = new Dictionary<string, FieldRule>(v1.Fields) { ["amount"] = new FieldRule(Column: "实付") } });
        var path = _db.WriteFile("x.csv", "单号,会员,时间,实付\nS1,m1,2026-11-01 10:00,12.5元\n");

        var run = await _db.CliAsync("import", "orders", path, "--mapping", "my shop");

        Assert.Equal(2, v2.Version);
        Assert.Equal((0, ""), (run.ExitCode, run.Error));
        Assert.Equal(3, _db.Count("orders"));
        Assert.Equal(2, (await saved.HistoryAsync("my shop")).Count);
        Assert.Equal("my shop", (await saved.DetectAsync(["单号", "会员", "时间", "实付", "备注"])).First().Mapping.Name);
    }
}

public sealed class MappedImportCommandTestsOnSqlite() : MappedImportCommandTests(DatabaseProvider.Sqlite);

public sealed class MappedImportCommandTestsOnPostgres() : MappedImportCommandTests(DatabaseProvider.Postgres);
