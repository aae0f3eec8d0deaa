using LiveOps.Core.Data;
using LiveOps.Core.Data.Entities;
using LiveOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
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

        await page.Page.GotoAsync(_app.Url("/no-such-page"));

        await Expect(page.Page.GetByTestId("not-found")).ToContainTextAsync("页面不存在");
        await Expect(page.Page.GetByTestId("not-found").GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "/");
    }

    [Fact]
    public async Task UnbuiltPage_SaysSoPlainly_WithoutConsoleErrors()
    {
        await using var page = await browser.NewPageAsync();

        await page.GotoAsync(_app, "/live-sessions");

        await Expect(page.Page.GetByTestId("not-built")).ToBeVisibleAsync();
        Assert.Empty(page.ConsoleErrors);
    }

    [Fact]
    public async Task Overview_WithOrders_DrawsTheDailyGmvChart_WithoutConsoleErrors()
    {
        // The app runs on the real clock, so the orders are placed relative to it.
        var now = DateTimeOffset.UtcNow;
        await AddPaidOrdersAsync(
            ("o1", "c1", now.AddDays(-2), 129.90m),
            ("o2", "c2", now.AddDays(-2), 70.10m),
            ("o3", "c1", now.AddDays(-20), 300m));
        await using var page = await browser.NewPageAsync();

        await page.GotoAsync(_app, "/");

        var chart = page.Page.Locator("[data-testid=gmv-chart][data-chart-ready=true]");
        await Expect(chart).ToBeVisibleAsync();
        await Expect(chart.Locator("svg .apexcharts-series path").First).ToBeAttachedAsync();
        await Expect(chart.Locator("svg .apexcharts-xaxis-label")).Not.ToHaveCountAsync(0);
        await Expect(page.Page.GetByTestId("kpi-gmv-value")).ToHaveTextAsync("¥500.00");
        await Expect(page.Page.GetByTestId("kpi-orders-value")).ToHaveTextAsync("3");
        await Expect(page.Page.GetByTestId("kpi-buyers-value")).ToHaveTextAsync("2");
        Assert.Empty(page.ConsoleErrors);
    }

    [Fact]
    public async Task Overview_EmptyDatabase_SaysThereIsNoData()
    {
        await using var page = await browser.NewPageAsync();

        await page.GotoAsync(_app, "/");

        await Expect(page.Page.GetByTestId("overview-empty")).ToContainTextAsync("近 90 天没有已支付订单");
        Assert.Empty(page.ConsoleErrors);
    }

    [Fact]
    public async Task LanguageSwitch_ToEnglishAndBack_IsRememberedAcrossReloads()
    {
        await using var page = await browser.NewPageAsync();
        await page.GotoAsync(_app, "/data");
        await Expect(page.Page.Locator("h1")).ToHaveTextAsync("数据导入");
        await Expect(page.Page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");

        await SwitchLanguageAsync(page, "lang-en");

        Assert.EndsWith("/data", page.Page.Url);
        await Expect(page.Page.Locator("h1")).ToHaveTextAsync("Data");
        await Expect(page.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        // The live circuit renders in English too, not only the prerendered page.
        await page.Page.GetByTestId("kind-orders").ClickAsync();
        await Expect(page.Page.GetByTestId("kind-description")).ToContainTextAsync("One order per row");

        await page.Page.ReloadAsync();
        await Expect(page.Page.Locator("#app-root[data-interactive='true']")).ToBeVisibleAsync();
        await Expect(page.Page.GetByRole(AriaRole.Link, new() { Name = "Members & tiers" })).ToBeVisibleAsync();

        await SwitchLanguageAsync(page, "lang-zh");

        await Expect(page.Page.Locator("h1")).ToHaveTextAsync("数据导入");
        await Expect(page.Page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        Assert.Empty(page.ConsoleErrors);
    }

    private static async Task SwitchLanguageAsync(BrowserPage page, string item)
    {
        await page.Page.GetByTestId("language-switch").Locator("button").ClickAsync();
        await page.Page.GetByTestId(item).ClickAsync();
        await Expect(page.Page.Locator("#app-root[data-interactive='true']")).ToBeVisibleAsync();
    }

    private async Task AddPaidOrdersAsync(params (string OrderId, string CustomerId, DateTimeOffset PlacedAt, decimal Amount)[] orders)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>().CreateDbContextAsync();
        var customers = orders.Select(o => o.CustomerId).Distinct().ToDictionary(id => id, id => new Customer { CustomerId = id });
        db.Customers.AddRange(customers.Values);
        await db.SaveChangesAsync();
        db.Orders.AddRange(orders.Select(o => new Order
        {
            OrderId = o.OrderId,
            CustomerKey = customers[o.CustomerId].Id,
            PlacedAt = o.PlacedAt,
            Amount = o.Amount,
            Status = OrderStatus.Paid,
        }));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
