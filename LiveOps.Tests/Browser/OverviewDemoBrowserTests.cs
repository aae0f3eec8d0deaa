using System.Globalization;
using LiveOps.Core.Overview;
using LiveOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace LiveOps.Tests.Browser;

/// <summary>The morning view on the demo shop, in Chinese and then in English: KPIs, evidence, cadence card.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OverviewDemoBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private DashboardApp _app = default!;

    public Task InitializeAsync()
    {
        _app = DashboardApp.Start(demoData: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task DemoShop_OverviewShowsKpisAgainstThePreviousRange_AndTheEvidence_InChineseAndEnglish()
    {
        var service = _app.Services.GetRequiredService<OverviewKpiService>();
        var report = await service.RunAsync(service.LastDays(DailyGmvQuery.DefaultDays));
        Assert.True(report.Evidence.FirstOrders > 100, "the demo shop has first orders to learn from");
        await using var page = await browser.NewPageAsync();

        await page.GotoAsync(_app, "/");

        await Expect(page.Page.GetByTestId("kpi-paid-gmv-value")).ToHaveTextAsync("¥" + report.Current.PaidGmv.ToString("#,##0.00", CultureInfo.InvariantCulture));
        await Expect(page.Page.GetByTestId("kpi-paid-gmv-note")).ToContainTextAsync("上期 ¥" + report.Previous.PaidGmv.ToString("#,##0.00", CultureInfo.InvariantCulture));
        await Expect(page.Page.GetByTestId("kpi-members-joined-value")).ToHaveTextAsync(report.Current.MembersJoined.ToString("#,##0", CultureInfo.InvariantCulture));
        await Expect(page.Page.GetByTestId("evidence-aov-sample")).ToHaveTextAsync(
            $"首单 {report.Evidence.FirstOrders} 笔，复购 {report.Evidence.RepeatOrders} 笔");
        await Expect(page.Page.GetByTestId("cadence-overview-card")).ToBeVisibleAsync();
        await Expect(page.Page.Locator("[data-testid=new-returning-chart][data-chart-ready=true] svg .apexcharts-series path").First).ToBeAttachedAsync();
        await Expect(page.Page.Locator("[data-testid=joins-chart][data-chart-ready=true] svg .apexcharts-series path").First).ToBeAttachedAsync();
        await Expect(page.Page.GetByTestId("evidence-fatigue-value")).ToHaveAttributeAsync("href",
            $"/private-domain?from={report.Query.From:yyyy-MM-dd}&to={report.Query.To:yyyy-MM-dd}#pd-evidence-fatigue");

        await page.Page.GetByTestId("language-switch").Locator("button").ClickAsync();
        await page.Page.GetByTestId("lang-en").ClickAsync();
        await Expect(page.Page.Locator("html[lang='en'] #app-root[data-interactive='true']")).ToBeVisibleAsync();

        await Expect(page.Page.GetByTestId("overview-kpis")).ToContainTextAsync("Private-domain share of GMV");
        await Expect(page.Page.GetByTestId("evidence-aov-sample")).ToHaveTextAsync(
            $"{report.Evidence.FirstOrders} first orders, {report.Evidence.RepeatOrders} repeat orders");
        Assert.Empty(page.ConsoleErrors);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
