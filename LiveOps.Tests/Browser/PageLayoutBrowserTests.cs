using LiveOps.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace LiveOps.Tests.Browser;

/// <summary>
/// Every page in Chinese on a 1440×900 screen and a 390×844 phone: the columns a page exists for are inside the window
/// without scrolling sideways, the page itself never scrolls sideways, and no chart axis label overlaps another.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PageLayoutBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private DashboardApp _app = default!;

    public Task InitializeAsync()
    {
        _app = DashboardApp.Start(demoData: true);
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData(1440, 900)]
    [InlineData(390, 844)]
    public async Task Campaigns_NameBuyersRevenueReturnAndRepeat_InsideTheWindow(int width, int height)
    {
        await using var page = await OpenAsync(width, height, "/campaigns");
        var row = page.Page.Locator("tr.campaign-row").First;
        await Expect(row).ToBeVisibleAsync();

        foreach (var cell in new[] { "campaign-name", "cell-buyers", "cell-revenue", "cell-roi", "cell-repeat" })
        {
            await LayoutProbe.AssertInViewportAsync(page.Page, row.GetByTestId(cell), $"{cell} at {width}px");
        }
        await AssertNoSidewaysScrollAsync(page, width);
    }

    [Theory]
    [InlineData(1440, 900)]
    [InlineData(390, 844)]
    public async Task LiveSessions_NameGmvNewBuyersJoinsAndJoinRate_InsideTheWindow(int width, int height)
    {
        await using var page = await OpenAsync(width, height, "/live-sessions");
        var row = page.Page.Locator("tr.live-session-row").First;
        await Expect(row).ToBeVisibleAsync();

        foreach (var cell in new[] { "session-name", "cell-gmv", "cell-new-buyers", "cell-joins", "cell-join-rate" })
        {
            await LayoutProbe.AssertInViewportAsync(page.Page, row.GetByTestId(cell), $"{cell} at {width}px");
        }
        await AssertNoSidewaysScrollAsync(page, width);
        Assert.Empty(await LayoutProbe.OverlappingAxisLabelsAsync(page.Page));
    }

    [Theory]
    [InlineData("/", "gmv-chart", 1440, 900)]
    [InlineData("/", "gmv-chart", 390, 844)]
    [InlineData("/private-domain", "pd-share-chart", 1440, 900)]
    [InlineData("/private-domain", "pd-share-chart", 390, 844)]
    [InlineData("/tiers", "tier-distribution-chart", 390, 844)]
    public async Task ChartPages_NoAxisLabelOverlapsAnother_AndNoSidewaysScroll(string path, string chart, int width, int height)
    {
        await using var page = await OpenAsync(width, height, path);
        await Expect(page.Page.Locator($"[data-testid={chart}][data-chart-ready=true] svg.apexcharts-svg")).ToBeVisibleAsync();

        Assert.Empty(await LayoutProbe.OverlappingAxisLabelsAsync(page.Page));
        await AssertNoSidewaysScrollAsync(page, width);
        Assert.Empty(page.ConsoleErrors);
    }

    private async Task<BrowserPage> OpenAsync(int width, int height, string path)
    {
        var page = await browser.NewPageAsync();
        await page.Page.SetViewportSizeAsync(width, height);
        await page.GotoAsync(_app, path);
        return page;
    }

    private static async Task AssertNoSidewaysScrollAsync(BrowserPage page, int width)
    {
        var scrollWidth = await page.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"the page is {scrollWidth}px wide in a {width}px window");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
