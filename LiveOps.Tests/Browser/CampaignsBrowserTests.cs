using System.Text;
using LiveOps.Core.Data;
using LiveOps.Tests.Core.Campaigns;
using LiveOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using static Microsoft.Playwright.Assertions;

namespace LiveOps.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class CampaignsBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private DashboardApp _app = default!;
    private readonly string _downloads = Path.Combine(Path.GetTempPath(), "liveops-downloads", Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        _app = DashboardApp.Start(demoData: false);
        var factory = _app.Services.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        await CampaignFixture.SeedAsync(db);
        Directory.CreateDirectory(_downloads);
    }

    [Fact]
    public async Task Table_FilterByType_SortByRevenue_AndCompareTwoCampaigns()
    {
        await using var page = await browser.NewPageAsync();
        await page.GotoAsync(_app, "/campaigns");

        var rows = page.Page.Locator("tr.campaign-row");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.Nth(0).GetByTestId("cell-revenue")).ToHaveTextAsync("¥180.15");

        // Ascending revenue: k3 (¥0), k1 (¥180.15), k2 (¥210).
        await page.Page.GetByTestId("sort-revenue").ClickAsync();
        await Expect(rows.Nth(0).GetByTestId("campaign-name")).ToContainTextAsync("=1+2");
        await Expect(rows.Nth(2).GetByTestId("campaign-name")).ToContainTextAsync("钩子款");

        await page.Page.GetByTestId("compare-k1").CheckAsync();
        await page.Page.GetByTestId("compare-k2").CheckAsync();
        await Expect(page.Page.GetByTestId("compare-column")).ToHaveTextAsync(["九月专属券", "钩子款"]);

        await page.Page.GetByTestId("filter-type").ClickAsync();
        await page.Page.GetByRole(Microsoft.Playwright.AriaRole.Option, new() { Name = "钩子商品" }).ClickAsync();
        await Expect(page.Page).ToHaveURLAsync(_app.Url("/campaigns?type=hook_product"));
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.Nth(0).GetByTestId("cell-buyers")).ToHaveTextAsync("1");
        Assert.Empty(page.ConsoleErrors);
    }

    [Fact]
    public async Task Table_DateFilter_ShowsCampaignsStartingInTheRange()
    {
        await using var page = await browser.NewPageAsync();
        await page.GotoAsync(_app, "/campaigns");
        await Expect(page.Page.Locator("tr.campaign-row")).ToHaveCountAsync(3);

        await page.Page.Locator("#filter-from").FillAsync("2026-10-01");
        await page.Page.Locator("#filter-from").BlurAsync();
        await Expect(page.Page).ToHaveURLAsync(_app.Url("/campaigns?from=2026-10-01"));
        await Expect(page.Page.Locator("tr.campaign-row")).ToHaveCountAsync(2);
        await page.Page.Locator("#filter-to").FillAsync("2026-11-01");
        await page.Page.Locator("#filter-to").BlurAsync();

        await Expect(page.Page).ToHaveURLAsync(_app.Url("/campaigns?from=2026-10-01&to=2026-11-01"));
        await Expect(page.Page.Locator("tr.campaign-row")).ToHaveCountAsync(1);
        await Expect(page.Page.GetByTestId("campaign-name")).ToContainTextAsync("钩子款");
    }

    [Fact]
    public async Task Detail_ShowsFunnelChartDailyChartAndBuyers()
    {
        await using var page = await browser.NewPageAsync();
        await page.GotoAsync(_app, "/campaigns");

        await page.Page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "九月专属券" }).ClickAsync();

        await Expect(page.Page).ToHaveURLAsync(_app.Url("/campaigns/k1"));
        await Expect(page.Page.GetByTestId("kpi-revenue").GetByTestId("kpi-value")).ToHaveTextAsync("¥180.15");
        await Expect(page.Page.Locator("[data-testid=campaign-funnel][data-chart-ready=true]")).ToBeVisibleAsync();
        await Expect(page.Page.Locator("[data-testid=campaign-funnel] svg.apexcharts-svg")).ToBeVisibleAsync();
        await Expect(page.Page.Locator("[data-testid=campaign-daily][data-chart-ready=true] svg.apexcharts-svg")).ToBeVisibleAsync();
        await Expect(page.Page.GetByTestId("buyer-customer")).ToHaveTextAsync(["c1 (顾客1)", "c4 (顾客4)"]);
        Assert.Empty(page.ConsoleErrors);
    }

    [Fact]
    public async Task Export_CsvAndExcel_HoldTheTableWithFormulaNamesNeutralised()
    {
        await using var page = await browser.NewPageAsync();
        await page.GotoAsync(_app, "/campaigns");
        await Expect(page.Page.Locator("tr.campaign-row")).ToHaveCountAsync(3);

        var csv = await page.Page.RunAndWaitForDownloadAsync(() => page.Page.GetByTestId("export-csv").ClickAsync());
        var csvPath = Path.Combine(_downloads, "campaigns.csv");
        await csv.SaveAsAsync(csvPath);
        var bytes = await File.ReadAllBytesAsync(csvPath);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        // A page download: the page's language, money to the fen, 投入产出比 as 1:x, net return as %.
        Assert.Equal("活动ID,活动名称,活动类型,开始时间,结束时间,归因天数,曝光,点击,入群,领取,核销,购买客户,订单,归因销售额,90 天复购,成本,投入产出比（销售额÷成本）,净回报率", lines[0]);
        Assert.StartsWith("k1,九月专属券,专属优惠券,", lines[1]);
        Assert.EndsWith(",180.15,1,100.00,1:1.8,80.2%", lines[1]);
        Assert.StartsWith("k3,'=1+2,入群抽奖,", lines[3]);

        var xlsx = await page.Page.RunAndWaitForDownloadAsync(() => page.Page.GetByTestId("export-xlsx").ClickAsync());
        var xlsxPath = Path.Combine(_downloads, "campaigns.xlsx");
        await xlsx.SaveAsAsync(xlsxPath);
        var sheet = MiniExcel.Query(xlsxPath, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(3, sheet.Count);
        Assert.Equal("k1", sheet[0]["活动ID"]);
        Assert.Equal("专属优惠券", sheet[0]["活动类型"]);
        Assert.Equal(180.15, Convert.ToDouble(sheet[0]["归因销售额"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2.0, Convert.ToDouble(sheet[0]["购买客户"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("'=1+2", sheet[2]["活动名称"]);
        Assert.Equal(-1.0, Convert.ToDouble(sheet[2]["净回报率"], System.Globalization.CultureInfo.InvariantCulture));
        var formats = XlsxFormats.Read(xlsxPath);
        Assert.Equal("¥#,##0.00", formats.ColumnFormat("归因销售额"));
        Assert.Equal("0.0%", formats.ColumnFormat("净回报率"));
        Assert.Equal("\"1:\"0.0", formats.ColumnFormat("投入产出比（销售额÷成本）"));
        Assert.Equal("#,##0", formats.ColumnFormat("购买客户"));
        Assert.True(formats.HeaderFrozen);
    }

    [Fact]
    public async Task Export_WithTheTypeFilter_HoldsOnlyTheFilteredCampaigns()
    {
        await using var page = await browser.NewPageAsync();
        await page.GotoAsync(_app, "/campaigns?type=hook_product");
        await Expect(page.Page.Locator("tr.campaign-row")).ToHaveCountAsync(1);

        var xlsx = await page.Page.RunAndWaitForDownloadAsync(() => page.Page.GetByTestId("export-xlsx").ClickAsync());
        var path = Path.Combine(_downloads, "filtered.xlsx");
        await xlsx.SaveAsAsync(path);

        var sheet = MiniExcel.Query(path, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("k2", Assert.Single(sheet)["活动ID"]);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_downloads, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}
