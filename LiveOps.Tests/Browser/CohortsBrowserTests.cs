using LiveOps.Tests.Core.Cohorts;
using LiveOps.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LiveOps.Tests.Browser;

/// <summary>An operator switches the cohorts page to weeks and opens the customers behind a cell.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CohortsBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private DashboardApp _app = default!;

    public async Task InitializeAsync()
    {
        _app = DashboardApp.Start(demoData: false);
        await new ShopFixture(_app.Services)
            .Order("c1", "2026-02-05 10:00:00", 100m)   // 2026-W06
            .Order("c1", "2026-03-02 10:00:00", 60.5m)  // 2026-W10
            .Order("c2", "2026-02-20 12:00:00", 80m)    // 2026-W08
            .SaveAsync();
    }

    [Fact]
    public async Task SwitchingToWeeks_UpdatesUrlAndMatrix_AndACellListsAndExportsItsCustomers()
    {
        await using var page = await browser.NewPageAsync();
        await page.GotoAsync(_app, "/cohorts");
        await Expect(page.Page.GetByTestId("cell-all-2026-02-1")).ToHaveTextAsync("50.0%");
        await Expect(page.Page.GetByTestId("cohort-curves")).ToHaveAttributeAsync("data-chart-ready", "true");
        // One line per cohort (2026-02) plus the weighted average.
        await Expect(page.Page.Locator("[data-testid=cohort-curves] .apexcharts-series")).ToHaveCountAsync(2);

        await page.Page.GetByTestId("period-week").ClickAsync();

        await Expect(page.Page).ToHaveURLAsync(_app.Url("/cohorts?period=week"));
        await Expect(page.Page.GetByTestId("cohorts-report")).ToHaveAttributeAsync("data-period", "week");
        await Expect(page.Page.GetByTestId("row-all-2026-02")).ToHaveCountAsync(0);
        await Expect(page.Page.GetByTestId("cell-all-2026-W06-4")).ToHaveTextAsync("100.0%");
        await Expect(page.Page.GetByTestId("cell-all-2026-W08-2")).ToHaveTextAsync("0.0%");

        await page.Page.GetByTestId("cell-all-2026-W06-4").ClickAsync();

        var rows = page.Page.GetByTestId("customer-row");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("c1");
        await Expect(rows.First).ToContainTextAsync("¥60.50");
        var download = await page.Page.RunAndWaitForDownloadAsync(() => page.Page.GetByTestId("customers-export").ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        // In the page's language, money to the fen, the first order in local time as the panel shows it.
        Assert.Equal("客户ID,昵称,首单时间,该期订单,该期金额 (¥),累计订单,累计金额 (¥)\r\nc1,,2026-02-05 10:00,1,60.50,2,160.50\r\n",
            csv.TrimStart('\uFEFF'));
        Assert.Empty(page.ConsoleErrors);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
