using System.Globalization;
using LiveOps.Core.Overview;
using LiveOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LiveOps.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ShellBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private DashboardApp _app = default!;

    public Task InitializeAsync()
    {
        _app = DashboardApp.Start(demoData: false);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task UnknownAddress_ShowsFriendlyNotFound()
    {
        await using var page = await browser.NewPageAsync();
        await page.SignInAsync(_app, _app.DefaultEmail, _app.DefaultPassword!);

        await page.Page.GotoAsync(_app.Url("/no-such-page"));

        await Expect(page.Page.GetByTestId("not-found")).ToContainTextAsync("页面不存在");
        await Expect(page.Page.GetByTestId("not-found").GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "/");
    }

    [Fact]
    public async Task LiveSessions_EmptyDatabase_SaysHowToBringSessionsIn_WithoutConsoleErrors()
    {
        await using var page = await browser.NewPageAsync();

        await page.GotoAsync(_app, "/live-sessions");

        await Expect(page.Page.GetByTestId("live-sessions-empty")).ToContainTextAsync("去数据导入上传 live-sessions.csv");
        Assert.Empty(page.ConsoleErrors);
    }

    [Fact]
    public async Task Overview_FreshInstallWithDemoData_DrawsTheDailyGmvChart_WithoutConsoleErrors()
    {
        await using var app = DashboardApp.Start(demoData: true);
        var expected = await app.Services.GetRequiredService<DailyGmvService>()
            .RunAsync(app.Services.GetRequiredService<DailyGmvService>().LastDays(DailyGmvQuery.DefaultDays));
        await using var page = await browser.NewPageAsync();

        await page.GotoAsync(app, "/");

        var chart = page.Page.Locator("[data-testid=gmv-chart][data-chart-ready=true]");
        await Expect(chart).ToBeVisibleAsync();
        await Expect(chart.Locator("svg .apexcharts-series path").First).ToBeAttachedAsync();
        await Expect(chart.Locator("svg .apexcharts-xaxis-label")).Not.ToHaveCountAsync(0);
        Assert.True(expected.PaidOrders > 1000, $"the demo shop sells: {expected.PaidOrders} paid orders in 90 days");
        await Expect(page.Page.GetByTestId("kpi-gmv-value")).ToHaveTextAsync("¥" + expected.PaidGmv.ToString("#,##0.00", CultureInfo.InvariantCulture));
        await Expect(page.Page.GetByTestId("kpi-orders-value")).ToHaveTextAsync(expected.PaidOrders.ToString("#,##0", CultureInfo.InvariantCulture));
        await Expect(page.Page.GetByTestId("kpi-buyers-value")).ToHaveTextAsync(expected.Buyers.ToString("#,##0", CultureInfo.InvariantCulture));

        await page.Page.GetByTestId("range-30").ClickAsync();

        var last30 = await app.Services.GetRequiredService<DailyGmvService>()
            .RunAsync(app.Services.GetRequiredService<DailyGmvService>().LastDays(30));
        await Expect(page.Page.GetByTestId("kpi-orders-value")).ToHaveTextAsync(last30.PaidOrders.ToString("#,##0", CultureInfo.InvariantCulture));
        await Expect(page.Page.Locator("[data-testid=gmv-chart][data-chart-ready=true] svg .apexcharts-series path").First).ToBeAttachedAsync();
        Assert.Empty(page.ConsoleErrors);
    }

    [Fact]
    public async Task Overview_EmptyDatabase_SaysThereIsNoData()
    {
        await using var page = await browser.NewPageAsync();

        await page.GotoAsync(_app, "/");

        await Expect(page.Page.GetByTestId("overview-empty")).ToContainTextAsync("没有已支付订单");
        Assert.Empty(page.ConsoleErrors);
    }

    [Fact]
    public async Task LanguageSwitch_ToEnglishAndBack_IsRememberedAcrossReloads()
    {
        await using var page = await browser.NewPageAsync();
        await page.GotoAsync(_app, "/data");
        await Expect(page.Page.Locator("h1")).ToHaveTextAsync("数据导入");
        await Expect(page.Page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");

        await SwitchLanguageAsync(page, "lang-en", "en");

        Assert.EndsWith("/data", page.Page.Url);
        await Expect(page.Page.Locator("h1")).ToHaveTextAsync("Data");
        await Expect(page.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        // The live circuit renders in English too, not only the prerendered page.
        await page.Page.GetByTestId("kind-orders").ClickAsync();
        await Expect(page.Page.GetByTestId("kind-description")).ToContainTextAsync("One order per row");

        await page.Page.ReloadAsync();
        await Expect(page.Page.Locator("#app-root[data-interactive='true']")).ToBeVisibleAsync();
        await Expect(page.Page.GetByRole(AriaRole.Link, new() { Name = "Members & tiers" })).ToBeVisibleAsync();

        await SwitchLanguageAsync(page, "lang-zh", "zh-CN");

        await Expect(page.Page.Locator("h1")).ToHaveTextAsync("数据导入");
        await Expect(page.Page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        Assert.Empty(page.ConsoleErrors);
    }

    private static async Task SwitchLanguageAsync(BrowserPage page, string item, string lang)
    {
        await page.Page.GetByTestId("language-switch").Locator("button").ClickAsync();
        await page.Page.GetByTestId(item).ClickAsync();
        // The page reloads: wait for the new page's live circuit, not the old page's.
        await Expect(page.Page.Locator($"html[lang='{lang}'] #app-root[data-interactive='true']")).ToBeVisibleAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
