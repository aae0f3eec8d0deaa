using LiveOps.Core.Data;
using LiveOps.Core.Data.Entities;
using LiveOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace LiveOps.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class TiersBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private DashboardApp _app = default!;

    public async Task InitializeAsync()
    {
        _app = DashboardApp.Start(demoData: false);
        var factory = _app.Services.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var b = new Customer { CustomerId = "b-1700" };
        var c = new Customer { CustomerId = "c-3000" };
        db.Customers.AddRange(b, c);
        await db.SaveChangesAsync();
        var tenDaysAgo = DateTimeOffset.UtcNow.AddDays(-10);
        db.Orders.AddRange(
            new Order { OrderId = "o1", CustomerKey = b.Id, PlacedAt = tenDaysAgo, Amount = 1700m, Status = OrderStatus.Paid },
            new Order { OrderId = "o2", CustomerKey = c.Id, PlacedAt = tenDaysAgo, Amount = 3000m, Status = OrderStatus.Paid });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task EditSilverThreshold_SimulateShowsNewCounts_PublishAddsVersionToHistory()
    {
        await using var page = await browser.NewPageAsync();
        await page.GotoAsync(_app, "/tiers");
        var p = page.Page;
        await Expect(p.GetByTestId("dist-0")).ToHaveTextAsync("1");
        await Expect(p.GetByTestId("dist-1")).ToHaveTextAsync("1");
        await Expect(p.GetByTestId("history-row")).ToHaveCountAsync(1);

        await p.Locator("[data-testid='rule-1-spend'] input").FillAsync("1200");
        await p.GetByTestId("simulate").ClickAsync();

        await Expect(p.GetByTestId("sim-before-1")).ToHaveTextAsync("1");
        await Expect(p.GetByTestId("sim-after-1")).ToHaveTextAsync("2");
        await Expect(p.GetByTestId("sim-after-0")).ToHaveTextAsync("0");
        await Expect(p.GetByTestId("sim-moved")).ToContainTextAsync("升级 1 人");

        await p.GetByTestId("publish").ClickAsync();

        await Expect(p.GetByTestId("history-row")).ToHaveCountAsync(2);
        var newest = p.GetByTestId("history-row").First;
        await Expect(newest).ToContainTextAsync("页面编辑");
        await Expect(newest).ToContainTextAsync("operator");
        await Expect(newest).ToContainTextAsync("¥1,200.00");
        await Expect(p.GetByTestId("history-row").Nth(1)).ToContainTextAsync("¥2,000.00");
        await Expect(p.GetByTestId("dist-1")).ToHaveTextAsync("2");
        Assert.Empty(page.ConsoleErrors);
    }

    [Fact]
    public async Task DisplayNames_DefaultInChinese_EditedName_IsPublishedWithTheVersion_AndShownEverywhere()
    {
        await using var page = await browser.NewPageAsync();
        await page.GotoAsync(_app, "/tiers");
        var p = page.Page;
        var distribution = p.GetByTestId("tier-distribution");
        await Expect(distribution).ToContainTextAsync("普通会员");
        await Expect(distribution).ToContainTextAsync("金卡");
        await Expect(p.Locator("[data-testid='rule-2-name'] input")).ToHaveAttributeAsync("placeholder", "金卡");

        await p.Locator("[data-testid='rule-1-name'] input").FillAsync("黑金卡");
        await p.Locator("[data-testid='rule-2-name'] input").FillAsync("黑金卡");
        await Expect(p.GetByTestId("rule-2-name")).ToContainTextAsync("显示名称重复");
        await p.Locator("[data-testid='rule-1-name'] input").FillAsync("");
        await Expect(p.GetByTestId("rule-problems")).ToHaveCountAsync(0);
        await p.GetByTestId("publish").ClickAsync();

        await Expect(p.GetByTestId("history-row")).ToHaveCountAsync(2);
        await Expect(p.GetByTestId("history-row").First).ToContainTextAsync("黑金卡");
        await Expect(p.GetByTestId("history-row").Nth(1)).Not.ToContainTextAsync("黑金卡");
        await Expect(p.GetByTestId("tier-prices")).ToContainTextAsync("黑金卡");
        await Expect(distribution).ToContainTextAsync("黑金卡");
        foreach (var code in new[] { "normal", "silver", "gold" })
        {
            await Expect(distribution).Not.ToContainTextAsync(code);
            await Expect(p.GetByTestId("tier-prices")).Not.ToContainTextAsync(code);
        }
        Assert.Empty(page.ConsoleErrors);
    }

    [Fact]
    public async Task PricePreview_ListPrice100_ShowsEachTiersPrice()
    {
        await using var page = await browser.NewPageAsync();
        await page.GotoAsync(_app, "/tiers");

        await page.Page.Locator("[data-testid='tier-prices'] input").FillAsync("100");

        await Expect(page.Page.GetByTestId("price-0")).ToHaveTextAsync("¥95.00");
        await Expect(page.Page.GetByTestId("price-2")).ToHaveTextAsync("¥85.00");
    }

    [Fact]
    public async Task ExportUpgrades_DownloadsCsvOfTheCustomersCloseToTheNextTier()
    {
        using var http = await _app.SignedInClientAsync();

        var response = await http.GetAsync("/tiers/export/upgrades.csv");

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var text = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        // The page's download, in the page's language with money to the fen (the command line keeps the contract's codes).
        Assert.Equal(
            "客户,等级,下一等级,近12月消费,下一等级消费门槛 (¥),还差 (¥)\r\nb-1700,普通会员,银卡,1700.00,2000.00,300.00\r\n",
            text);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
