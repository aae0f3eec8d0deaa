using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using LiveOps.Core.Data;

namespace LiveOps.Core.Store;

/// <summary>One SQLite file: the embedded default.</summary>
internal sealed class SqliteProvider : DatabaseProvider
{
    public override string Name => SqliteName;

    public override void CheckConnectionString(string connectionString)
    {
        try
        {
            _ = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new DatabaseConfigurationException($"ConnectionStrings:LiveOps is not a SQLite connection string (Data Source=<file>): {e.Message}");
        }
    }

    /// <summary>SQLite's own prepare/bind/step on the connection's handle: no data reader or name lookups per row.</summary>
    /// An insert without RETURNING goes many rows per statement.
    internal override IRowStatement PrepareRows(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<System.Data.DbType> types) =>
        (IRowStatement?)RawRowsStatement.TryCreate((SqliteConnection)connection, sql, types.Count) ?? new RawStatement((SqliteConnection)connection, sql);

    internal override void AddContextFactory(IServiceCollection services, string connectionString)
    {
        services.AddDbContextFactory<SqliteLiveOpsDbContext>(o => o.UseSqlite(connectionString).UseModel(Data.CompiledModels.Sqlite.SqliteLiveOpsDbContextModel.Instance));
        services.AddSingleton<IDbContextFactory<LiveOpsDbContext>>(sp =>
            new ContextFactory<SqliteLiveOpsDbContext>(sp.GetRequiredService<IDbContextFactory<SqliteLiveOpsDbContext>>()));
    }

    public override IChangeWatch CreateChangeWatch(string connectionString) => new SqliteChangeWatch(connectionString);

    public override async Task AfterMigrateAsync(LiveOpsDbContext db, CancellationToken ct) =>
        // WAL lets the dashboard read while an import writes; the mode is stored in the file.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);

