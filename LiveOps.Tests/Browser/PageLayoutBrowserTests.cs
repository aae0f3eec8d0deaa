using LiveOps.Tests.Support;
using Microsoft.Playwright;
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
    [InlineData(1440, 900)]
    [InlineData(390, 844)]
    public async Task Cohorts_CohortSizeAndFirstMonths_InsideTheWindow_NamePinnedWhileScrolling(int width, int height)
    {
        await using var page = await OpenAsync(width, height, "/cohorts");
        // The oldest cohort shown has every month filled in.
        var row = page.Page.Locator("[data-testid=cohort-matrix] tr[data-testid^=row-all-]").First;
        await Expect(row).ToBeVisibleAsync();

        foreach (var cell in new[] { "[data-cell=cohort-name]", "[data-cell=cohort-size]", "[data-offset='1']", "[data-offset='2']", "[data-offset='3']" })
        {
            await LayoutProbe.AssertInViewportAsync(page.Page, row.Locator(cell), $"{cell} at {width}px");
        }
        await AssertNameStaysWhileScrolledAsync(page, "[data-testid=cohort-matrix] .table-scroller",
            row.Locator("[data-cell=cohort-name]"), row.Locator("td").Last, width);
        await AssertNoSidewaysScrollAsync(page, width);
        await Expect(page.Page.Locator("[data-testid=cohort-curves][data-chart-ready=true] svg.apexcharts-svg")).ToBeVisibleAsync();
        Assert.Empty(await LayoutProbe.OverlappingAxisLabelsAsync(page.Page));
    }

    [Theory]
    [InlineData(1440, 900)]
    [InlineData(390, 844)]
    public async Task Cadence_AudienceAndCurrentWeeks_InsideTheWindow_NamePinnedWhileScrolling(int width, int height)
    {
        await using var page = await OpenAsync(width, height, "/cadence");
        var row = page.Page.GetByTestId("grid-row").First;
        await Expect(row).ToBeVisibleAsync();

        await LayoutProbe.AssertInViewportAsync(page.Page, row.GetByTestId("audience-name"), $"audience name at {width}px");
        await LayoutProbe.AssertInViewportAsync(page.Page, row.Locator("[data-current=true]"), $"current week at {width}px");
        await AssertNameStaysWhileScrolledAsync(page, "[data-testid=cadence-grid] .table-scroller",
            row.GetByTestId("audience-name"), row.Locator("td").Last, width);
        await AssertNoSidewaysScrollAsync(page, width);
        await Expect(page.Page.Locator("[data-testid=content-mix-chart][data-chart-ready=true] svg.apexcharts-svg")).ToBeVisibleAsync();
        Assert.Empty(await LayoutProbe.OverlappingAxisLabelsAsync(page.Page));
    }

    [Theory]
    [InlineData(1440, 900)]
    [InlineData(390, 844)]
    public async Task Tiers_CustomerTierAndGap_InsideTheWindow_AndTheChartsLabelsApart(int width, int height)
    {
        await using var page = await OpenAsync(width, height, "/tiers");
        var upgrade = page.Page.Locator("[data-testid=tier-upgrades] tbody tr").First;
        var downgrade = page.Page.Locator("[data-testid=tier-downgrades] tbody tr").First;
        await Expect(upgrade).ToBeVisibleAsync();

        foreach (var cell in new[] { "cell-customer", "cell-next-tier", "cell-gap" })
        {
            await LayoutProbe.AssertInViewportAsync(page.Page, upgrade.GetByTestId(cell), $"upgrade {cell} at {width}px");
        }
        foreach (var cell in new[] { "cell-customer", "cell-drops-to", "cell-spend-to-keep" })
        {
            await LayoutProbe.AssertInViewportAsync(page.Page, downgrade.GetByTestId(cell), $"downgrade {cell} at {width}px");
        }
        foreach (var cell in new[] { "move-0-0", "move-2-2" })
        {
            await LayoutProbe.AssertInViewportAsync(page.Page, page.Page.GetByTestId(cell), $"migration {cell} at {width}px");
        }
        await AssertNoSidewaysScrollAsync(page, width);
        await Expect(page.Page.Locator("[data-testid=tier-distribution-chart][data-chart-ready=true] svg.apexcharts-svg")).ToBeVisibleAsync();
        Assert.Empty(await LayoutProbe.OverlappingAxisLabelsAsync(page.Page));
    }

    [Theory]
    [InlineData(1440, 900)]
    [InlineData(390, 844)]
    public async Task Value_ChurnListsCustomerChanceAndAmount_InsideTheWindow_AndTheBacktestsLabelsApart(int width, int height)
    {
        await using var page = await OpenAsync(width, height, "/value");
        var row = page.Page.Locator("[data-testid=churn-row]").First;
        await Expect(row).ToBeVisibleAsync();

        // On a phone the list keeps who, how likely to come back and the ¥ at stake; the rest is in the download.
        foreach (var cell in width < 600 ? new[] { "cell-customer", "cell-p-alive", "cell-amount" } : ["cell-customer", "cell-p-alive", "cell-amount", "cell-spend", "value-tier"])
        {
            await LayoutProbe.AssertInViewportAsync(page.Page, row.GetByTestId(cell), $"{cell} at {width}px");
        }
        await AssertNoSidewaysScrollAsync(page, width);
        await Expect(page.Page.Locator("[data-testid=backtest-chart][data-chart-ready=true] svg.apexcharts-svg")).ToBeVisibleAsync();
        Assert.Empty(await LayoutProbe.OverlappingAxisLabelsAsync(page.Page));
    }

    [Theory]
    [InlineData("/", "gmv-chart", 1440, 900)]
    [InlineData("/", "gmv-chart", 390, 844)]
    [InlineData("/private-domain", "pd-share-chart", 1440, 900)]
    [InlineData("/private-domain", "pd-share-chart", 390, 844)]
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

    /// <summary>
    /// A wide table scrolls inside its own box: scrolled to its far end, the far cell comes into the window and the name
    /// column stays pinned inside it.
    /// </summary>
    private static async Task AssertNameStaysWhileScrolledAsync(BrowserPage page, string scroller, ILocator name, ILocator farCell, int width)
    {
        await page.Page.Locator(scroller).EvaluateAsync("e => e.scrollLeft = e.scrollWidth");
        await LayoutProbe.AssertInViewportAsync(page.Page, farCell, $"the last column, scrolled, at {width}px");
        await LayoutProbe.AssertInViewportAsync(page.Page, name, $"the pinned name, scrolled, at {width}px");
        var nameBox = (await name.BoundingBoxAsync())!;
        var farBox = (await farCell.BoundingBoxAsync())!;
        Assert.True(farBox.X >= nameBox.X + nameBox.Width - 1, $"the last column (x={farBox.X:0}) slides under the name (ends at {nameBox.X + nameBox.Width:0})");
        await page.Page.Locator(scroller).EvaluateAsync("e => e.scrollLeft = 0");
    }

    private static async Task AssertNoSidewaysScrollAsync(BrowserPage page, int width)
    {
        var scrollWidth = await page.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"the page is {scrollWidth}px wide in a {width}px window");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
