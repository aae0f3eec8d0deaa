using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using LiveOps.Core.Common;
using LiveOps.Core.LiveSessions;
using LiveOps.Core.Overview;
using LiveOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using static Microsoft.Playwright.Assertions;

namespace LiveOps.Tests.Browser;

/// <summary>
/// Every number on the Overview of the demo shop, followed to the page that explains it: the link carries the range,
/// lands on the row that explains the number, and that row shows the same figure; in Chinese and in English.
/// The downloads of the Overview and of the live sessions hold the same numbers.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OverviewTraceabilityBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    /// <summary>Overview element → the element on the explaining page that must show the same text.</summary>
    private static readonly (string Overview, string Explained)[] Numbers =
    [
        ("kpi-gmv-value", "pd-paid-gmv"),
        ("kpi-orders-value", "pd-orders"),
        ("kpi-buyers-value", "pd-buyers"),
        ("kpi-aov-value", "pd-aov"),
        ("kpi-paid-gmv-value", "pd-paid-gmv"),
        ("kpi-buyers-range-value", "pd-buyers"),
        ("kpi-repeat-rate-value", "pd-repeat-rate"),
        ("kpi-private-share-value", "pd-private-share"),
        ("kpi-members-joined-value", "pd-members-joined"),
        ("kpi-campaigns-value", "pd-campaigns"),
        ("evidence-aov-value", "pd-evidence-aov"),
        ("evidence-members-value", "pd-evidence-members"),
        ("evidence-never-back-value", "pd-evidence-never-back"),
        ("evidence-fatigue-value", "pd-evidence-fatigue"),
    ];

    private readonly string _downloads = Path.Combine(Path.GetTempPath(), "liveops-downloads", Guid.NewGuid().ToString("N"));
    private DashboardApp _app = default!;

    public Task InitializeAsync()
    {
        _app = DashboardApp.Start(demoData: true);
        Directory.CreateDirectory(_downloads);
        return Task.CompletedTask;
    }

    private static string Money(decimal yuan) => "¥" + yuan.ToString("#,##0.00", CultureInfo.InvariantCulture);

    [Fact]
    public async Task EveryOverviewNumber_LinksWithItsRange_ToARowShowingTheSameFigure_InChineseAndEnglish()
    {
        var service = _app.Services.GetRequiredService<OverviewKpiService>();
        var ninety = await service.RunAsync(service.LastDays(90));
        var thirty = await service.RunAsync(service.LastDays(30));
        await using var page = await browser.NewPageAsync();
        await page.GotoAsync(_app, "/");
        await Expect(page.Page.GetByTestId("kpi-paid-gmv-value")).ToHaveTextAsync(Money(ninety.Current.PaidGmv));

        await FollowEveryNumberAsync(page, ninety.Query, "私域经营");

        // In English, over the last 30 days: the links carry the new range.
        await page.GotoAsync(_app, "/");
        await page.Page.GetByTestId("language-switch").Locator("button").ClickAsync();
        await page.Page.GetByTestId("lang-en").ClickAsync();
        await Expect(page.Page.Locator("html[lang='en'] #app-root[data-interactive='true']")).ToBeVisibleAsync();
        await page.Page.GetByTestId("range-30").ClickAsync();
        await Expect(page.Page.GetByTestId("kpi-paid-gmv-value")).ToHaveTextAsync(Money(thirty.Current.PaidGmv));

        await FollowEveryNumberAsync(page, thirty.Query, "Private domain");
        await Expect(page.Page.GetByTestId("pd-kpis")).ToContainTextAsync("Orders in a private group, or by customers already in the private domain when ordering");
        Assert.Empty(page.ConsoleErrors);
    }

    private async Task FollowEveryNumberAsync(BrowserPage page, OverviewKpiQuery range, string title)
    {
        var expectedPage = $"/private-domain?from={range.From:yyyy-MM-dd}&to={range.To:yyyy-MM-dd}";
        var seen = new List<(string Text, string Href, string Explained)>();
        foreach (var (overview, explained) in Numbers)
        {
            var link = page.Page.GetByTestId(overview);
            var href = await link.GetAttributeAsync("href") ?? "";
            Assert.StartsWith(expectedPage + "#", href);
            seen.Add(((await link.TextContentAsync() ?? "").Trim(), href, explained));
        }
        var newReturning = await page.Page.GetByTestId("new-returning-chart-link").GetAttributeAsync("href");
        var joins = await page.Page.GetByTestId("joins-chart-link").GetAttributeAsync("href");
        Assert.Equal((expectedPage + "#pd-new-gmv", expectedPage + "#weeks"), (newReturning, joins));
        var joinedOnOverview = (await page.Page.GetByTestId("kpi-members-joined-value").TextContentAsync() ?? "").Trim();

        // Follow one link as a person would, by clicking it; the rest are the same page at other rows.
        await page.Page.GetByTestId("kpi-private-share-value").ClickAsync();
        await Expect(page.Page).ToHaveURLAsync(new Regex(Regex.Escape(seen.Single(s => s.Explained == "pd-private-share").Href) + "$"));
        await Expect(page.Page.Locator("h1")).ToContainTextAsync(title);
        foreach (var (text, href, explained) in seen)
        {
            await Expect(page.Page.GetByTestId(explained)).ToHaveTextAsync(text);
            // The anchor names the row that holds the figure.
            var anchor = href[(href.IndexOf('#') + 1)..];
            await Expect(page.Page.Locator($"[id='{anchor}'] [data-testid='{explained}']")).ToBeVisibleAsync();
        }
        // The weekly joins of the chart add up to the Overview's members joined.
        var weeklyJoins = await page.Page.Locator("[data-testid=pd-weeks] tbody tr td:last-child").AllTextContentsAsync();
        Assert.Equal(joinedOnOverview, weeklyJoins.Sum(t => long.Parse(t.Trim(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture)).ToString("#,##0", CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task AudiencesOutsideTheGuideline_LeadToTheCadencePage_ListingTheSameWarnings()
    {
        var clock = _app.Services.GetRequiredService<ZoneClock>();
        var thisWeek = Period.Containing(PeriodKind.Week, clock.UtcNow, clock);
        await using var page = await browser.NewPageAsync();
        await page.GotoAsync(_app, "/");
        var over = (await page.Page.GetByTestId("card-over").TextContentAsync() ?? "").Trim();
        var under = (await page.Page.GetByTestId("card-under").TextContentAsync() ?? "").Trim();

        await page.Page.GetByTestId("card-over").ClickAsync();

        await Expect(page.Page).ToHaveURLAsync(new Regex("/cadence$"));
        await Expect(page.Page.Locator($"[data-testid=warning][data-week='{thisWeek}'][data-status=over]")).ToHaveCountAsync(int.Parse(over, CultureInfo.InvariantCulture));
        await Expect(page.Page.Locator($"[data-testid=warning][data-week='{thisWeek.Add(-1)}'][data-status=under]")).ToHaveCountAsync(int.Parse(under, CultureInfo.InvariantCulture));
        Assert.True(int.Parse(over, CultureInfo.InvariantCulture) + int.Parse(under, CultureInfo.InvariantCulture) > 0, "the demo shop has audiences outside the guideline");
        Assert.Empty(page.ConsoleErrors);
    }

    [Fact]
    public async Task Downloads_OfTheOverviewAndTheLiveSessions_HoldThePagesNumbers()
    {
        var overview = _app.Services.GetRequiredService<OverviewKpiService>();
        var report = await overview.RunAsync(overview.LastDays(90));
        var sessions = await _app.Services.GetRequiredService<LiveSessionService>().RunAsync(new LiveSessionQuery());
        await using var page = await browser.NewPageAsync();

        await page.GotoAsync(_app, "/");
        await Expect(page.Page.GetByTestId("kpi-paid-gmv-value")).ToHaveTextAsync(Money(report.Current.PaidGmv));
        var csv = await page.Page.RunAndWaitForDownloadAsync(() => page.Page.GetByTestId("overview-export-csv").ClickAsync());
        var csvPath = Path.Combine(_downloads, "overview.csv");
        await csv.SaveAsAsync(csvPath);
        var bytes = await File.ReadAllBytesAsync(csvPath);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        // The page's language, the page's range (last included day, as the page's subtitle), money to the fen, rates as %.
        Assert.Equal("区间,开始日期,结束日期（含）,实付 GMV,实付订单,客单价,购买客户,复购客户,复购客户占比,私域 GMV,私域 GMV 占比,新入私域", lines[0]);
        var c = report.Current;
        Assert.Equal(string.Join(',', "本区间", $"{report.Query.From:yyyy-MM-dd}", $"{report.Query.To.AddDays(-1):yyyy-MM-dd}",
            Fen(c.PaidGmv), c.Orders, Fen(c.AverageOrderValue!.Value), c.Buyers, c.RepeatBuyers,
            c.RepeatRate!.Value.ToString("0.0%", CultureInfo.InvariantCulture), Fen(c.PrivateDomainGmv),
            c.PrivateDomainShare!.Value.ToString("0.0%", CultureInfo.InvariantCulture), c.MembersJoined), lines[1]);
        await Expect(page.Page.GetByTestId("page-subtitle")).ToContainTextAsync($"{report.Query.To.AddDays(-1):yyyy-MM-dd}");

        await page.GotoAsync(_app, "/live-sessions");
        await Expect(page.Page.Locator("tr.live-session-row")).ToHaveCountAsync(40);
        var xlsx = await page.Page.RunAndWaitForDownloadAsync(() => page.Page.GetByTestId("live-sessions-export-xlsx").ClickAsync());
        var xlsxPath = Path.Combine(_downloads, "live-sessions.xlsx");
        await xlsx.SaveAsAsync(xlsxPath);
        var sheet = MiniExcel.Query(xlsxPath, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(40, sheet.Count);
        Assert.Equal(sessions.Sessions[0].LiveSessionId, sheet[0]["场次ID"]);
        Assert.Equal((double)Math.Round(sessions.Sessions[0].Gmv, 2), Convert.ToDouble(sheet[0]["成交额"], CultureInfo.InvariantCulture), 6);
        Assert.Equal(sessions.Sessions.Sum(s => s.NewBuyers), sheet.Sum(r => Convert.ToInt32(r["新客"], CultureInfo.InvariantCulture)));
        var formats = XlsxFormats.Read(xlsxPath);
        Assert.Equal("¥#,##0.00", formats.ColumnFormat("成交额"));
        Assert.Equal("0.0%", formats.ColumnFormat("入私域率"));
        Assert.Equal("#,##0", formats.ColumnFormat("新客"));
        Assert.True(formats.HeaderFrozen, "the header row stays in view");
        Assert.True(formats.ColumnWidth("场次标题") >= 20, "titles get a wide column");
        Assert.Empty(page.ConsoleErrors);
    }

    private static string Fen(decimal yuan) => Math.Round(yuan, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_downloads, recursive: true);
    }
}
