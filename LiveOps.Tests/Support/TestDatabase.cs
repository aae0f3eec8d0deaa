using LiveOps.Core;
using LiveOps.Core.Common;
using LiveOps.Core.Data;
using LiveOps.Core.Store;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LiveOps.Tests.Support;

/// <summary>
/// A real database, migrated, with the Core services wired the way the dashboard wires them and a fake clock.
/// One per test class (or per test). SQLite (default): a file in a temporary folder. PostgreSQL: a database of
/// its own on the test server (<see cref="TestPostgres"/>), dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable, IDisposable
{
    private readonly string _folder;
    private readonly string? _postgresDatabase;

    public TestDatabase(string timeZone = "Asia/Shanghai", DateTimeOffset? now = null, Action<LiveOpsOptions>? configure = null, Action<IServiceCollection>? services = null, DatabaseProvider? provider = null)
    {
        Provider = provider ?? DatabaseProvider.Sqlite;
        _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "liveops-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        if (Provider == DatabaseProvider.Postgres)
        {
            (_postgresDatabase, ConnectionString) = TestPostgres.CreateDatabase();
            Path = ConnectionString;
        }
        else
        {
            Path = System.IO.Path.Combine(_folder, "liveops.db");
            ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString();
        }
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
        collection.AddLiveOpsCore(Provider, ConnectionString);
        // Last, so a test can replace a Core service (the actor, say).
        services?.Invoke(collection);
        Services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        DatabaseInitializer.MigrateAsync(Factory).GetAwaiter().GetResult();
    }

    /// <summary>
    /// The Core services of another process on this database (a command-line run, another dashboard instance): its own
    /// DataVersion and column stores, the same clock. The caller disposes it.
    /// </summary>
    public ServiceProvider NewProcess()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddOptions<LiveOpsOptions>().Configure(o => o.Tiers = DefaultTiers());
        services.AddLiveOpsCore(Provider, ConnectionString);
        return services.BuildServiceProvider();
    }

    public DatabaseProvider Provider { get; }

    /// <summary>What the command line's <c>--db</c> takes: the SQLite file, or the PostgreSQL connection string.</summary>
    public string Path { get; }

    /// <summary>Configuration the command line needs beside <c>--db</c> to open this database.</summary>
    public IReadOnlyDictionary<string, string?> CliSettings => new Dictionary<string, string?> { ["LiveOps:Database:Provider"] = Provider.Name };

    /// <summary>Runs a one-shot command against this database (<c>--db</c> added) on this database's fake clock.</summary>
    public Task<CliResult> CliAsync(params string[] args) =>
        CliRunner.RunAsync(CliSettings, s => s.AddSingleton<TimeProvider>(Time), "", [.. args, "--db", Path]);

    /// <summary>A plain ADO.NET connection of the provider, opened, outside the services (another process's view).</summary>
    public async Task<System.Data.Common.DbConnection> OpenConnectionAsync() =>
        await Provider.OpenReaderAsync(ConnectionString, CancellationToken.None);

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

    /// <summary>Every table, column and index definition as text: equal texts mean an equal schema.</summary>
    public string SchemaText()
    {
        using var connection = OpenConnectionAsync().GetAwaiter().GetResult();
        using var command = connection.CreateCommand();
        command.CommandText = Provider == DatabaseProvider.Postgres
            ? """
              SELECT string_agg(line, E'\n' ORDER BY line) FROM (
                  SELECT table_name || '.' || column_name || ':' || data_type || ':' || is_nullable AS line
                  FROM information_schema.columns WHERE table_schema = current_schema()
                  UNION ALL
                  SELECT indexname || ':' || indexdef FROM pg_indexes WHERE schemaname = current_schema()) s
              """
            : "SELECT group_concat(name || ':' || ifnull(sql, ''), char(10)) FROM (SELECT name, sql FROM sqlite_master ORDER BY name)";
        return (string)command.ExecuteScalar()!;
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
        if (_postgresDatabase is not null)
        {
            TestPostgres.DropDatabase(_postgresDatabase, ConnectionString);
        }
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