    public override async Task<DbConnection> OpenWriterAsync(string connectionString, TimeSpan busyWait, CancellationToken ct)
    {
        // Its own unpooled connection: the pragmas below are for this writer only and must not stay on a
        // pooled connection that the dashboard's queries reuse. Its commands retry a busy database for busyWait.
        var seconds = Math.Max(1, (int)Math.Ceiling(busyWait.TotalSeconds));
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false, DefaultTimeout = seconds }.ToString());
        await connection.OpenAsync(ct);
        // WAL is on (AfterMigrateAsync); with NORMAL a crash never corrupts the file (at worst the last commit is
        // lost on power failure); the 128 MiB cache keeps the indexes of a million-row table in memory, and
        // in-memory temp storage lets index builds sort in memory.
        Execute(connection, null, "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -131072; PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = " + (seconds * 1000) + ";");
        return connection;
    }

    // A no-op inside a transaction, hence before it. The connection is unpooled and closed after the import.
    // Each inserted order otherwise looks its customer up once more: 1M orders 12.4 → 9.8 s CPU.
    // The commit does not copy the write-ahead log into the database file (a checkpoint, ~0.7 s after a million rows)
    // before the import can answer: AfterBulkCommit does, in the background.
    internal override void BeforeImport(DbConnection connection) => Execute(connection, null, "PRAGMA foreign_keys = OFF; PRAGMA wal_autocheckpoint = 0;");

    /// <summary>
    /// The checkpoint the commit left out, as SQLite's automatic one would have done it (PASSIVE: readers are not waited
    /// for, and what they still use is copied by a later checkpoint). Committed data is safe in the log either way: a
    /// crash before or during the copy loses nothing, the next connection finishes it.
    /// </summary>
    internal override Action<DbConnection>? AfterBulkCommit => connection => Execute(connection, null, "PRAGMA wal_checkpoint(PASSIVE);");

    public override async Task TuneForScanAsync(DbConnection connection, CancellationToken ct)
    {
        await using var pragma = connection.CreateCommand();
        // Memory-mapped reads skip a copy per page on a full scan of a large file.
        pragma.CommandText = "PRAGMA mmap_size = 4294967296; PRAGMA cache_size = -65536;";
        await pragma.ExecuteNonQueryAsync(ct);
    }

    public override async Task<DbConnection> OpenReaderAsync(string connectionString, CancellationToken ct)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    public override string KeyList(DbCommand command, string parameterName, IReadOnlyCollection<int> keys)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = parameterName;
        parameter.Value = "[" + string.Join(',', keys) + "]";
        command.Parameters.Add(parameter);
        return $"(SELECT value FROM json_each({parameterName}))";
    }

    public override bool DefersIndexesOnImport => true;

    public override List<(string Name, string Definition)> SecondaryIndexes(DbConnection connection, DbTransaction transaction, IReadOnlyList<string> tables, bool nonUniqueOnly) =>
        SchemaObjects(connection, transaction, "index", tables, "sql IS NOT NULL" + (nonUniqueOnly ? " AND sql NOT LIKE 'CREATE UNIQUE %'" : ""));

    /// <summary>Schema objects of one type on <paramref name="tables"/> (name, the SQL that creates them), by name.</summary>
    private static List<(string Name, string Definition)> SchemaObjects(DbConnection connection, DbTransaction transaction, string type, IReadOnlyList<string> tables, string condition)
    {
        var objects = new List<(string, string)>();
        using var list = (SqliteCommand)connection.CreateCommand();
        list.Transaction = (SqliteTransaction)transaction;
        var names = string.Join(", ", tables.Select((_, i) => "@t" + i));
        list.CommandText = $"SELECT name, sql FROM sqlite_master WHERE type = @type AND {condition} AND tbl_name IN ({names}) ORDER BY name";
        list.Parameters.AddWithValue("@type", type);
        for (var i = 0; i < tables.Count; i++)
        {
            list.Parameters.AddWithValue("@t" + i, tables[i]);
        }
        using var reader = list.ExecuteReader();
        while (reader.Read())
        {
            objects.Add((reader.GetString(0), reader.GetString(1)));
        }
        return objects;
    }

    public override IBulkRows BulkRows(DbConnection connection, DbTransaction transaction, string table, params string[] columns) =>
        new PreparedInserts(connection, transaction, table, columns);

    /// <summary>
    /// A write transaction holds SQLite's only write lock (<c>BEGIN IMMEDIATE</c>), so keys after the largest ever
    /// given (AUTOINCREMENT's <c>sqlite_sequence</c>, which never reuses one) are free; writing them moves the sequence on.
    /// </summary>
    internal override long? NextKey(DbConnection connection, DbTransaction transaction, string table, string keyColumn)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT max(coalesce((SELECT max({Quote(keyColumn)}) FROM {table}), 0), coalesce((SELECT seq FROM sqlite_sequence WHERE name = '{table}'), 0)) + 1";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public override void AfterExplicitKeys(DbConnection connection, DbTransaction transaction, string table, string keyColumn)
    {
        // INTEGER PRIMARY KEY continues after the largest key by itself.
    }

    public override void AfterBulkLoad(DbConnection connection, IReadOnlyList<string> tables)
    {
        // The queries are planned through their indexes without statistics; nothing to do.
    }

    /// <summary>The <c>data_changes</c> row of migration <c>ChangeCounter</c>.</summary>
    public override ChangeStamp? ReadChangeStamp(DbConnection connection, DbTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version, instance FROM data_changes WHERE id = 1";
        using var reader = command.ExecuteReader();
        return reader.Read() ? new ChangeStamp(reader.GetString(1), reader.GetInt64(0)) : null;
    }

    /// <summary>Next to the database file (<c>shop.db</c> → <c>shop.db.paid-orders.cache</c>); none for an in-memory database.</summary>
    public override string? DerivedDataFile(DbConnection connection, string name) =>
        FileOf(connection.ConnectionString) is { } file ? file + "." + name + ".cache" : null;

    /// <summary>The full path of the database file, or null for an in-memory database.</summary>
    internal static string? FileOf(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        return string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory
            ? null
            : Path.GetFullPath(builder.DataSource);
    }

    public override ChangeTriggers SuspendChangeTriggers(DbConnection connection, DbTransaction transaction, IReadOnlyList<string> tables)
    {
        var triggers = SchemaObjects(connection, transaction, "trigger", tables, "name LIKE 'liveops\\_changed\\_%' ESCAPE '\\'");
        foreach (var (name, _) in triggers)
        {
            Execute(connection, transaction, $"DROP TRIGGER {Quote(name)}");
        }
        return triggers.Count == 0 ? ChangeTriggers.None : new SuspendedTriggers(connection, transaction, [.. triggers.Select(t => t.Definition)]);
    }

    /// <summary>A bulk write's triggers, dropped inside its transaction: a per-row counter update would cost ~0.5 µs a row.</summary>
    private sealed class SuspendedTriggers(DbConnection connection, DbTransaction transaction, List<string> definitions) : ChangeTriggers
    {
        public override void Restore()
        {
            foreach (var definition in definitions)
            {
                Execute(connection, transaction, definition);
            }
            Execute(connection, transaction, "UPDATE data_changes SET version = version + 1 WHERE id = 1");
        }
    }

    /// <summary>One prepared INSERT whose parameters are rebound for every row.</summary>
    private sealed class PreparedInserts : IBulkRows
    {
        private readonly DbCommand _command;
        private readonly DbParameter[] _parameters;

        public PreparedInserts(DbConnection connection, DbTransaction transaction, string table, string[] columns)
        {
            _command = connection.CreateCommand();
            _command.Transaction = transaction;
            _command.CommandText =
                $"INSERT INTO {table} ({string.Join(", ", columns.Select(Quote))}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
            _parameters = columns.Select((_, i) =>
            {
                var p = _command.CreateParameter();
                p.ParameterName = "@p" + i;
                _command.Parameters.Add(p);
                return p;
            }).ToArray();
            _command.Prepare();
        }

        public void Add(params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                _parameters[i].Value = values[i] ?? DBNull.Value;
            }
            _command.ExecuteNonQuery();
        }

        public void Complete() { }

        public void Dispose() => _command.Dispose();
    }
}

