using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using LiveOps.Core.Data;

namespace LiveOps.Core.Store;

/// <summary>A PostgreSQL server: for many shops or several dashboard instances behind a load balancer.</summary>
internal sealed class PostgresProvider : DatabaseProvider
{
    public override string Name => PostgresName;

    public override void CheckConnectionString(string connectionString)
    {
        const string Expected = "LiveOps:Database:Provider is postgres: set ConnectionStrings:LiveOps to a PostgreSQL connection string, "
            + "e.g. Host=localhost;Database=liveops;Username=liveops;Password=…";
        try
        {
            if (string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(connectionString).Host))
            {
                throw new DatabaseConfigurationException(Expected + " (no Host)");
            }
        }
        catch (ArgumentException e)
        {
            throw new DatabaseConfigurationException($"{Expected} ({e.Message})");
        }
    }

    /// <summary>Rows go to the server a thousand at a time: one round trip per row made a million-row import take 15 minutes.</summary>
    internal override IRowStatement PrepareRows(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<System.Data.DbType> types) =>
        new BatchedStatement(connection, transaction, sql, types);

    internal override void AddContextFactory(IServiceCollection services, string connectionString)
    {
        services.AddDbContextFactory<PostgresLiveOpsDbContext>(o => o.UseNpgsql(connectionString).UseModel(Data.CompiledModels.Postgres.PostgresLiveOpsDbContextModel.Instance));
        services.AddSingleton<IDbContextFactory<LiveOpsDbContext>>(sp =>
            new ContextFactory<PostgresLiveOpsDbContext>(sp.GetRequiredService<IDbContextFactory<PostgresLiveOpsDbContext>>()));
    }

    public override IChangeWatch CreateChangeWatch(string connectionString) => new PostgresChangeWatch(connectionString);

    public override Task AfterMigrateAsync(LiveOpsDbContext db, CancellationToken ct) => Task.CompletedTask;

    // Writers take row locks only: two imports never wait on each other for the whole database.
    public override async Task<DbConnection> OpenWriterAsync(string connectionString, TimeSpan busyWait, CancellationToken ct)
    {
        // Batched upserts repeat one statement thousands of times: prepared once on the server, not parsed per row
        // (100,000 orders: 30 s → 15 s). A connection string that sets its own value keeps it.
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (settings.MaxAutoPrepare == 0)
        {
            settings.MaxAutoPrepare = 20;
        }
        var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    public override Task TuneForScanAsync(DbConnection connection, CancellationToken ct) => Task.CompletedTask;

    public override async Task<DbConnection> OpenReaderAsync(string connectionString, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    public override string KeyList(DbCommand command, string parameterName, IReadOnlyCollection<int> keys)
    {
        ((NpgsqlCommand)command).Parameters.AddWithValue(parameterName, NpgsqlDbType.Array | NpgsqlDbType.Integer, keys.ToArray());
        return $"(SELECT unnest({parameterName}))";
    }

    // DROP INDEX inside the import's transaction would hold an exclusive lock on the table until the commit,
    // and every other dashboard instance's reads of it would wait for the whole import.
    public override bool DefersIndexesOnImport => false;

    public override List<(string Name, string Definition)> SecondaryIndexes(DbConnection connection, DbTransaction transaction, IReadOnlyList<string> tables, bool nonUniqueOnly)
    {
        var indexes = new List<(string, string)>();
        using var list = new NpgsqlCommand(
            """
            SELECT i.indexname, i.indexdef FROM pg_indexes i
            WHERE i.schemaname = current_schema() AND i.tablename = ANY(@tables)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.connamespace = current_schema()::regnamespace)
            """ + (nonUniqueOnly ? " AND i.indexdef NOT LIKE 'CREATE UNIQUE %'" : "") + " ORDER BY i.indexname",
            (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        list.Parameters.AddWithValue("tables", tables.ToArray());
        using var reader = list.ExecuteReader();
        while (reader.Read())
        {
            indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        return indexes;
    }

    public override IBulkRows BulkRows(DbConnection connection, DbTransaction transaction, string table, params string[] columns) =>
        new BinaryCopy((NpgsqlConnection)connection, table, columns);

    public override void AfterExplicitKeys(DbConnection connection, DbTransaction transaction, string table, string keyColumn) =>
        // An identity column does not see keys written explicitly: move its sequence past them.
        Execute(connection, transaction,
            $"SELECT setval(pg_get_serial_sequence('{table}', '{keyColumn}'), coalesce((SELECT max({Quote(keyColumn)}) FROM {table}), 0) + 1, false)");

    public override void AfterBulkLoad(DbConnection connection, IReadOnlyList<string> tables) =>
        // Without statistics the first reports after a million-row load are planned blind until autovacuum's
        // analyze comes round (a minute later).
        Execute(connection, null, $"ANALYZE {string.Join(", ", tables)}");

    /// <summary>
    /// <c>COPY … FROM STDIN (FORMAT BINARY)</c>: the fastest way into PostgreSQL. Binary COPY needs each value in
    /// exactly the column's type, so the column types are read first and values converted to them.
    /// </summary>
    private sealed class BinaryCopy : IBulkRows
    {
        private readonly NpgsqlBinaryImporter _importer;
        private readonly NpgsqlDbType[] _types;

        public BinaryCopy(NpgsqlConnection connection, string table, string[] columns)
        {
            var types = new Dictionary<string, string>(StringComparer.Ordinal);
            using (var query = new NpgsqlCommand(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table", connection))
            {
                query.Parameters.AddWithValue("table", table);
                using var reader = query.ExecuteReader();
                while (reader.Read())
                {
                    types[reader.GetString(0)] = reader.GetString(1);
                }
            }
            _types = columns.Select(c => types[c] switch
            {
                "bigint" => NpgsqlDbType.Bigint,
                "integer" => NpgsqlDbType.Integer,
                "smallint" => NpgsqlDbType.Smallint,
                "boolean" => NpgsqlDbType.Boolean,
                "double precision" => NpgsqlDbType.Double,
                "text" or "character varying" => NpgsqlDbType.Text,
                var other => throw new NotSupportedException($"{table}.{c}: no bulk conversion for {other}"),
            }).ToArray();
            _importer = connection.BeginBinaryImport(
                $"COPY {table} ({string.Join(", ", columns.Select(Quote))}) FROM STDIN (FORMAT BINARY)");
        }

        public void Add(params object?[] values)
        {
            _importer.StartRow();
            for (var i = 0; i < values.Length; i++)
            {
                var value = values[i];
                if (value is null or DBNull)
                {
                    _importer.WriteNull();
                    continue;
                }
                switch (_types[i])
                {
                    case NpgsqlDbType.Bigint: _importer.Write(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Bigint); break;
                    case NpgsqlDbType.Integer: _importer.Write(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Integer); break;
                    case NpgsqlDbType.Smallint: _importer.Write(Convert.ToInt16(value, System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Smallint); break;
                    case NpgsqlDbType.Boolean: _importer.Write(Convert.ToBoolean(value, System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Boolean); break;
                    case NpgsqlDbType.Double: _importer.Write(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Double); break;
                    default: _importer.Write((string)value, NpgsqlDbType.Text); break;
                }
            }
        }

        public void Complete() => _importer.Complete();

        public void Dispose() => _importer.Dispose();
    }
}

/// <summary>
/// The <c>data_changes</c> counter (migration <c>ChangeCounter</c>): bumped once by every transaction that writes
/// any table, by triggers, so every dashboard instance and command sees every commit, whoever made it.
/// </summary>
internal sealed class PostgresChangeWatch(string connectionString) : IChangeWatch
{
    // Its own connection outside the pool: one per process, held open, a primary-key read per poll.
    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString();
    private NpgsqlConnection? _watch;
    private NpgsqlCommand? _read;

    public long? Read()
    {
        if (_read is null)
        {
            _watch = new NpgsqlConnection(_connectionString);
            _watch.Open();
            _read = new NpgsqlCommand("SELECT version FROM data_changes WHERE id = 1", _watch);
        }
        return (long)_read.ExecuteScalar()!;
    }

    // Tables outside the shop's data (the audit log) carry no trigger: an ordinary write leaves the counter alone.
    public bool TryWriteUnobserved(Action<DbConnection> write) => false;

    public void Reset()
    {
        _read?.Dispose();
        _watch?.Dispose();
        _read = null;
        _watch = null;
    }

    public void Dispose() => Reset();
}
