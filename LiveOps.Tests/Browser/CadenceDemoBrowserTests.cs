using System.Text.RegularExpressions;
using LiveOps.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace LiveOps.Tests.Browser;

/// <summary>A new user's first look at push cadence on the demo shop.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CadenceDemoBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private DashboardApp _app = default!;

    public Task InitializeAsync()
    {
        _app = DashboardApp.Start(demoData: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task DemoShop_ShowsOverAndUnderWeeks_LeaveRates_AndAnAudienceTimeline()
    {
        await using var page = await browser.NewPageAsync();
        await page.GotoAsync(_app, "/cadence");

        await Expect(page.Page.Locator("[data-testid='grid-cell'][data-status='over']").First).ToBeVisibleAsync();
        await Expect(page.Page.Locator("[data-testid='grid-cell'][data-status='under']").First).ToBeVisibleAsync();
        await Expect(page.Page.GetByTestId("leave-rate-over")).ToHaveTextAsync(new Regex(@"^\d+\.\d%$"));
        await Expect(page.Page.GetByTestId("leave-rate-ok")).ToHaveTextAsync(new Regex(@"^\d+\.\d%$"));

        await page.Page.Locator("tr[data-testid='grid-row'] a").First.ClickAsync();

        await Expect(page.Page.Locator("[data-testid='cadence-timeline'][data-chart-ready='true']")).ToBeVisibleAsync();
        await Expect(page.Page.GetByTestId("audience-weeks").Locator("tbody tr")).ToHaveCountAsync(12);
        Assert.Empty(page.ConsoleErrors);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