/// <summary>
/// SQLite's <c>PRAGMA data_version</c> read on one dedicated connection: it changes whenever any other
/// connection (of this process or another) has committed to the file, and only looks at the WAL index
/// header, a few microseconds.
/// </summary>
internal sealed class SqliteChangeWatch : IChangeWatch
{
    private readonly string? _connectionString;
    private readonly string? _file;
    private SqliteConnection? _watch;
    private SqliteCommand? _read;

    public SqliteChangeWatch(string connectionString)
    {
        _file = SqliteProvider.FileOf(connectionString);
        if (_file is null)
        {
            return;
        }
        // Its own unpooled connection that never opens the file before it exists, so a mistyped --db is not created here.
        _connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = false, Mode = SqliteOpenMode.ReadWrite }.ToString();
    }

    public long? Read() => Open() ? (long)_read!.ExecuteScalar()! : null;

    public bool TryWriteUnobserved(Action<DbConnection> write)
    {
        if (!Open())
        {
            return false;
        }
        // Opened here, the first Read still counts as a change, as it would have anyway.
        write(_watch!);
        return true;
    }

    private bool Open()
    {
        if (_connectionString is null)
        {
            return false;
        }
        if (_read is null)
        {
            if (!File.Exists(_file))
            {
                return false;
            }
            _watch = new SqliteConnection(_connectionString);
            _watch.Open();
            // Its small writes (the audit log) never copy the write-ahead log into the file themselves: right after an
            // import that would be the import's whole checkpoint on the audit's path. Bulk writes checkpoint after them.
            using (var pragma = _watch.CreateCommand())
            {
                pragma.CommandText = "PRAGMA wal_autocheckpoint = 0";
                pragma.ExecuteNonQuery();
            }
            _read = _watch.CreateCommand();
            _read.CommandText = "PRAGMA data_version";
        }
        return true;
    }

    public void Reset()
    {
        _read?.Dispose();
        _watch?.Dispose();
        _read = null;
        _watch = null;
    }

    public void Dispose() => Reset();
}
