using System.Globalization;
using System.IO.Compression;
using System.Text;
using LiveOps.Core.Store;
using LiveOps.Core.Import;
using LiveOps.Core.Import.Mapping;
using LiveOps.Tests.Support;

namespace LiveOps.Tests.Core.Import.Mapping;

/// <summary>
/// A bad export is refused whole through a mapping as without one: every problem as <c>line N: column: reason</c>
/// (N the line of the shop's file), in English and in Chinese, and nothing written.
/// </summary>
public abstract class MappedImportRejectionTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly TestDatabase _db = new(provider: provider);

    public async Task InitializeAsync() => await _db.ImportBaselineAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private const string Lines = """
        {
          "kind": "orders", "name": "test lines",
          "fields": {
            "order_id": "订单号",
            "customer_id": { "column": "手机号", "hash": true },
            "placed_at": "下单时间",
            "amount": "订单金额",
            "status": { "column": "订单状态", "values": { "已完成": "paid", "已关闭": "cancelled" } }
          },
          "lines": "once"
        }
        """;

    private async Task<MappedImportResult> RefusedAsync(byte[] file, string mappingJson = Lines, string preset = "")
    {
        var before = _db.Snapshot();
        var mapping = preset.Length > 0 ? PresetCatalog.Find(preset)! : MappingJson.Parse(mappingJson);

        var result = await _db.MappedImportAsync(ImportKind.Orders, file, mapping);

        Assert.False(result.Succeeded);
        Assert.Null(result.Written);
        Assert.Equal(before, _db.Snapshot());
        Assert.Equal(2, _db.Count("orders"));
        return result;
    }

    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    [Fact]
    public async Task DisagreeingTotals_WithOnce_AreRefusedOnTheLineThatDisagrees()
    {
        var result = await RefusedAsync(Utf8("""
            订单号,手机号,下单时间,订单金额,订单状态,商品
            T1,13800138000,2026-11-03 20:15:00,"1,258.00",已完成,围巾
            T1,13800138000,2026-11-03 20:15:00,1258,已完成,手套
            T1,13800138000,2026-11-03 20:15:00,1285.00,已完成,帽子

            """));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("line 4: 订单金额: '1285.00' differs from the order total '1,258.00' on line 2, the first line of order T1 (lines: once)", problem.ToString());
        Assert.Equal("第 4 行：订单金额：“1285.00”与订单 T1 第一行（第 2 行）的订单总额“1,258.00”不同（lines: once）", problem.Format(CultureInfo.GetCultureInfo("zh-CN")));
    }

    [Fact]
    public async Task RowsOfOneOrder_DisagreeingOnTheBuyer_AreRefused()
    {
        var result = await RefusedAsync(Utf8("订单号,手机号,下单时间,订单金额,订单状态\nT1,13800138000,2026-11-03 20:15:00,10,已完成\nT1,13911112222,2026-11-03 20:15:00,10,已完成\n"));

        var problem = Assert.Single(result.Problems);
        Assert.Equal((3L, "手机号", "mapped.orderDisagrees"), (problem.Line, problem.Column, problem.Code));
        Assert.Equal("'139••••••22' differs from '138••••••00' on line 2, the first line of order T1; the rows of one order must agree", problem.Message);
    }

    [Fact]
    public async Task UnknownStatusValue_IsRefused_NamingTheValuesTheMappingLists()
    {
        var result = await RefusedAsync(Utf8("订单号,手机号,下单时间,订单金额,订单状态\nT1,13800138000,2026/11/3 20:15,10,已完成\nT2,13800138000,2026/11/3 20:16,10,售后中\n"));

        Assert.Equal(["line 3: 订单状态: '售后中' is not one of the values the mapping lists (已完成, 已关闭)"], result.Problems.Select(p => p.ToString()));
        Assert.Equal("第 3 行：订单状态：“售后中”不在映射列出的值中（已完成, 已关闭）", result.Problems[0].Format(CultureInfo.GetCultureInfo("zh-CN")));
    }

    [Fact]
    public async Task MaskedPhone_IsRefusedAsAnId()
    {
        var result = await RefusedAsync(Utf8("订单号,手机号,下单时间,订单金额,订单状态\nT1,138****1234,2026-11-03 20:15:00,10,已完成\nT2,$$密文,2026-11-03 20:16:00,10,已完成\n"));

        Assert.Equal([(2L, "手机号", "mapped.masked"), (3L, "手机号", "mapped.masked")], result.Problems.Select(p => (p.Line, p.Column, p.Code)));
        Assert.StartsWith("'138****1234' is masked (***)", result.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GbkFileWithProblems_NamesTheLinesOfTheFile()
    {
        var gbk = SourceRows.Gb18030.GetBytes("订单号,手机号,下单时间,订单金额,订单状态\r\nT1,13800138000,2026-11-03 20:15:00,-5.00,已完成\r\nT2,13800138000,昨天,10,已完成\r\n");

        var result = await RefusedAsync(gbk);

        Assert.Equal(
        [
            "line 2: 订单金额: '-5.00' is negative; amounts are never negative (a refund is a status)",
            "line 3: 下单时间: '昨天' is not a valid timestamp such as 2026-11-03 20:15:00, 2026/11/3 20:15 or 2026-11-03T20:15:00+08:00",
        ], result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public async Task MissingMappedColumn_IsRefusedAtTheHeader()
    {
        var result = await RefusedAsync(Utf8("订单号,手机号,下单时间,实付金额,订单状态\nT1,13800138000,2026-11-03 20:15:00,10,已完成\n"));

        Assert.Equal(["line 1: amount: column '订单金额' named by the mapping is not in the file"], result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public async Task CorruptXlsx_IsRefusedWithAClearMessage()
    {
        var xlsx = PresetFixtures.Douyin.Export.Bytes(ExportFormat.Xlsx);
        var corrupt = xlsx[..(xlsx.Length / 2)];

        var result = await RefusedAsync(corrupt, preset: "douyin-orders");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("file", "file.xlsx"), (problem.Column, problem.Code));
        Assert.Contains("cannot be read as an .xlsx workbook", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ZipThatIsNotAWorkbook_IsRefused()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(archive.CreateEntry("orders.csv").Open());
            entry.Write("订单号,手机号\nT1,13800138000\n");
        }

        var result = await RefusedAsync(zip.ToArray(), preset: "douyin-orders");

        Assert.Equal(["line 1: file: is a zip archive but not an Excel workbook (no xl/workbook.xml inside); export the data as .xlsx or CSV"], result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public async Task OldBinaryXls_IsRefusedWithSaveAsXlsx()
    {
        byte[] xls = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

        var result = await RefusedAsync(xls, preset: "douyin-orders");

        var problem = Assert.Single(result.Problems);
        Assert.Equal("line 1: file: is an old Excel 97-2003 workbook (.xls); open it in Excel or WPS and save it as .xlsx (Excel workbook) or CSV", problem.ToString());
        Assert.Contains("另存为 .xlsx", problem.Format(CultureInfo.GetCultureInfo("zh-CN")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForcedUtf8_RefusesGbkBytes_AutoReadsThem()
    {
        var gbk = SourceRows.Gb18030.GetBytes("订单号,手机号,下单时间,订单金额,订单状态\r\nT1,13800138000,2026-11-03 20:15:00,10,已完成\r\n");

        var forced = await RefusedAsync(gbk, Lines.Replace("\"lines\": \"once\"", "\"lines\": \"once\", \"encoding\": \"utf-8\"", StringComparison.Ordinal));
        var auto = await _db.MappedImportAsync(ImportKind.Orders, gbk, MappingJson.Parse(Lines));

        Assert.Equal("header.notUtf8", forced.Problems[0].Code);
        Assert.True(auto.Succeeded, string.Join("\n", auto.Problems));
        Assert.Equal(3, _db.Count("orders"));
    }
}

public sealed class MappedImportRejectionTestsOnSqlite() : MappedImportRejectionTests(DatabaseProvider.Sqlite);

public sealed class MappedImportRejectionTestsOnPostgres() : MappedImportRejectionTests(DatabaseProvider.Postgres);
