using System.Globalization;
using System.Text;
using LiveOps.Core.Common;
using LiveOps.Core.Data;
using LiveOps.Core.Data.Entities;
using LiveOps.Core.Value;
using LiveOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace LiveOps.Tests.Dashboard.Exports;

/// <summary>
/// The customer lists the pages download (tier upgrade and downgrade-risk lists, a cohort cell's customers, a value
/// list) as a person forwards them: headers and labels in the page's language, tiers by name, money to the fen, people
/// whole, and in Excel ¥ and count formats, column widths and a frozen header. Opened over HTTP as the browser gets them.
/// </summary>
public sealed class ListDownloadsTests : IAsyncLifetime
{
    private DashboardApp _app = default!;
    private string _cohort = "";

    public async Task InitializeAsync()
    {
        _app = DashboardApp.Start(demoData: false);
        var factory = _app.Services.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        _cohort = await TierListCustomers.AddAsync(db, _app.Services.GetRequiredService<ZoneClock>(),
            near: new Customer { CustomerId = "c1", Nickname = "小林" }, lapsing: new Customer { CustomerId = "c2" });
    }

    private async Task<HttpClient> ClientAsync(bool english)
    {
        var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(_app.Url("/")) };
        http.DefaultRequestHeaders.Add("Cookie", (english ? ".AspNetCore.Culture=c%3Den%7Cuic%3Den; " : "") + await _app.SignInCookieAsync());
        return http;
    }

    [Fact]
    public async Task TierLists_Csv_InChinese_AndInEnglish()
    {
        using (var http = await ClientAsync(english: false))
        {
            var upgrades = await CsvLinesAsync(http, "/export/tiers/upgrades.csv");
            Assert.Equal(["客户,等级,下一等级,近12月消费,下一等级消费门槛 (¥),还差 (¥)", "c1,普通会员,银卡,1700.00,2000.00,300.00"], upgrades);
            var risks = await CsvLinesAsync(http, "/export/tiers/downgrade-risks.csv");
            Assert.Equal(["客户,等级,将降至,近12月消费,近12月订单,30 天后仍计入的消费 (¥),30 天后仍计入的订单,保级还需 (¥),保级还需订单",
                "c2,银卡,普通会员,2100.00,1,0.00,0,2000.00,6"], risks);
        }
        using (var http = await ClientAsync(english: true))
        {
            var upgrades = await CsvLinesAsync(http, "/export/tiers/upgrades.csv");
            Assert.Equal(["Customer,Tier,Next tier,Spend 12m,Next tier's spend threshold (¥),Gap (¥)", "c1,Regular member,Silver,1700.00,2000.00,300.00"], upgrades);
            var risks = await CsvLinesAsync(http, "/export/tiers/downgrade-risks.csv");
            Assert.Equal("Customer,Tier,Drops to,Spend 12m,Orders 12m,Spend still counted in 30 days (¥),Orders still counted in 30 days,Spend to keep (¥),Orders to keep", risks[0]);
            Assert.Equal("c2,Silver,Regular member,2100.00,1,0.00,0,2000.00,6", risks[1]);
        }
    }

    [Fact]
    public async Task TierLists_Xlsx_YuanAndCountFormats_WidthsAndAFrozenHeader()
    {
        using var http = await ClientAsync(english: false);

        var (upgrades, upgradeFormats) = await SheetAsync(http, "/export/tiers/upgrades.xlsx");
        Assert.Equal(1700m, Convert.ToDecimal(upgrades[0]["近12月消费"], CultureInfo.InvariantCulture));
        Assert.Equal(300m, Convert.ToDecimal(upgrades[0]["还差 (¥)"], CultureInfo.InvariantCulture));
        Assert.Equal("银卡", upgrades[0]["下一等级"]);
        Assert.Equal("¥#,##0.00", upgradeFormats.ColumnFormat("还差 (¥)"));
        Assert.Equal("¥#,##0.00", upgradeFormats.ColumnFormat("下一等级消费门槛 (¥)"));
        Assert.InRange(upgradeFormats.ColumnWidth("下一等级消费门槛 (¥)")!.Value, 18, 20);
        Assert.True(upgradeFormats.HeaderFrozen);

        var (risks, riskFormats) = await SheetAsync(http, "/export/tiers/downgrade-risks.xlsx");
        Assert.Equal(6L, Convert.ToInt64(risks[0]["保级还需订单"], CultureInfo.InvariantCulture));
        Assert.Equal("#,##0", riskFormats.ColumnFormat("近12月订单"));
        Assert.Equal("¥#,##0.00", riskFormats.ColumnFormat("保级还需 (¥)"));
        Assert.True(riskFormats.HeaderFrozen);
    }

    [Fact]
    public async Task CohortCellCustomers_InTheirPagesLanguage_WithExcelFormats()
    {
        var clock = _app.Services.GetRequiredService<ZoneClock>();
        var placed = clock.ToLocal(clock.UtcNow.AddDays(-10)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var url = $"/export/cohorts/customers.{{0}}?cohort={_cohort}&offset=0";
        using (var http = await ClientAsync(english: true))
        {
            var lines = await CsvLinesAsync(http, string.Format(CultureInfo.InvariantCulture, url, "csv"));
            Assert.Equal(["Customer ID,Nickname,First order,Orders in cell,Revenue in cell (¥),Orders,Revenue (¥)", $"c1,小林,{placed},1,1700.00,1,1700.00"], lines);
        }
        using (var http = await ClientAsync(english: false))
        {
            var (sheet, formats) = await SheetAsync(http, string.Format(CultureInfo.InvariantCulture, url, "xlsx"));
            Assert.Equal("小林", sheet[0]["昵称"]);
            Assert.Equal(1700m, Convert.ToDecimal(sheet[0]["该期金额 (¥)"], CultureInfo.InvariantCulture));
            Assert.Equal("¥#,##0.00", formats.ColumnFormat("累计金额 (¥)"));
            Assert.Equal("#,##0", formats.ColumnFormat("该期订单"));
            Assert.True(formats.HeaderFrozen);
        }
    }

    [Fact]
    public async Task ValueList_SegmentNamedInWords_SpendInYuan_InChinese_AndInEnglish()
    {
        // The segment c1 falls in, named as the page names it.
        var service = _app.Services.GetRequiredService<ValueService>();
        RfmSegment? segment = null;
        foreach (var candidate in Enum.GetValues<RfmSegment>())
        {
            if ((await service.CustomersAsync(new ValueListQuery(ValueListKind.Segment, candidate.ToString()))).Any(r => r.CustomerId == "c1"))
            {
                segment = candidate;
            }
        }
        var (chinese, english) = SegmentNames[segment!.Value];
        var url = "/export/value/customers.{0}?list=segment&key=" + segment;
        using (var http = await ClientAsync(english: false))
        {
            var lines = await CsvLinesAsync(http, string.Format(CultureInfo.InvariantCulture, url, "csv"));
            Assert.StartsWith("客户,昵称,RFM 分群,R,F,M,复购天数,", lines[0]);
            Assert.StartsWith($"c1,小林,{chinese},", lines.Single(l => l.StartsWith("c1,", StringComparison.Ordinal)));
            Assert.Contains(",1700.00,", lines.Single(l => l.StartsWith("c1,", StringComparison.Ordinal)));

            var (sheet, formats) = await SheetAsync(http, string.Format(CultureInfo.InvariantCulture, url, "xlsx"));
            var c1 = sheet.Single(r => (string?)r["客户"] == "c1");
            Assert.Equal(1700m, Convert.ToDecimal(c1["累计实付 (¥)"], CultureInfo.InvariantCulture));
            Assert.Equal("普通会员", c1["会员等级"]);
            Assert.Equal("否", c1["私域"]);
            Assert.Equal("¥#,##0.00", formats.ColumnFormat("累计实付 (¥)"));
            Assert.True(formats.HeaderFrozen);
        }
        using (var http = await ClientAsync(english: true))
        {
            var lines = await CsvLinesAsync(http, string.Format(CultureInfo.InvariantCulture, url, "csv"));
            Assert.StartsWith("Customer,Nickname,RFM segment,R,F,M,Repeat days,", lines[0]);
            Assert.StartsWith($"c1,小林,{english},", lines.Single(l => l.StartsWith("c1,", StringComparison.Ordinal)));
            Assert.EndsWith(",Regular member,no", lines.Single(l => l.StartsWith("c1,", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task AListDownloadWithoutItsList_Answers400_InTheRequestsLanguage()
    {
        using (var http = await ClientAsync(english: false))
        {
            var cohort = await http.GetAsync("/export/cohorts/customers.csv?cohort=2026-11");
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, cohort.StatusCode);
            Assert.Equal("cohort（例如 2026-11 或 2026-W46）和 offset（0、1、2 …）都要填", await cohort.Content.ReadAsStringAsync());
            var value = await http.GetAsync("/export/value/customers.csv?list=segment&key=Nobody");
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, value.StatusCode);
            Assert.StartsWith("list 要填 segment（key 填 RFM 分群", await value.Content.ReadAsStringAsync());
        }
        using (var http = await ClientAsync(english: true))
        {
            var value = await http.GetAsync("/export/value/customers.xlsx?list=churned");
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, value.StatusCode);
            Assert.StartsWith("list must be segment (with key: an RFM segment such as Champions)", await value.Content.ReadAsStringAsync());
        }
    }

    private static readonly Dictionary<RfmSegment, (string Chinese, string English)> SegmentNames = new()
    {
        [RfmSegment.Champions] = ("重要价值客户", "High-value customers"),
        [RfmSegment.Promising] = ("重要发展客户", "Big spenders to develop"),
        [RfmSegment.WinBack] = ("重要唤回客户", "Big regulars to win back"),
        [RfmSegment.AtRisk] = ("重要挽留客户", "Big spenders slipping away"),
        [RfmSegment.Potential] = ("潜力客户", "Regular small spenders"),
        [RfmSegment.New] = ("新客", "New and recent"),
        [RfmSegment.Fading] = ("一般保持客户", "Small regulars going quiet"),
        [RfmSegment.Dormant] = ("沉睡客户", "Dormant"),
    };

    private static async Task<string[]> CsvLinesAsync(HttpClient http, string url)
    {
        var response = await http.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        return text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    private static async Task<(List<IDictionary<string, object?>> Rows, XlsxFormats Formats)> SheetAsync(HttpClient http, string url)
    {
        var response = await http.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
        var path = Path.Combine(Path.GetTempPath(), $"liveops-list-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        try
        {
            var rows = MiniExcel.Query(path, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
            return (rows, XlsxFormats.Read(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
