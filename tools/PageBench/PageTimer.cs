using System.Diagnostics;
using Microsoft.Playwright;

namespace LiveOps.PageBench;

/// <summary>
/// Times of one visit, from the navigation's start: the document loaded (prerendered HTML and scripts), the circuit
/// live (the layout's <c>data-interactive</c> marker), the page's data shown, its charts drawn, and a click answered.
/// </summary>
public sealed record PageTiming(string Page, string Path, TimeSpan Loaded, TimeSpan Live, TimeSpan Data, TimeSpan Charts, TimeSpan Ready);

/// <summary>Drives one signed-in browser context through the dashboard's pages.</summary>
public sealed class PageTimer
{
    public const string LiveMarker = "#app-root[data-interactive='true']";

    // Any matching element that is rendered (not display:none): the polling runs in the page on every animation frame.
    private const string AllVisible =
        "selectors => selectors.every(s => Array.from(document.querySelectorAll(s)).some(e => e.checkVisibility()))";

    private readonly IPage _page;
    private readonly string _baseUrl;
    private readonly TimeSpan _timeout;

    private PageTimer(IPage page, string baseUrl, TimeSpan timeout)
    {
        _page = page;
        _baseUrl = baseUrl;
        _timeout = timeout;
    }

    /// <summary>The newest live session's id, read from the list page's first link once it has been visited.</summary>
    public string? SessionId { get; private set; }

    /// <summary>For a timer that visits the detail page without the list first (the cold runs).</summary>
    public void UseSession(string? session) => SessionId = session;

    public static string[] ChromiumArgs { get; } =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    /// <summary>A fresh browser context (zh-CN, Asia/Shanghai, as the operators use it) signed in through the real form.</summary>
    public static async Task<(IBrowserContext Context, PageTimer Timer)> SignInAsync(IBrowser browser, string baseUrl, string email, string password, TimeSpan timeout)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
        });
        context.SetDefaultTimeout((float)timeout.TotalMilliseconds);
        var page = await context.NewPageAsync();
        await page.GotoAsync(baseUrl + "/account/login");
        await page.FillAsync("[data-testid=email]", email);
        await page.FillAsync("[data-testid=password]", password);
        await page.ClickAsync("[data-testid=sign-in]");
        await page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));
        return (context, new PageTimer(page, baseUrl, timeout));
    }

    /// <summary>Opens <paramref name="target"/> by a full navigation (a new circuit, as a bookmark or reload does) and times it.</summary>
    public async Task<PageTiming> VisitAsync(BenchPage target)
    {
        var path = target.PathFor(SessionId);
        var clock = Stopwatch.StartNew();
        await _page.GotoAsync(_baseUrl + path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        var loaded = clock.Elapsed;
        await WaitVisibleAsync(target, [LiveMarker]);
        var live = clock.Elapsed;
        await WaitVisibleAsync(target, target.Data);
        var data = clock.Elapsed;
        await WaitVisibleAsync(target, target.Charts);
        var charts = clock.Elapsed;
        await _page.ClickAsync(target.Click);
        await WaitVisibleAsync(target, [target.Answer]);
        var ready = clock.Elapsed;
        if (target.Data.Contains(BenchPages.FirstSessionLink))
        {
            var href = await _page.Locator(BenchPages.FirstSessionLink).First.GetAttributeAsync("href")
                ?? throw new InvalidOperationException("The first live session has no link.");
            SessionId = Uri.UnescapeDataString(href[(href.LastIndexOf('/') + 1)..]);
        }
        return new PageTiming(target.Name, path, loaded, live, data, charts, ready);
    }

    private async Task WaitVisibleAsync(BenchPage target, IReadOnlyList<string> selectors)
    {
        if (selectors.Count == 0)
        {
            return;
        }
        try
        {
            await _page.WaitForFunctionAsync(AllVisible, selectors.ToArray(), new PageWaitForFunctionOptions { Timeout = (float)_timeout.TotalMilliseconds });
        }
        catch (TimeoutException)
        {
            var missing = new List<string>();
            foreach (var selector in selectors)
            {
                if (!await _page.EvaluateAsync<bool>(AllVisible, new[] { selector }))
                {
                    missing.Add(selector);
                }
            }
            throw new TimeoutException($"{target.Name} ({_page.Url}): not shown within {_timeout.TotalSeconds:0} s: {string.Join(", ", missing)}");
        }
    }
}
