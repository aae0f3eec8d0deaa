using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace LiveOps.Core.Import;

/// <summary>
/// Customer ids resolved to surrogate keys, loaded once per import; a customer named by an order or an
/// event but not known yet is created (contract §2). Lives inside the import's transaction.
/// </summary>
internal sealed class CustomerKeys : IDisposable
{
    private readonly Dictionary<string, long> _keys = new(StringComparer.Ordinal);
    private readonly SqliteConnection _connection;
    private readonly RawStatement _create;

    public CustomerKeys(SqliteConnection connection, SqliteTransaction transaction)
    {
        using (var load = connection.CreateCommand())
        {
            load.Transaction = transaction;
            load.CommandText = "SELECT CustomerId, Id FROM customers";
            using var reader = load.ExecuteReader();
            while (reader.Read())
            {
                _keys[reader.GetString(0)] = reader.GetInt64(1);
            }
        }
        _connection = connection;
        _create = new RawStatement(connection, "INSERT INTO customers (CustomerId) VALUES ($id)");
    }

    public long Created { get; private set; }

    public long Resolve(string customerId)
    {
        if (_keys.TryGetValue(customerId, out var key))
        {
            return key;
        }
        _create.Bind(1, customerId);
        _create.Execute();
        key = raw.sqlite3_last_insert_rowid(_connection.Handle);
        _keys.Add(customerId, key);
        Created++;
        return key;
    }

    public void Dispose() => _create.Dispose();
}

/// <summary>
/// Writes parsed rows of one kind with one prepared statement. Rows with an id are upserted by it, and
/// an update that would change nothing is skipped, so the statement's change count tells
/// "added or changed" from "already there". Events have no id: a row equal in every field is already there.
/// </summary>
internal sealed class TableWriter : IDisposable
{
    private readonly KindSpec _spec;
    private readonly RawStatement _statement;
    private readonly CustomerKeys? _customers;

    public TableWriter(KindSpec spec, SqliteConnection connection, SqliteTransaction transaction, CustomerKeys? customers)
    {
        _ = transaction; // The statement runs on the connection, inside the transaction the import has begun on it.
        _spec = spec;
        _customers = customers;
        _statement = new RawStatement(connection, UpsertSql(spec));
    }

    public static string UpsertSql(KindSpec spec)
    {
        var columns = spec.Fields.Select(f => f.SqlColumn).ToList();
        var insert = $"INSERT INTO {spec.Table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        if (spec.KeyColumn is null)
        {
            return insert + " ON CONFLICT DO NOTHING";
        }
        var others = columns.Where(c => c != spec.KeyColumn).ToList();
        return insert
            + $" ON CONFLICT({spec.KeyColumn}) DO UPDATE SET {string.Join(", ", others.Select(c => $"{c} = excluded.{c}"))}"
            + $" WHERE {string.Join(" OR ", others.Select(c => $"{c} IS NOT excluded.{c}"))}";
    }

    /// <summary>Writes the parsed row; returns 1 when a row was added or changed, 0 when it was already there.</summary>
    public int Write(ReadOnlyMemory<object?> row)
    {
        var values = row.Span;
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            if (_spec.Fields[i].Type == FieldType.CustomerRef && value is string customerId)
            {
                value = _customers!.Resolve(customerId);
            }
            // $p{i} is the (i+1)-th parameter of the statement (UpsertSql numbers them in order).
            _statement.Bind(i + 1, value);
        }
        return _statement.Execute();
    }

    public void Dispose() => _statement.Dispose();
}

/// <summary>
/// One prepared statement driven through SQLite's own interface on the connection's handle, inside whatever
/// transaction the connection has begun. A million-row import spends much of its managed time in
/// <see cref="SqliteCommand.ExecuteNonQuery"/>'s per-call work (a data reader per call, parameters bound by name);
/// here a row is bound by position, stepped and reset.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _statement;

    public RawStatement(SqliteConnection connection, string sql)
    {
        _connection = connection;
        var rc = raw.sqlite3_prepare_v2(connection.Handle, sql, out _statement);
        SqliteException.ThrowExceptionForRC(rc, connection.Handle);
    }

    /// <summary>Binds the storage form of a value: text, integers (enums, booleans), reals, or NULL.</summary>
    public void Bind(int index, object? value)
    {
        var rc = value switch
        {
            null => raw.sqlite3_bind_null(_statement, index),
            string text => raw.sqlite3_bind_text(_statement, index, text),
            long number => raw.sqlite3_bind_int64(_statement, index, number),
            int number => raw.sqlite3_bind_int64(_statement, index, number),
            bool flag => raw.sqlite3_bind_int64(_statement, index, flag ? 1 : 0),
            double real => raw.sqlite3_bind_double(_statement, index, real),
            _ => throw new ArgumentException($"no storage form for {value.GetType().Name}", nameof(value)),
        };
        SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
    }

    /// <summary>Runs the statement once and makes it ready for the next values; returns the rows it changed.</summary>
    public int Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        var changes = raw.sqlite3_changes(_connection.Handle);
        var reset = raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc == raw.SQLITE_ROW ? raw.SQLITE_MISUSE : reset, _connection.Handle);
        }
        return changes;
    }

    public void Dispose() => _statement.Dispose();
}

/// <summary>
/// For a file that is large next to its table, the table's non-unique indexes are dropped inside the import's
/// transaction and built again before the commit: one sort per index costs far less than a million random
/// index inserts. Unique indexes stay, since the upsert finds conflicts through them. A rollback restores
/// the indexes with everything else.
/// </summary>
internal sealed class DeferredIndexes
{
    private readonly List<string> _definitions = [];

    private DeferredIndexes() { }

    /// <summary>Whether M new rows into a table of N are cheaper with indexes built afterwards (M above N/2).</summary>
    public static bool Worthwhile(long estimatedRows, long tableRows, long minimumRows) =>
        estimatedRows >= minimumRows && estimatedRows * 2 > tableRows;

    public static DeferredIndexes Drop(SqliteConnection connection, SqliteTransaction transaction, string table)
    {
        var deferred = new DeferredIndexes();
        var names = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.Transaction = transaction;
            list.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = $table AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE %'";
            list.Parameters.AddWithValue("$table", table);
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
                deferred._definitions.Add(reader.GetString(1));
            }
        }
        foreach (var name in names)
        {
            Execute(connection, transaction, $"DROP INDEX \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
        }
        return deferred;
    }

    public void Rebuild(SqliteConnection connection, SqliteTransaction transaction)
    {
        foreach (var definition in _definitions)
        {
            Execute(connection, transaction, definition);
        }
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
