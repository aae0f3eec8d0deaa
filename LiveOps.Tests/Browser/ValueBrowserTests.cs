using System.Globalization;
using LiveOps.Core.Data.Entities;
using LiveOps.Tests.Core.Cohorts;
using LiveOps.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LiveOps.Tests.Browser;

/// <summary>
/// An operator reads the value page in Chinese: opens an RFM segment and exports its customers, reads the churn-risk
/// list (most ¥ at risk first); on a shop of three customers the page says there is not enough data for a forecast.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ValueBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private DashboardApp _app = default!;

    public Task InitializeAsync()
    {
        _app = DashboardApp.Start(demoData: false);
        return Task.CompletedTask;
    }

    /// <summary>
    /// 400 customers drawn from the models the page fits (seeded): first orders spread over 2026-01-01 … 2026-08-31,
    /// repeat purchases from BG/NBD (r = 0.6, α = 12 days, a = 0.9, b = 4) up to 2026-11-30, amounts from Gamma-Gamma
    /// (each customer's rate ν ~ Gamma(4, 200), each amount ~ Gamma(6, ν)).
    /// </summary>
    private async Task PlantShopAsync()
    {
        var shop = new ShopFixture(_app.Services);
        var random = new Random(16);
        var start = new DateTime(2026, 1, 1, 10, 0, 0);
        var end = new DateTime(2026, 11, 30, 10, 0, 0);
        for (var i = 0; i < 400; i++)
        {
            var id = $"c{i:D3}";
            var nu = MathNet.Numerics.Distributions.Gamma.Sample(random, 4, 200);
            decimal Amount() => Math.Round((decimal)MathNet.Numerics.Distributions.Gamma.Sample(random, 6, nu), 2) + 1;
            var lambda = MathNet.Numerics.Distributions.Gamma.Sample(random, 0.6, 12);
            var dropout = MathNet.Numerics.Distributions.Beta.Sample(random, 0.9, 4);
            var at = start.AddDays(random.Next(0, 243));
            shop.Order(id, Text(at), Amount(), channel: OrderChannel.LiveRoom);
            while (true)
            {
                at = at.AddDays(Math.Clamp(Math.Round(MathNet.Numerics.Distributions.Exponential.Sample(random, lambda)), 1, 1000));
                if (at > end)
                {
                    break;
                }
                shop.Order(id, Text(at), Amount(), channel: i % 3 == 0 ? OrderChannel.PrivateGroup : OrderChannel.MiniProgram);
                if (random.NextDouble() < dropout)
                {
                    break;
                }
            }
        }
        await shop.SaveAsync();
    }

    private static string Text(DateTime at) => at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    [Fact]
    public async Task ValuePage_SegmentOpenedAndExported_ChurnRiskSortedByYuanAtRisk()
    {
        await PlantShopAsync();
        await using var page = await browser.NewPageAsync();
        await page.GotoAsync(_app, "/value");

        await Expect(page.Page.GetByTestId("value-page")).ToHaveAttributeAsync("data-thin", "false");
        await Expect(page.Page.GetByRole(AriaRole.Heading, new() { Name = "客户价值" })).ToBeVisibleAsync();
        await Expect(page.Page.GetByTestId("forecast-90-value")).ToContainTextAsync("¥");
        await Expect(page.Page.GetByTestId("backtest-chart")).ToHaveAttributeAsync("data-chart-ready", "true");

        // Churn risk: every row past its rhythm, most ¥ at risk first.
        var churn = page.Page.GetByTestId("churn-row");
        await Expect(churn.First).ToBeVisibleAsync();
        var risks = (await churn.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.atRisk)"))
            .Select(r => decimal.Parse(r, CultureInfo.InvariantCulture)).ToList();
        Assert.True(risks.Count > 1);
        Assert.Equal(risks.OrderByDescending(r => r).ToList(), risks);
        await Expect(page.Page.GetByTestId("churn-honest")).ToContainTextAsync("不是「该回购了」的名单");

        // The biggest segment opens with its customers and exports them all.
        var segment = page.Page.Locator("[data-testid^=segment-open-]").First;
        var name = await segment.InnerTextAsync();
        var key = (await segment.GetAttributeAsync("data-testid"))!["segment-open-".Length..];
        var size = int.Parse(await page.Page.GetByTestId($"segment-{key}-customers").InnerTextAsync(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        await segment.ClickAsync();

        await Expect(page.Page).ToHaveURLAsync(_app.Url($"/value?list=segment&key={key}"));
        await Expect(page.Page.GetByTestId("value-customers")).ToContainTextAsync($"客户名单：{name}");
        await Expect(page.Page.GetByTestId("value-customers")).ToHaveAttributeAsync("data-count", size.ToString(CultureInfo.InvariantCulture));
        var download = await page.Page.RunAndWaitForDownloadAsync(() => page.Page.GetByTestId("value-export-csv").ClickAsync());
        Assert.Equal($"value-segment-{key}.csv", download.SuggestedFilename);
        var lines = (await File.ReadAllTextAsync(await download.PathAsync())).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("客户,昵称,RFM 分群,R,F,M,复购天数,", lines[0]); // the page's language
        Assert.Equal(size + 1, lines.Length);
        // The page lists the customers in the export's order.
        Assert.StartsWith(",," + name.Trim() + ",", lines[1][lines[1].IndexOf(',', StringComparison.Ordinal)..]); // the segment by its name on the page
        await Expect(page.Page.GetByTestId("value-customer-row").First).ToHaveAttributeAsync("data-customer", lines[1].Split(',')[0]);
        Assert.Empty(page.ConsoleErrors);
    }

    [Fact]
    public async Task ValuePage_TinyShop_SaysNotEnoughData_AndKeepsRfmAndChurnRisk()
    {
        await new ShopFixture(_app.Services)
            .Order("a", "2026-01-01 10:00:00", 100m).Order("a", "2026-01-11 10:00:00", 100m).Order("a", "2026-01-21 10:00:00", 300m)
            .Order("b", "2026-03-01 10:00:00", 80m)
            .SaveAsync();
        await using var page = await browser.NewPageAsync();
        await page.GotoAsync(_app, "/value");

        await Expect(page.Page.GetByTestId("value-thin")).ToContainTextAsync("数据不足，暂不预测");
        await Expect(page.Page.GetByTestId("value-thin")).ToContainTextAsync("目前：2 位客户，1 位复购");
        await Expect(page.Page.GetByTestId("rfm-segments")).ToBeVisibleAsync();
        await Expect(page.Page.GetByTestId("churn-row").First).ToHaveAttributeAsync("data-customer", "a");
        await Expect(page.Page.GetByTestId("backtest-unavailable")).ToBeVisibleAsync();
        Assert.Empty(page.ConsoleErrors);
    }

    [Fact]
    public async Task ValuePage_ChurnList_ShowsTierAndChannelInChinese()
    {
        await new ShopFixture(_app.Services)
            .Order("a", "2026-01-01 10:00:00", 100m, channel: OrderChannel.LiveRoom).Order("a", "2026-01-11 10:00:00", 100m, channel: OrderChannel.LiveRoom)
            .Order("a", "2026-01-21 10:00:00", 300m, channel: OrderChannel.PrivateGroup)
            .SaveAsync();
        await using var page = await browser.NewPageAsync();
        await page.GotoAsync(_app, "/value");

        var row = page.Page.Locator("[data-testid='churn-row'][data-customer='a']");
        await Expect(row.GetByTestId("value-tier")).ToHaveTextAsync("普通会员");
        await Expect(row.GetByTestId("value-channel")).ToHaveTextAsync("私域社群");
        Assert.Empty(page.ConsoleErrors);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
