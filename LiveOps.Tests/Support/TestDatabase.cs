using LiveOps.Core;
using LiveOps.Core.Common;
using LiveOps.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LiveOps.Tests.Support;

/// <summary>
/// A real SQLite database file in a temporary folder, migrated, with the Core services wired
/// the way the dashboard wires them and a fake clock. One per test class (or per test).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable, IDisposable
{
    private readonly string _folder;

    public TestDatabase(string timeZone = "Asia/Shanghai", DateTimeOffset? now = null, Action<LiveOpsOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "liveops-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        Path = System.IO.Path.Combine(_folder, "liveops.db");
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString();
        Time = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.FromHours(8)));

        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<TimeProvider>(Time);
        collection.AddOptions<LiveOpsOptions>().Configure(o =>
        {
            o.TimeZone = timeZone;
            o.Tiers = DefaultTiers();
            configure?.Invoke(o);
        });
        collection.AddLiveOpsCore(ConnectionString);
        // Last, so a test can replace a Core service (the actor, say).
        services?.Invoke(collection);
        Services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        DatabaseInitializer.MigrateAsync(Factory).GetAwaiter().GetResult();
    }

    public string Path { get; }

    public string ConnectionString { get; }

    public FakeTimeProvider Time { get; }

    public ServiceProvider Services { get; }

    public IDbContextFactory<LiveOpsDbContext> Factory => Services.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>();

    public ZoneClock Clock => Services.GetRequiredService<ZoneClock>();

    public LiveOpsOptions Options => Services.GetRequiredService<IOptions<LiveOpsOptions>>().Value;

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public LiveOpsDbContext NewContext() => Factory.CreateDbContext();

    /// <summary>Writes a CSV file into the test folder and returns its path.</summary>
    public string WriteFile(string name, string content)
    {
        var path = System.IO.Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    public string WriteFile(string name, byte[] content)
    {
        var path = System.IO.Path.Combine(_folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public static List<TierRuleOptions> DefaultTiers() =>
    [
        new() { Tier = "normal", Rank = 0, Discount = 0.95m },
        new() { Tier = "silver", Rank = 1, MinSpend12m = 2000m, MinOrders12m = 6, Discount = 0.90m },
        new() { Tier = "gold", Rank = 2, MinSpend12m = 8000m, MinOrders12m = 15, Discount = 0.85m, DedicatedService = true },
    ];

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        DeleteFolder();
    }

    public void Dispose()
    {
        Services.Dispose();
        DeleteFolder();
    }

    private void DeleteFolder()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finalizing connection; the temp folder is cleaned by the OS.
        }
    }
}
