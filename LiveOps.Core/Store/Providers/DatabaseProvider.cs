using System.Data.Common;
using LiveOps.Core.Common;
using LiveOps.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LiveOps.Core.Store;

/// <summary>
/// The one place where SQLite and PostgreSQL differ. Queries and upserts are written once in portable SQL
/// (double-quoted identifiers, <c>@name</c> parameters, instants and money as 64-bit integers); what truly
/// differs — session tuning, bulk loading, index bookkeeping, the cross-process change counter, WAL — is here.
/// Services never test which database they run on: they ask <see cref="Of(DbConnection)"/>.
/// </summary>
public abstract class DatabaseProvider
{
    public const string SqliteName = "sqlite";
    public const string PostgresName = "postgres";

    public static DatabaseProvider Sqlite { get; } = new SqliteProvider();

    public static DatabaseProvider Postgres { get; } = new PostgresProvider();

    /// <summary>The provider named by <c>LiveOps:Database:Provider</c> (empty: SQLite).</summary>
    public static DatabaseProvider Named(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or SqliteName => Sqlite,
        PostgresName or "postgresql" or "npgsql" => Postgres,
        _ => throw new DatabaseConfigurationException($"LiveOps:Database:Provider is '{name}'; use '{SqliteName}' (the default) or '{PostgresName}'"),
    };

    /// <summary>The provider behind an open or closed ADO.NET connection of either database.</summary>
    public static DatabaseProvider Of(DbConnection connection) => connection switch
    {
        SqliteConnection => Sqlite,
        NpgsqlConnection => Postgres,
        _ => throw new NotSupportedException($"no LiveOps provider for {connection.GetType().Name}"),
    };

    public static DatabaseProvider Of(DatabaseFacade database) => Of(database.GetDbConnection());

    public abstract string Name { get; }

    /// <summary>Throws <see cref="DatabaseConfigurationException"/> when the connection string is not one for this provider.</summary>
    public abstract void CheckConnectionString(string connectionString);

    /// <summary>Registers <see cref="IDbContextFactory{LiveOpsDbContext}"/> with this provider's context type.</summary>
    internal abstract void AddContextFactory(IServiceCollection services, string connectionString);

    /// <summary>Watches the database for commits by any connection, for <see cref="DataVersion"/>.</summary>
    public abstract IChangeWatch CreateChangeWatch(string connectionString);

    /// <summary>After migrations: settings stored in the database itself (SQLite's WAL).</summary>
    public abstract Task AfterMigrateAsync(LiveOpsDbContext db, CancellationToken ct);

    /// <summary>A connection of its own for a bulk writer (import, demo data), opened and tuned for writing.</summary>
    public Task<DbConnection> OpenWriterAsync(string connectionString, CancellationToken ct) =>
        OpenWriterAsync(connectionString, TimeSpan.FromSeconds(30), ct);

    /// <summary>A writer connection that waits at most <paramref name="busyWait"/> for another connection's write lock.</summary>
    public abstract Task<DbConnection> OpenWriterAsync(string connectionString, TimeSpan busyWait, CancellationToken ct);

    /// <summary>Session tuning before one long sequential read of the big tables.</summary>
    public abstract Task TuneForScanAsync(DbConnection connection, CancellationToken ct);

    /// <summary>Another connection to the same database, opened, for a second reader read alongside the first.</summary>
    public abstract Task<DbConnection> OpenReaderAsync(string connectionString, CancellationToken ct);

    /// <summary>
    /// Binds <paramref name="keys"/> to <paramref name="command"/> as one parameter and returns the SQL of a subquery
    /// listing them, for <c>WHERE "Id" IN (…)</c> with any number of keys.
    /// </summary>
    public abstract string KeyList(DbCommand command, string parameterName, IReadOnlyCollection<int> keys);

    /// <summary>
    /// Whether a large import may drop the table's non-unique indexes and build them again before the commit.
    /// Only where that does not lock readers out for the duration of the import.
    /// </summary>
    public abstract bool DefersIndexesOnImport { get; }

    /// <summary>
    /// Session settings for an import on its writer connection, before its transaction begins. Imports write every
    /// customer key through the customer map (known or created in the same transaction) and delete nothing, so the
    /// database's own per-row foreign-key lookups only repeat that guarantee.
    /// </summary>
    internal virtual void BeforeImport(DbConnection connection)
    {
    }

    /// <summary>
    /// Work a committed bulk write leaves on its writer connection, run in the background after the import has answered;
    /// null when there is none.
    /// </summary>
    internal virtual Action<DbConnection>? AfterBulkCommit => null;

    /// <summary>The indexes (name, re-creating SQL) of the tables that are not primary keys, optionally only non-unique ones.</summary>
    public abstract List<(string Name, string Definition)> SecondaryIndexes(DbConnection connection, DbTransaction transaction, IReadOnlyList<string> tables, bool nonUniqueOnly);

