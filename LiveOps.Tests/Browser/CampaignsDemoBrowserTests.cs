using LiveOps.Core.Campaigns;
using LiveOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using static Microsoft.Playwright.Assertions;

namespace LiveOps.Tests.Browser;

/// <summary>As a new user would: a fresh install with the demo shop, compare two campaigns, export them all.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CampaignsDemoBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private DashboardApp _app = default!;
    private readonly string _downloads = Path.Combine(Path.GetTempPath(), "liveops-downloads", Guid.NewGuid().ToString("N"));

    public Task InitializeAsync()
    {
        _app = DashboardApp.Start(demoData: true);
        Directory.CreateDirectory(_downloads);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task DemoShop_TeamLeadComparesTwoCampaigns_AndExportsTheTable()
    {
        var report = await _app.Services.GetRequiredService<CampaignService>().RunAsync(new CampaignQuery());
        Assert.True(report.Campaigns.Count >= 6, "the demo shop has campaigns of every type");
        var (first, second) = (report.Campaigns[0], report.Campaigns[1]);
        await using var page = await browser.NewPageAsync();

        await page.GotoAsync(_app, "/campaigns");

        await Expect(page.Page.Locator("tr.campaign-row")).ToHaveCountAsync(report.Campaigns.Count);
        await page.Page.GetByTestId($"compare-{first.CampaignId}").CheckAsync();
        await page.Page.GetByTestId($"compare-{second.CampaignId}").CheckAsync();
        await Expect(page.Page.GetByTestId("compare-column")).ToHaveTextAsync([first.Name, second.Name]);

        var download = await page.Page.RunAndWaitForDownloadAsync(() => page.Page.GetByTestId("export-xlsx").ClickAsync());
        var path = Path.Combine(_downloads, "demo.xlsx");
        await download.SaveAsAsync(path);
        var sheet = MiniExcel.Query(path, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(report.Campaigns.Select(c => c.CampaignId), sheet.Select(r => (string?)r["活动ID"]));
        Assert.Equal((double)Math.Round(first.Revenue, 2), Convert.ToDouble(sheet[0]["归因销售额"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(first.Buyers, Convert.ToInt32(sheet[0]["购买客户"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(page.ConsoleErrors);
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
