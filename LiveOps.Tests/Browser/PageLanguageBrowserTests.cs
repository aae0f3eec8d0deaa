using System.Text.RegularExpressions;
using LiveOps.Core.Campaigns;
using LiveOps.Core.LiveSessions;
using LiveOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LiveOps.Tests.Browser;

/// <summary>
/// Every page of the demo shop in Chinese shows no English words of the interface (ids, units and product names
/// aside). With LIVEOPS_SCREENSHOTS set to a folder, full-page screenshots in both languages are written there to look at.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PageLanguageBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    // Words that are Chinese operators' own vocabulary or the product's name; everything else in Latin letters is a miss.
    private static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        "GMV", "CSV", "Excel", "LiveOps", "Asia", "Shanghai", "WeCom", "ROI", "RFM", "English", "xlsx", "csv",
        // The file kinds are the names of the files to upload.
        "customers", "orders", "audiences", "pushes", "campaigns",
    };

    private DashboardApp _app = default!;

    public Task InitializeAsync()
    {
        _app = DashboardApp.Start(demoData: true, user: LiveOps.Core.Accounts.Role.Admin);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task EveryPage_InChinese_ShowsNoUntranslatedInterfaceText()
    {
        var campaign = (await _app.Services.GetRequiredService<CampaignService>().RunAsync(new CampaignQuery())).Campaigns[0].CampaignId;
        var session = (await _app.Services.GetRequiredService<LiveSessionService>().RunAsync(new LiveSessionQuery())).Sessions[0].LiveSessionId;
        string[] paths = ["/", "/cohorts", "/cadence", "/campaigns", $"/campaigns/{campaign}", "/tiers", "/live-sessions",
            $"/live-sessions/{session}", "/private-domain", "/data", "/audit", "/admin/users"];
        var shots = Environment.GetEnvironmentVariable("LIVEOPS_SCREENSHOTS");
        await using var page = await browser.NewPageAsync();
        await page.Page.SetViewportSizeAsync(1440, 900);
        var misses = new List<string>();

        foreach (var path in paths)
        {
            await page.GotoAsync(_app, path);
            await Expect(page.Page.Locator("[data-testid$=loading]")).ToHaveCountAsync(0);
            await Expect(page.Page.Locator(".mud-progress-linear")).ToHaveCountAsync(0);
            var text = await page.Page.Locator(".mud-main-content").InnerTextAsync();
            // Ids and names from the data (c000123, k1, 双十一 s1) are the shop's own, not interface text.
            var words = LatinWord().Matches(text).Select(m => m.Value).Where(w => !Allowed.Contains(w)).Distinct().ToList();
            if (words.Count > 0)
            {
                misses.Add($"{path}: {string.Join(", ", words.Take(12))}");
            }
            if (shots is not null)
            {
                Directory.CreateDirectory(shots);
                await page.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "zh" + Slug(path) + ".png"), FullPage = true });
            }
        }
        if (shots is not null)
        {
            await page.Page.GetByTestId("language-switch").Locator("button").ClickAsync();
            await page.Page.GetByTestId("lang-en").ClickAsync();
            await Expect(page.Page.Locator("html[lang='en'] #app-root[data-interactive='true']")).ToBeVisibleAsync();
            foreach (var path in paths)
            {
                await page.GotoAsync(_app, path);
                await Expect(page.Page.Locator(".mud-progress-linear")).ToHaveCountAsync(0);
                await page.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "en" + Slug(path) + ".png"), FullPage = true });
            }
        }

        Assert.Empty(misses);
    }

    private static string Slug(string path) => Regex.Replace(path, "[^a-zA-Z0-9]+", "-").TrimEnd('-') is { Length: > 0 } s ? s : "-overview";

    // Words of four or more Latin letters that are not part of an id (no digits or underscores next to them).
    [GeneratedRegex(@"(?<![\w\-@.])[A-Za-z]{4,}(?![\w\-@.])")]
    private static partial Regex LatinWord();

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
