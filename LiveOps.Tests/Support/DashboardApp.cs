using System.Net;
using System.Text.RegularExpressions;
using LiveOps.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveOps.Tests.Support;

/// <summary>
/// The real dashboard served by Kestrel on 127.0.0.1 (a free port) over its own SQLite file,
/// for a real browser to use.
/// </summary>
public sealed partial class DashboardApp : IAsyncDisposable
{

    private readonly WebApplicationFactory<Program> _factory;
    private readonly string _folder;
    private readonly ServerErrorLog _errors;

    private DashboardApp(WebApplicationFactory<Program> factory, ServerErrorLog errors, string folder, string baseUrl, string databasePath)
    {
        _factory = factory;
        _errors = errors;
        _folder = folder;
        BaseUrl = baseUrl;
        DatabasePath = databasePath;
    }

    public string BaseUrl { get; }

    public string DatabasePath { get; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>What the server logged at Error or above, so a browser test that waits in vain can say why.</summary>
    public IReadOnlyList<string> ServerErrors => _errors.Entries;

    /// <summary>
    /// The user every browser test signs in as, unless it opts out (see <see cref="BrowserPage.AutoSignIn"/>):
    /// <c>operator@liveops.test</c> for the default role.
    /// </summary>
    public string DefaultEmail { get; private set; } = "";

    /// <summary>The password of <see cref="DefaultEmail"/> (random per app), or null when the app starts without users.</summary>
    public string? DefaultPassword { get; private set; }

    /// <summary>
    /// Starts the app. <paramref name="demoData"/> seeds the demo shop as a fresh install does. <paramref name="user"/>
    /// is the role of the user created at start (<see cref="DefaultEmail"/>; an operator may do everything but manage
    /// users); null starts with no user, as a first run.
    /// </summary>
    public static DashboardApp Start(bool demoData, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, Role? user = Role.Operator)
    {
        var folder = Path.Combine(Path.GetTempPath(), "liveops-browser", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var databasePath = Path.Combine(folder, "liveops.db");
        var errors = new ServerErrorLog();
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.ConfigureLogging(logging => logging.AddProvider(errors));
            // appsettings.json names the dashboard's port; tests take a free one so parallel runs never collide.
            web.UseSetting("Urls", "http://127.0.0.1:0");
            web.UseSetting("ConnectionStrings:LiveOps", new SqliteConnectionStringBuilder { DataSource = databasePath }.ToString());
            web.UseSetting("LiveOps:DemoData", demoData ? "true" : "false");
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                web.UseSetting(key, value);
            }
            if (services is not null)
            {
                web.ConfigureTestServices(services);
            }
        });
        // IPv4 loopback only: "localhost" with port 0 also binds [::1] on the same port, which another process may hold.
        factory.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var app = new DashboardApp(factory, errors, folder, address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/'), databasePath);
        if (user is { } role)
        {
            app.DefaultEmail = $"{Roles.Name(role).ToLowerInvariant()}@liveops.test";
            app.DefaultPassword = app.AddUserAsync(app.DefaultEmail, role).GetAwaiter().GetResult();
        }
        return app;
    }

    /// <summary>Creates a user through Identity's UserManager (as an admin would) and returns its random password.</summary>
    public async Task<string> AddUserAsync(string email, Role role)
    {
        await using var scope = Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var name in Roles.All.Select(Roles.Name))
        {
            if (!await roles.RoleExistsAsync(name))
            {
                await roles.CreateAsync(new IdentityRole(name));
            }
        }
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var password = UserAccountService.GeneratePassword();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, Roles.Name(role)));
        return password;
    }

    /// <summary>Signs in through the real sign-in form over HTTP and returns the cookie header that carries the session.</summary>
    public async Task<string> SignInCookieAsync(string? email = null, string? password = null)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl) };
        var form = await http.GetStringAsync("/account/login");
        using var response = await http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
            ["_handler"] = "login",
            ["Input.Email"] = email ?? DefaultEmail,
            ["Input.Password"] = password ?? DefaultPassword ?? throw new InvalidOperationException("This app was started without a user."),
        }));
        var session = cookies.GetCookies(new Uri(BaseUrl))["LiveOps.Auth"]
            ?? throw new InvalidOperationException($"Sign-in failed: {(int)response.StatusCode}");
        return $"{session.Name}={session.Value}";
    }

    /// <summary>An HttpClient signed in as the default user (for exports and endpoints).</summary>
    public async Task<HttpClient> SignedInClientAsync(string? email = null, string? password = null)
    {
        var cookie = await SignInCookieAsync(email, password);
        var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl) };
        http.DefaultRequestHeaders.Add("Cookie", cookie);
        return http;
    }

    public static string AntiforgeryToken(string html) =>
        TokenPattern().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The form carries no antiforgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    public string Url(string path) => BaseUrl + path;

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}
