using System.Data.Common;
using LiveOps.Core.Import;

namespace LiveOps.Core.Store;

/// <summary>
/// Customer ids resolved to surrogate keys, loaded once per import; a customer named by an order or an
/// event but not known yet is created (contract §2). Lives inside the import's transaction.
/// </summary>
internal sealed class CustomerKeys : IDisposable
{
    private readonly Dictionary<string, long> _keys = new(StringComparer.Ordinal);
    private readonly IRowStatement _create;

    public CustomerKeys(DbConnection connection, DbTransaction transaction)
    {
        using (var load = connection.CreateCommand())
        {
            load.Transaction = transaction;
            load.CommandText = "SELECT \"CustomerId\", \"Id\" FROM customers";
            using var reader = load.ExecuteReader();
            while (reader.Read())
            {
                _keys[reader.GetString(0)] = reader.GetInt64(1);
            }
        }
        _create = DatabaseProvider.Of(connection).PrepareRows(connection, transaction,
            "INSERT INTO customers (\"CustomerId\") VALUES (@p0) RETURNING \"Id\"", [System.Data.DbType.String]);
    }

    public long Created { get; private set; }

    public long Resolve(string customerId)
    {
        if (_keys.TryGetValue(customerId, out var key))
        {
            return key;
        }
        _create.Bind(0, customerId);
        key = _create.ExecuteForKey();
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
    private readonly IRowStatement _statement;
    private readonly CustomerKeys? _customers;

    public TableWriter(KindSpec spec, DbConnection connection, DbTransaction transaction, CustomerKeys? customers)
    {
        _spec = spec;
        _customers = customers;
        _statement = DatabaseProvider.Of(connection).PrepareRows(connection, transaction, UpsertSql(spec),
            [.. spec.Fields.Select(field => StorageType(field.Type))]);
    }

    public static string UpsertSql(KindSpec spec)
    {
        var columns = spec.Fields.Select(f => DatabaseProvider.Quote(f.SqlColumn)).ToList();
        var insert = $"INSERT INTO {spec.Table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        if (spec.KeyColumn is null)
        {
            return insert + " ON CONFLICT DO NOTHING";
        }
        var key = DatabaseProvider.Quote(spec.KeyColumn);
        var others = columns.Where(c => c != key).ToList();
        return insert
            + $" ON CONFLICT({key}) DO UPDATE SET {string.Join(", ", others.Select(c => $"{c} = excluded.{c}"))}"
            + $" WHERE {string.Join(" OR ", others.Select(c => $"{spec.Table}.{c} IS DISTINCT FROM excluded.{c}"))}";
    }

    private static System.Data.DbType StorageType(FieldType type) => type switch
    {
        FieldType.Id or FieldType.Text => System.Data.DbType.String,
        FieldType.Number => System.Data.DbType.Double,
        FieldType.Decimal => System.Data.DbType.Decimal,
        _ => System.Data.DbType.Int64, // surrogate keys, instants, money units, counts, enums, flags
    };

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
            _statement.Bind(i, value);
        }
        return _statement.Execute();
    }

    /// <summary>Sends rows the statement held back; returns those that were added or changed.</summary>
    public int Flush() => _statement.Flush();

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

    public static DeferredIndexes Drop(DbConnection connection, DbTransaction transaction, string table)
    {
        var deferred = new DeferredIndexes();
        var indexes = DatabaseProvider.Of(connection).SecondaryIndexes(connection, transaction, [table], nonUniqueOnly: true);
        foreach (var (name, definition) in indexes)
        {
            deferred._definitions.Add(definition);
            Execute(connection, transaction, $"DROP INDEX {DatabaseProvider.Quote(name)}");
        }
        return deferred;
    }

    public void Rebuild(DbConnection connection, DbTransaction transaction)
    {
        foreach (var definition in _definitions)
        {
            Execute(connection, transaction, definition);
        }
    }

    private static void Execute(DbConnection connection, DbTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
