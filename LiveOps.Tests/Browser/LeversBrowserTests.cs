using System.Globalization;
using LiveOps.Core.Acquisition;
using LiveOps.Core.Content;
using LiveOps.Core.Overview;
using LiveOps.Core.RepurchaseCycle;
using LiveOps.Core.Statistics;
using LiveOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace LiveOps.Tests.Browser;

/// <summary>
/// The levers on the demo shop, in Chinese and in English: evidence intervals and verdicts on the Overview and the
/// private-domain page, content-driven repurchase on the cadence page, acquisition cohorts and invite timing on the
/// live-session pages, the repurchase cycle on a campaign.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LeversBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private DashboardApp _app = default!;

    public Task InitializeAsync()
    {
        _app = DashboardApp.Start(demoData: true);
        return Task.CompletedTask;
    }

    private static readonly Dictionary<Verdict, (string Zh, string En)> Verdicts = new()
    {
        [Verdict.Supported] = ("支持", "Supported"),
        [Verdict.NotSupported] = ("不支持", "Not supported"),
        [Verdict.InsufficientData] = ("数据不足", "Not enough data"),
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DemoShop_EveryLeverShowsTheServicesNumbers(bool english)
    {
        string Say((string Zh, string En) text) => english ? text.En : text.Zh;
        var overview = _app.Services.GetRequiredService<OverviewKpiService>();
        var evidence = (await overview.RunAsync(overview.LastDays(DailyGmvQuery.DefaultDays))).Evidence;
        var content = await _app.Services.GetRequiredService<ContentService>().RunAsync(new ContentQuery());
        var acquisition = await _app.Services.GetRequiredService<AcquisitionService>().RunAsync(new AcquisitionQuery());
        var session = acquisition.Sessions.First(s => s.Cohort.Buyers > 0);
        var cycles = await _app.Services.GetRequiredService<RepurchaseCycleService>().RunAsync(new RepurchaseCycleQuery());
        var campaign = cycles.Campaigns[0];
        await using var page = await browser.NewPageAsync();
        await page.GotoAsync(_app, "/");
        if (english)
        {
            await page.Page.GetByTestId("language-switch").Locator("button").ClickAsync();
            await page.Page.GetByTestId("lang-en").ClickAsync();
            await Expect(page.Page.Locator("html[lang='en'] #app-root[data-interactive='true']")).ToBeVisibleAsync();
        }

        foreach (var check in evidence.Checks)
        {
            await Expect(page.Page.GetByTestId($"evidence-{check.Rule}-check-verdict")).ToHaveTextAsync(Say(Verdicts[check.Verdict]));
        }
        var aov = evidence.Checks[0];
        await Expect(page.Page.GetByTestId("evidence-aov-check-interval")).ToContainTextAsync(
            (english ? "95% interval " : "95% 区间 ") + aov.Interval!.Low.ToString("0.0%", CultureInfo.InvariantCulture));
        await Expect(page.Page.GetByTestId("evidence-aov-check-interval")).ToContainTextAsync($"n = {aov.N:#,##0}");

        await page.GotoAsync(_app, "/private-domain");
        await Expect(page.Page.GetByTestId("pd-evidence-never-back-check-verdict")).ToHaveTextAsync(Say(Verdicts[evidence.Checks[2].Verdict]));

        await page.GotoAsync(_app, "/cadence");
        await Expect(page.Page.GetByTestId("content-lever")).ToContainTextAsync(english ? "Content-driven repurchase" : "内容驱动复购");
        var first = content.Audiences[0];
        await Expect(page.Page.GetByTestId("content-rate-content")).ToHaveTextAsync(first.Content.OrdersPerMemberDay!.Value.ToString("0.000", CultureInfo.InvariantCulture));
        await Expect(page.Page.GetByTestId("content-rate-baseline")).ToHaveTextAsync(first.Baseline.OrdersPerMemberDay!.Value.ToString("0.000", CultureInfo.InvariantCulture));
        await Expect(page.Page.GetByTestId("content-lift-verdict")).ToHaveTextAsync(Say(Verdicts[first.ContentLift.Verdict]));
        await Expect(page.Page.Locator("[data-testid='content-mix-chart'][data-chart-ready='true']")).ToBeVisibleAsync();

        await page.GotoAsync(_app, "/live-sessions");
        await Expect(page.Page.GetByTestId("acquisition-buyers-total")).ToHaveTextAsync(acquisition.Total.Buyers.ToString("#,##0", CultureInfo.InvariantCulture));
        await Expect(page.Page.GetByTestId("acquisition-row-outside")).ToContainTextAsync(english ? "Acquired outside any session" : "非直播获客");

        await page.GotoAsync(_app, "/live-sessions/" + Uri.EscapeDataString(session.LiveSessionId));
        await Expect(page.Page.GetByTestId($"acquisition-buyers-{session.LiveSessionId}")).ToHaveTextAsync(session.Cohort.Buyers.ToString("#,##0", CultureInfo.InvariantCulture));
        await Expect(page.Page.GetByTestId("invite-timing")).ToContainTextAsync(english ? "When to invite" : "引导时机");
        await Expect(page.Page.GetByTestId("invite-bucket-never")).ToContainTextAsync(english ? "Never joined" : "未入群");
        await Expect(page.Page.Locator("[data-testid='invite-minutes-chart'][data-chart-ready='true']")).ToBeVisibleAsync();

        await page.GotoAsync(_app, "/campaigns/" + Uri.EscapeDataString(campaign.CampaignId));
        await Expect(page.Page.GetByTestId("cycle-panel")).ToContainTextAsync(english ? "Repurchase cycle" : "复购周期");
        await Expect(page.Page.GetByTestId("cycle-p50-all")).ToHaveTextAsync(
            cycles.Overall.P50!.Value.ToString("0.0", CultureInfo.InvariantCulture) + (english ? " d" : " 天"));
        Assert.Empty(page.ConsoleErrors);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
