using System.Text.RegularExpressions;
using LiveOps.Core.LiveSessions;
using LiveOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace LiveOps.Tests.Browser;

/// <summary>A new user's first look at live sessions on the demo shop: the list, the chart, one session.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveSessionsDemoBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private DashboardApp _app = default!;

    public Task InitializeAsync()
    {
        _app = DashboardApp.Start(demoData: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task DemoShop_ListsFortySessions_DrawsTheComparison_AndOpensOneSession()
    {
        var report = await _app.Services.GetRequiredService<LiveSessionService>().RunAsync(new LiveSessionQuery());
        var newest = report.Sessions[0];
        await using var page = await browser.NewPageAsync();

        await page.GotoAsync(_app, "/live-sessions");

        await Expect(page.Page.Locator("tr.live-session-row")).ToHaveCountAsync(40);
        await Expect(page.Page.Locator("[data-testid='live-session-comparison'][data-chart-ready='true']")).ToBeVisibleAsync();
        await Expect(page.Page.Locator("[data-testid='live-session-comparison'] .apexcharts-series-markers path, [data-testid='live-session-comparison'] .apexcharts-marker").First).ToBeAttachedAsync();
        await Expect(page.Page.GetByTestId("cell-gmv").First).ToHaveTextAsync("¥" + newest.Gmv.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture));

        await page.Page.GetByTestId("session-name").First.Locator("a").ClickAsync();

        await Expect(page.Page).ToHaveURLAsync(new Regex("/live-sessions/" + Regex.Escape(Uri.EscapeDataString(newest.LiveSessionId)) + "$"));
        await Expect(page.Page.Locator("tr[data-measure='NewBuyers'] td").Nth(1)).ToHaveTextAsync(newest.NewBuyers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Page.Locator("[data-testid='live-session-comparison'][data-chart-ready='true']")).ToBeVisibleAsync();
        Assert.Empty(page.ConsoleErrors);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
