using Microsoft.Playwright;

namespace LiveOps.Tests.Support;

/// <summary>Debian's Chromium driven by Playwright, shared by the browser tests.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Browser tests need Chromium at {ChromiumPath}: apt-get install -y chromium (.ci/run does this).");
        }
        // Two shared cores: a circuit can take longer than Playwright's 5 s default to go live under a full test run.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A fresh page in its own context, recording console errors and page errors.</summary>
    /// <remarks>
    /// The page signs in as the app's default user on its first <see cref="BrowserPage.GotoAsync"/>;
    /// <paramref name="signIn"/> false leaves it signed out (for tests of setup and sign-in themselves).
    /// </remarks>
    public async Task<BrowserPage> NewPageAsync(string? locale = null, bool signIn = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = locale ?? "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        var result = new BrowserPage(context, page) { AutoSignIn = signIn };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                result.ConsoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => result.ConsoleErrors.Add(error);
        return result;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}

public sealed class BrowserPage(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public List<string> ConsoleErrors { get; } = [];

    /// <summary>Sign in as the app's default user before the first page (every page needs sign-in).</summary>
    public bool AutoSignIn { get; init; } = true;

    private readonly HashSet<string> _signedIn = [];

    /// <summary>Opens a dashboard page and waits until its circuit is live, so clicks reach the server.</summary>
    public async Task GotoAsync(DashboardApp app, string path)
    {
        if (AutoSignIn && app.DefaultPassword is not null && !_signedIn.Contains(app.BaseUrl))
        {
            await SignInAsync(app, app.DefaultEmail, app.DefaultPassword);
        }
        await Page.GotoAsync(app.Url(path));
        await Assertions.Expect(Page.Locator("#app-root[data-interactive='true']")).ToBeVisibleAsync();
    }

    /// <summary>Posts the real sign-in form from this browser context, so the context holds the session cookie.</summary>
    public async Task SignInAsync(DashboardApp app, string email, string password)
    {
        var form = await (await context.APIRequest.GetAsync(app.Url("/account/login"))).TextAsync();
        var data = context.APIRequest.CreateFormData();
        data.Set("__RequestVerificationToken", DashboardApp.AntiforgeryToken(form));
        data.Set("_handler", "login");
        data.Set("Input.Email", email);
        data.Set("Input.Password", password);
        var response = await context.APIRequest.PostAsync(app.Url("/account/login"), new APIRequestContextOptions { Form = data, MaxRedirects = 0 });
        if (response.Status != 302)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {response.Status}");
        }
        _signedIn.Add(app.BaseUrl);
    }

    /// <summary>
    /// Waits until the page is at <paramref name="path"/> (a save that navigates there). When it never gets there, the
    /// failure says where the page is, what alerts it shows and what the server logged as errors.
    /// </summary>
    public async Task ExpectPathAsync(DashboardApp app, string path)
    {
        // Polls the address: a navigation inside the circuit changes it by history.pushState, which fires no load event
        // for Page.WaitForURLAsync to wait for.
        try
        {
            await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(
                "^https?://[^/]+" + System.Text.RegularExpressions.Regex.Escape(path) + "([?#].*)?$"));
        }
        catch (PlaywrightException e)
        {
            var alerts = await Page.Locator(".mud-alert, .mud-snackbar, #blazor-error-ui").AllInnerTextsAsync();
            throw new InvalidOperationException(
                $"Expected {path}, still at {Page.Url}. Alerts: [{string.Join(" | ", alerts)}]. " +
                $"Console: [{string.Join(" | ", ConsoleErrors)}]. Server errors: [{string.Join(" | ", app.ServerErrors)}]", e);
        }
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
