using LiveOps.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LiveOps.Tests.Support;

/// <summary>
/// The PostgreSQL server the provider-dependent tests run against. <c>LIVEOPS_TEST_POSTGRES</c> names a role
/// allowed to create databases (default <see cref="DefaultConnectionString"/>); every test database is created from
/// it and dropped after. When no server answers there, the run starts its own throwaway cluster
/// (<see cref="ThrowawayPostgres"/>) and removes it at the end, so the tests need PostgreSQL installed, not started.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "LIVEOPS_TEST_POSTGRES";
    public const string DefaultConnectionString = "Host=127.0.0.1;Port=5432;Username=liveops;Password=liveops;Database=liveops";

    public static string ConfiguredConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured ? configured : DefaultConnectionString;

    private static readonly Lazy<string> Admin = new(ResolveServer);

    private static ThrowawayPostgres? _own;

    public static string AdminConnectionString => Admin.Value;

    /// <summary>The run's own cluster, when no configured server answered; null otherwise.</summary>
    public static ThrowawayPostgres? OwnCluster
    {
        get
        {
            _ = Admin.Value;
            return _own;
        }
    }

    private static string ResolveServer()
    {
        var configured = ConfiguredConnectionString;
        if (Answers(configured))
        {
            return configured;
        }
        var own = ThrowawayPostgres.Start();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => own.Dispose();
        _own = own;
        return own.ConnectionString;
    }

    /// <summary>
    /// False only when nothing listens there (the connection is refused): a server that refuses the role, or is slow
    /// to answer on a busy machine, is still used, and its own error says what is wrong.
    /// </summary>
    private static bool Answers(string connectionString)
    {
        try
        {
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 30, Pooling = false }.ToString());
            connection.Open();
            return true;
        }
        catch (NpgsqlException e) when (e.InnerException is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused })
        {
            return false;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            return true;
        }
    }

    // Migrated once per test run; every test database is a copy of it (a file copy, far quicker than migrating).
    private static readonly Lazy<string> Template = new(CreateTemplate);

    /// <summary>A new migrated database without data; returns its name and connection string.</summary>
    public static (string Name, string ConnectionString) CreateDatabase()
    {
        var name = "liveops_test_" + Guid.NewGuid().ToString("N");
        Execute($"CREATE DATABASE {name} TEMPLATE {Template.Value}");
        var connectionString = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ToString();
        return (name, connectionString);
    }

    public static void DropDatabase(string name, string connectionString)
    {
        using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }
        // FORCE ends any connection still open (a change watch being finalized), as deleting a SQLite file would.
        Execute($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private static string CreateTemplate()
    {
        var name = "liveops_test_template_" + Guid.NewGuid().ToString("N");
        Execute($"CREATE DATABASE {name}");
        if (_own is null)
        {
            // An own cluster goes as a whole at the end of the run.
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Execute($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
        var connectionString = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ToString();
        using (var db = new PostgresLiveOpsDbContext(new DbContextOptionsBuilder<PostgresLiveOpsDbContext>().UseNpgsql(connectionString).Options))
        {
            db.Database.Migrate();
        }
        using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection); // a template must have no open connections to be copied
        }
        return name;
    }

    private static void Execute(string sql)
    {
        try
        {
            using var connection = new NpgsqlConnection(AdminConnectionString);
            connection.Open();
            using var command = new NpgsqlCommand(sql, connection);
            command.ExecuteNonQuery();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            var at = new NpgsqlConnectionStringBuilder(AdminConnectionString);
            throw new InvalidOperationException(
                $"The PostgreSQL tests need a server at {at.Host}:{at.Port} with a role '{at.Username}' that may create databases ({e.Message}). "
                + "Start it as root with `pg_ctlcluster 15 main start` and create the role as .ci/run does "
                + $"(`su postgres -c \"psql -c \\\"CREATE ROLE liveops LOGIN CREATEDB PASSWORD 'liveops' IN ROLE pg_signal_backend\\\"\"`), or set {Variable} to a connection string of such a role.",
                e);
        }
    }
}
