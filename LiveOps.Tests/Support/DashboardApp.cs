using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace LiveOps.Tests.Support;

/// <summary>
/// The real dashboard served by Kestrel on 127.0.0.1 (a free port) over its own SQLite file,
/// for a real browser to use.
/// </summary>
public sealed class DashboardApp : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;
    private readonly string _folder;

    private DashboardApp(WebApplicationFactory<Program> factory, string folder, string baseUrl, string databasePath)
    {
        _factory = factory;
        _folder = folder;
        BaseUrl = baseUrl;
        DatabasePath = databasePath;
    }

    public string BaseUrl { get; }

    public string DatabasePath { get; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>Starts the app. <paramref name="demoData"/> seeds the demo shop as a fresh install does.</summary>
    public static DashboardApp Start(bool demoData, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "liveops-browser", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var databasePath = Path.Combine(folder, "liveops.db");
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
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
        return new DashboardApp(factory, folder, address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/'), databasePath);
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
