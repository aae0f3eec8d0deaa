using System.Globalization;
using System.Text;
using LiveOps.Dashboard.Exports;
using LiveOps.Tests.Support;
using MiniExcelLibs;

namespace LiveOps.Tests.Dashboard.Exports;

/// <summary>Page downloads as a person forwards them: money to the fen, rates as %, whole people, Excel formats.</summary>
public sealed class PageDownloadTests : IDisposable
{
    private static readonly DownloadColumn[] Columns =
    [
        new("活动名称", CellKind.Text, 28), new("活动类型", CellKind.Text), new("归因销售额", CellKind.Money, 16),
        new("净回报率", CellKind.Percent), new("购买客户", CellKind.Count), new("投入产出比（销售额÷成本）", CellKind.Ratio),
    ];

    private static readonly object?[][] Rows =
    [
        ["=HYPERLINK(\"x\")", "专属优惠券", 203.61990417962744467088562337m, 2.8012345, 243.5, 3.8012345],
        ["秋季上新", "钩子商品", 0.005m, -0.5, 7L, null],
    ];

    private readonly string _dir = Directory.CreateTempSubdirectory("liveops-download-").FullName;

    [Fact]
    public async Task Csv_HeadersAsGiven_MoneyToTheFen_RatesAsPercent_PeopleWhole_FormulasGuarded()
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);

        await PageDownload.WriteCsvAsync(Columns, Rows, writer);

        var lines = writer.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("活动名称,活动类型,归因销售额,净回报率,购买客户,投入产出比（销售额÷成本）", lines[0]);
        Assert.Equal("\"'=HYPERLINK(\"\"x\"\")\",专属优惠券,203.62,280.1%,244,1:3.8", lines[1]);
        // A negative rate is a number, not a formula: it is not prefixed with an apostrophe.
        Assert.Equal("秋季上新,钩子商品,0.01,-50.0%,7,", lines[2]);
    }

    [Fact]
    public async Task Xlsx_NumbersStayNumbers_WithYuanPercentAndCountFormats_WidthsAndAFrozenHeader()
    {
        var path = Path.Combine(_dir, "t.xlsx");
        await using (var file = File.Create(path))
        {
            await PageDownload.WriteXlsxAsync(Columns, Rows, "campaigns", file, CancellationToken.None);
        }

        var sheet = MiniExcel.Query(path, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(203.62, Convert.ToDouble(sheet[0]["归因销售额"], CultureInfo.InvariantCulture), 9);
        Assert.Equal(2.8012, Convert.ToDouble(sheet[0]["净回报率"], CultureInfo.InvariantCulture), 9);
        Assert.Equal(244, Convert.ToInt64(sheet[0]["购买客户"], CultureInfo.InvariantCulture));
        Assert.Equal("'=HYPERLINK(\"x\")", sheet[0]["活动名称"]);
        var formats = XlsxFormats.Read(path);
        Assert.Equal("¥#,##0.00", formats.ColumnFormat("归因销售额"));
        Assert.Equal("0.0%", formats.ColumnFormat("净回报率"));
        Assert.Equal("#,##0", formats.ColumnFormat("购买客户"));
        Assert.Equal("\"1:\"0.0", formats.ColumnFormat("投入产出比（销售额÷成本）"));
        Assert.InRange(formats.ColumnWidth("活动名称")!.Value, 28, 30);
        Assert.True(formats.HeaderFrozen);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
