using Microsoft.Data.Sqlite;

namespace LiveOps.Core.Import;

/// <summary>
/// Customer ids resolved to surrogate keys, loaded once per import; a customer named by an order or an
/// event but not known yet is created (contract §2). Lives inside the import's transaction.
/// </summary>
internal sealed class CustomerKeys : IDisposable
{
    private readonly Dictionary<string, long> _keys = new(StringComparer.Ordinal);
    private readonly SqliteCommand _create;
    private readonly SqliteParameter _id;

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
        _create = connection.CreateCommand();
        _create.Transaction = transaction;
        _create.CommandText = "INSERT INTO customers (CustomerId) VALUES ($id) RETURNING Id";
        _id = _create.Parameters.Add("$id", SqliteType.Text);
        _create.Prepare();
    }

    public long Created { get; private set; }

    public long Resolve(string customerId)
    {
        if (_keys.TryGetValue(customerId, out var key))
        {
            return key;
        }
        _id.Value = customerId;
        key = (long)_create.ExecuteScalar()!;
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
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;
    private readonly CustomerKeys? _customers;

    public TableWriter(KindSpec spec, SqliteConnection connection, SqliteTransaction transaction, CustomerKeys? customers)
    {
        _spec = spec;
        _customers = customers;
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = UpsertSql(spec);
        _parameters = spec.Fields.Select((_, i) => _command.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
        _command.Prepare();
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
    public int Write(object?[] values)
    {
        for (var i = 0; i < _parameters.Length; i++)
        {
            var value = values[i];
            if (_spec.Fields[i].Type == FieldType.CustomerRef && value is string customerId)
            {
                value = _customers!.Resolve(customerId);
            }
            _parameters[i].Value = value ?? DBNull.Value;
        }
        return _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();
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
