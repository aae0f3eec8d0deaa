using System.Text.RegularExpressions;
using LiveOps.Core.Accounts;
using LiveOps.Core.Actions;
using LiveOps.Core.Campaigns;
using LiveOps.Core.Common;
using LiveOps.Core.Data;
using LiveOps.Core.LiveSessions;
using LiveOps.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace LiveOps.Tests.Browser;

/// <summary>
/// Every page of the demo shop in Chinese and in English at 1440×900: a full-page screenshot of each is written to
/// <c>artifacts/screenshots</c> (or the folder in LIVEOPS_SCREENSHOTS) to look at, and the visible text of a Chinese page
/// holds no English words of the interface, nor an English page Chinese ones (names from the shop's data, ids and units aside).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PageLanguageBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IAsyncLifetime
{
    // Latin words a Chinese page may show: the product's name, operators' own vocabulary, units and file names.
    private static readonly HashSet<string> AllowedOnChinesePages = new(StringComparer.OrdinalIgnoreCase)
    {
        "LiveOps", "GMV", "ROI", "RFM", "LTV", "BG", "NBD", "CSV", "xlsx", "csv", "Excel", "WeCom", "Asia", "Shanghai", "English",
        "SKU", "UTC", "ID", "vs", "VIP", "MB", "KB",
        // The citation of the value model (Fader, Hardie & Lee 2005).
        "Fader", "Hardie", "Lee",
        // The file kinds are the names of the files to upload.
        "customers", "orders", "audiences", "pushes", "campaigns", "live_sessions", "sessions", "live",
    };

    // Chinese an English page may show besides names from the data: the language switch's own name for Chinese.
    private static readonly HashSet<string> AllowedOnEnglishPages = ["中文"];

    private DashboardApp _app = default!;
    private HashSet<string> _dataNames = [];
    private HashSet<string> _dataWords = [];
    private string[] _paths = [];

    public async Task InitializeAsync()
    {
        _app = DashboardApp.Start(demoData: true, user: Role.Admin);
        var campaign = (await _app.Services.GetRequiredService<CampaignService>().RunAsync(new CampaignQuery())).Campaigns[0].CampaignId;
        var session = (await _app.Services.GetRequiredService<LiveSessionService>().RunAsync(new LiveSessionQuery())).Sessions[0].LiveSessionId;
        var factory = _app.Services.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var audience = await db.Audiences.OrderBy(a => a.AudienceId).Select(a => a.AudienceId).FirstAsync();
        var action = await CreateActionAsync(await db.Customers.OrderBy(c => c.Id).Select(c => c.CustomerId).Take(40).ToListAsync());
        _paths = ["/", "/cohorts", "/cadence", $"/cadence/{Uri.EscapeDataString(audience)}", "/campaigns", $"/campaigns/{Uri.EscapeDataString(campaign)}",
            "/live-sessions", $"/live-sessions/{Uri.EscapeDataString(session)}", "/tiers", "/value", "/actions", $"/actions/{action}",
            "/private-domain", "/data", "/admin/users", "/audit"];

        // Names the shop gave its audiences, campaigns, sessions, pushes, tiers and customers are its own words in any language.
        IEnumerable<string?> names = [
            .. await db.Audiences.Select(a => a.Name).ToListAsync(), .. await db.Campaigns.Select(c => c.Name).ToListAsync(),
            .. await db.LiveSessions.Select(s => s.Title).ToListAsync(), .. await db.Pushes.Select(p => p.Title).Distinct().ToListAsync(),
            .. await db.TierRules.Select(t => t.DisplayName).ToListAsync(), .. await db.Customers.Select(c => c.Nickname).Distinct().ToListAsync(),
            ActionName];
        var named = names.Where(n => !string.IsNullOrEmpty(n)).ToList();
        _dataNames = [.. named.SelectMany(n => HanRun().Matches(n!).Select(m => m.Value))];
        _dataWords = new(named.SelectMany(n => LatinWord().Matches(n!).Select(m => m.Value)), StringComparer.OrdinalIgnoreCase);
    }

    private const string ActionName = "升级冲刺";

    [Fact]
    public async Task EveryPage_InBothLanguages_IsScreenshotted_AndShowsNoTextOfTheOtherLanguage()
    {
        var folder = Environment.GetEnvironmentVariable("LIVEOPS_SCREENSHOTS") is { Length: > 0 } set
            ? set
            : Path.Combine(RepoRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        output.WriteLine($"Screenshots: {folder}");
        var misses = new List<string>();

        foreach (var language in new[] { "zh", "en" })
        {
            await using var page = await browser.NewPageAsync();
            await page.Page.SetViewportSizeAsync(1440, 900);
            await page.GotoAsync(_app, $"/culture/set?culture={(language == "zh" ? "zh-CN" : "en")}&redirectUri=/");
            foreach (var path in _paths)
            {
                await page.GotoAsync(_app, path);
                misses.AddRange(await ReadAsync(page.Page, language, path, folder));
            }
            // The account pages are plain pages outside the circuit; the sign-in page is seen signed out.
            await page.Page.GotoAsync(_app.Url("/account/denied"));
            misses.AddRange(await ReadAsync(page.Page, language, "/account/denied", folder));
            await page.Page.Context.ClearCookiesAsync();
            await page.Page.GotoAsync(_app.Url($"/culture/set?culture={(language == "zh" ? "zh-CN" : "en")}&redirectUri=/account/login"));
            await Expect(page.Page.GetByTestId("login-form")).ToBeVisibleAsync();
            misses.AddRange(await ReadAsync(page.Page, language, "/account/login", folder));
        }

        // The first-run page shows only while nobody can sign in: an app without users.
        await using (var empty = DashboardApp.Start(demoData: false, user: null))
        {
            foreach (var language in new[] { "zh", "en" })
            {
                await using var page = await browser.NewPageAsync(signIn: false);
                await page.Page.SetViewportSizeAsync(1440, 900);
                await page.Page.GotoAsync(empty.Url($"/culture/set?culture={(language == "zh" ? "zh-CN" : "en")}&redirectUri=/account/setup"));
                await Expect(page.Page.GetByTestId("setup-form")).ToBeVisibleAsync();
                misses.AddRange(await ReadAsync(page.Page, language, "/account/setup", folder));
            }
        }

        Assert.True(misses.Count == 0, "Text of the other language:\n" + string.Join("\n", misses));
    }

    private async Task<IEnumerable<string>> ReadAsync(IPage page, string language, string path, string folder)
    {
        await Expect(page.Locator("[data-testid$=loading], .mud-progress-linear, .mud-progress-circular")).ToHaveCountAsync(0);
        await Expect(page.Locator(".apex-chart[data-chart-ready=false]")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{language}{Slug(path)}.png"), FullPage = true });
        var text = await page.Locator("body").InnerTextAsync();
        var words = language == "zh"
            ? LatinWord().Matches(text).Select(m => m.Value).Where(w => !AllowedOnChinesePages.Contains(w) && !_dataWords.Contains(w))
            : HanRun().Matches(text).Select(m => m.Value).Where(w => !AllowedOnEnglishPages.Contains(w) && !_dataNames.Contains(w));
        // A resource key shown as it is (Audit.Action.X) is a text missing in both languages.
        var distinct = words.Concat(ResourceKey().Matches(text).Select(m => m.Value)).Distinct().ToList();
        return distinct.Count == 0 ? [] : [$"{language} {path}: {string.Join(", ", distinct.Take(15))}"];
    }

    /// <summary>An action on the demo shop, created as the signed-in admin would through the Core service.</summary>
    private async Task<int> CreateActionAsync(IReadOnlyList<string> customerIds)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(_app.DefaultEmail) ?? throw new InvalidOperationException("no default user");
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        var http = _app.Services.GetRequiredService<IHttpContextAccessor>();
        http.HttpContext = new DefaultHttpContext { User = principal, RequestServices = scope.ServiceProvider };
        try
        {
            var clock = _app.Services.GetRequiredService<ZoneClock>();
            var result = await _app.Services.GetRequiredService<ActionService>().CreateAsync(new ActionDraft(ActionName,
                [.. customerIds.Select(id => new ActionMemberInput(id))], StartsAt: clock.UtcNow.AddDays(-7), WindowDays: 14));
            return result.Action?.Id ?? throw new InvalidOperationException(string.Join("; ", result.Problems));
        }
        finally
        {
            http.HttpContext = null;
        }
    }

    private static string Slug(string path) => Regex.Replace(path, "[^a-zA-Z0-9]+", "-").TrimEnd('-') is { Length: > 0 } s ? s : "-overview";

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LiveOps.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("LiveOps.sln not found above the test output");
    }

    // Words of two or more Latin letters that are not part of an id, an address, a setting's key or a file name.
    [GeneratedRegex(@"(?<![A-Za-z0-9_\-@./:])[A-Za-z]{2,}(?![A-Za-z0-9_\-@./:])")]
    private static partial Regex LatinWord();

    [GeneratedRegex(@"\b[A-Z][a-z]+(?:\.[A-Z][A-Za-z]+)+\b")]
    private static partial Regex ResourceKey();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}+")]
    private static partial Regex HanRun();

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
