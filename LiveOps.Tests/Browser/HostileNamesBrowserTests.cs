using System.Globalization;
using System.Net;
using System.Text;
using LiveOps.Core.Data;
using LiveOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LiveOps.Tests.Browser;

/// <summary>
/// Names that are HTML (imported by any operator) are shown as text on every chart page: no script runs, no
/// element is injected, and the Content-Security-Policy reports no violation.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HostileNamesBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string TierName = "<img src=x onerror=alert(1)>";
    private const string CampaignName = "<img src=x onerror=alert(2)>券";
    private const string AudienceName = "<svg onload=alert(3)>群";
    private const string SessionTitle = "\"><img src=x onerror=alert(4)>直播";

    private DashboardApp _app = default!;
    private string _campaignId = "";
    private string _audienceId = "";
    private string _sessionId = "";

    public async Task InitializeAsync()
    {
        _app = DashboardApp.Start(demoData: true);
        var factory = _app.Services.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var campaign = await db.Campaigns.OrderBy(c => c.CampaignId).FirstAsync();
        var audience = await db.Audiences.OrderBy(a => a.AudienceId).FirstAsync();
        var session = (await db.LiveSessions.ToListAsync()).Where(s => s.AvgWatchSeconds is not null).OrderBy(s => s.LiveSessionId).First();
        _campaignId = campaign.CampaignId;
        _audienceId = audience.AudienceId;
        _sessionId = session.LiveSessionId;

        using var http = await _app.SignedInClientAsync();
        await ImportAsync(http, "tier-rules", $"tier,rank,min_spend_12m,min_orders_12m,discount,dedicated_service\n\"{TierName}\",0,,,1,false\ngold,1,1,1,0.9,false\n");
        await ImportAsync(http, "campaigns",
            "campaign_id,name,type,starts_at,ends_at,cost,attribution_days\n" +
            $"{campaign.CampaignId},\"{CampaignName}\",{Snake(campaign.Type.ToString())},{Time(campaign.StartsAt)},{(campaign.EndsAt is { } e ? Time(e) : "")},{campaign.Cost?.ToString(CultureInfo.InvariantCulture)},{campaign.AttributionDays}\n");
        await ImportAsync(http, "audiences",
            "audience_id,name,kind,member_count\n" +
            $"{audience.AudienceId},\"{AudienceName}\",{(audience.Kind is { } k ? Snake(k.ToString()) : "")},{audience.MemberCount}\n");
        await ImportAsync(http, "live-sessions",
            "live_session_id,started_at,title,ended_at,viewers,peak_concurrent,avg_watch_seconds\n" +
            $"{session.LiveSessionId},{Time(session.StartedAt)},\"{SessionTitle.Replace("\"", "\"\"", StringComparison.Ordinal)}\",{(session.EndedAt is { } end ? Time(end) : "")},{session.Viewers},{session.PeakConcurrent},{session.AvgWatchSeconds?.ToString(CultureInfo.InvariantCulture)}\n");
    }

    [Fact]
    public async Task HostileNames_OnEveryChartPage_AreShownAsText_AndNoScriptRuns()
    {
        await using var page = await browser.NewPageAsync();
        var dialogs = new List<string>();
        page.Page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        var injected = page.Page.Locator("img[src=x], svg[onload]");

        // The tier donut: the legend and the tooltip are written with innerHTML by the chart library.
        await OpenAsync(page, "/tiers");
        var donut = page.Page.Locator("[data-testid=tier-distribution-chart]");
        await Expect(donut.Locator(".apexcharts-legend-text").First).ToHaveTextAsync(TierName);
        await donut.Locator(".apexcharts-pie-area").First.HoverAsync();
        await Expect(donut.Locator(".apexcharts-tooltip-text-y-label").First).ToHaveTextAsync(TierName + ":");
        await Expect(page.Page.GetByTestId("tier-distribution")).ToContainTextAsync(TierName);

        await OpenAsync(page, "/campaigns/" + _campaignId);
        await Expect(page.Page.GetByText(CampaignName).First).ToBeVisibleAsync();
        await OpenAsync(page, "/campaigns");
        await Expect(page.Page.GetByText(CampaignName).First).ToBeVisibleAsync();

        await OpenAsync(page, "/cadence/" + _audienceId);
        await Expect(page.Page.GetByText(AudienceName).First).ToBeVisibleAsync();
        await OpenAsync(page, "/cadence");
        await Expect(page.Page.GetByText(AudienceName).First).ToBeVisibleAsync();

        await OpenAsync(page, "/live-sessions/" + _sessionId);
        await Expect(page.Page.GetByText(SessionTitle).First).ToBeVisibleAsync();
        await OpenAsync(page, "/live-sessions");
        await Expect(page.Page.GetByText(SessionTitle).First).ToBeVisibleAsync();
        // Hovering the session's point shows its tooltip; nothing in it is markup.
        await page.Page.Locator("[data-testid=live-session-comparison] .apexcharts-series-markers path, [data-testid=live-session-comparison] .apexcharts-marker").First.HoverAsync(new() { Force = true });

        foreach (var path in new[] { "/", "/private-domain", "/cohorts" })
        {
            await OpenAsync(page, path);
        }

        await Expect(injected).ToHaveCountAsync(0);
        Assert.Empty(dialogs);
        Assert.Empty(page.ConsoleErrors);
    }

    /// <summary>Opens a page and waits until every chart on it has drawn.</summary>
    private async Task OpenAsync(BrowserPage page, string path)
    {
        await page.GotoAsync(_app, path);
        await Expect(page.Page.Locator("[data-chart-ready=false]")).ToHaveCountAsync(0);
        await Expect(page.Page.Locator("img[src=x], svg[onload]")).ToHaveCountAsync(0);
    }

    private static async Task ImportAsync(HttpClient http, string kind, string csv)
    {
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        using var response = await http.PostAsync($"/data/import/{kind}", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{kind}: {(int)response.StatusCode} {body}");
    }

    private static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Snake(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