    /// <summary>Appends rows to a table as fast as the database takes them (no upsert; the table must not hold them).</summary>
    public abstract IBulkRows BulkRows(DbConnection connection, DbTransaction transaction, string table, params string[] columns);

    /// <summary>One prepared statement for the import's rows; its parameters are <c>@p0</c>, <c>@p1</c>, … in order.</summary>
    internal virtual IRowStatement PrepareRows(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<System.Data.DbType> types) =>
        new CommandStatement(connection, transaction, sql, types);

    /// <summary>
    /// The key a new row of <paramref name="table"/> may take, when the writer's transaction excludes every other
    /// writer so that it may number new rows itself; null where keys are only ever generated by the database.
    /// </summary>
    internal virtual long? NextKey(DbConnection connection, DbTransaction transaction, string table, string keyColumn) => null;

    /// <summary>After rows were written with explicit keys: the next generated key follows the largest one.</summary>
    public abstract void AfterExplicitKeys(DbConnection connection, DbTransaction transaction, string table, string keyColumn);

    /// <summary>After a bulk load has committed: statistics for the planner where it needs them at once.</summary>
    public abstract void AfterBulkLoad(DbConnection connection, IReadOnlyList<string> tables);

    /// <summary>
    /// The database's change stamp that outlives processes (see <see cref="ChangeStamp"/>), read inside
    /// <paramref name="transaction"/>; null where derived data is not persisted.
    /// </summary>
    public virtual ChangeStamp? ReadChangeStamp(DbConnection connection, DbTransaction transaction) => null;

    /// <summary>The file that holds derived data <paramref name="name"/> for this database, or null when it is not persisted.</summary>
    public virtual string? DerivedDataFile(DbConnection connection, string name) => null;

    /// <summary>
    /// For a bulk writer: stops the per-row change triggers of <paramref name="tables"/> inside
    /// <paramref name="transaction"/>; <see cref="ChangeTriggers.Restore"/> (before the commit) puts them back and
    /// counts the whole write as one change. A rollback restores them by itself.
    /// </summary>
    public virtual ChangeTriggers SuspendChangeTriggers(DbConnection connection, DbTransaction transaction, IReadOnlyList<string> tables) =>
        ChangeTriggers.None;

    /// <summary>A writer connection (see <see cref="OpenWriterAsync(string, CancellationToken)"/>) to the database of the contexts.</summary>
    internal static Task<DbConnection> OpenWriterAsync(IDbContextFactory<LiveOpsDbContext> contexts, CancellationToken ct) =>
        OpenWriterAsync(contexts, TimeSpan.FromSeconds(30), ct);

    /// <summary>A writer connection to the database of the contexts that waits at most <paramref name="busyWait"/> for the write lock.</summary>
    internal static async Task<DbConnection> OpenWriterAsync(IDbContextFactory<LiveOpsDbContext> contexts, TimeSpan busyWait, CancellationToken ct)
    {
        DatabaseProvider provider;
        string connectionString;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            provider = Of(db.Database);
            connectionString = db.Database.GetConnectionString()
                ?? throw new InvalidOperationException("the LiveOps database has no connection string");
        }
        return await provider.OpenWriterAsync(connectionString, busyWait, ct);
    }

    /// <summary>A double-quoted identifier (columns keep the C# property names, which need quoting on PostgreSQL).</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    internal static void Execute(DbConnection connection, DbTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>
/// Which database (<paramref name="Instance"/>, random per database) and how far its change counter had moved
/// (<paramref name="Version"/>): derived data persisted with an equal stamp was built from exactly the rows there are now.
/// </summary>
public sealed record ChangeStamp(string Instance, long Version);

/// <summary>Change triggers suspended by a bulk writer (see <see cref="DatabaseProvider.SuspendChangeTriggers"/>).</summary>
public class ChangeTriggers
{
    public static readonly ChangeTriggers None = new();

    /// <summary>Re-creates the triggers and bumps the counter once; call inside the transaction, before the commit.</summary>
    public virtual void Restore() { }
}

/// <summary>The database settings do not fit together (a provider without a connection string it can use).</summary>
public sealed class DatabaseConfigurationException(string message) : Exception(message);

/// <summary>Rows appended to one table; <see cref="Complete"/> before the transaction commits.</summary>
public interface IBulkRows : IDisposable
{
    void Add(params object?[] values);

    void Complete();
}

/// <summary>Reads a counter that moves whenever any connection commits to the database.</summary>
public interface IChangeWatch : IDisposable
{
    /// <summary>The counter, or null while there is nothing to watch yet; throws <see cref="DbException"/> when unreadable.</summary>
    long? Read();

    /// <summary>Runs a write that must not move the counter, if this database needs it done here (see DataVersion).</summary>
    bool TryWriteUnobserved(Action<DbConnection> write);

    /// <summary>Drops the connection after a failure; the next <see cref="Read"/> opens afresh.</summary>
    void Reset();
}
