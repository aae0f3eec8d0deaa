using System.Data.Common;
using LiveOps.Core.Import;

namespace LiveOps.Core.Store;

/// <summary>
/// Customer ids resolved to surrogate keys, loaded once per import; a customer named by an order or an
/// event but not known yet is created (contract §2). Lives inside the import's transaction.
/// </summary>
/// <remarks>
/// Where the writer's transaction excludes every other writer (SQLite), new customers are numbered here and
/// inserted many to a statement; elsewhere each is inserted at once and its generated key read back.
/// <see cref="Flush"/> sends what is held back, before anything reads the customers table.
/// </remarks>
internal sealed class CustomerKeys : IDisposable
{
    // Each key boxed once: the rows of a million-order file refer to 200,000 customers, not to a million boxes.
    private readonly Dictionary<string, object> _keys = new(StringComparer.Ordinal);
    private readonly IRowStatement _create;
    private readonly bool _numbered;
    private long _next;

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
        var provider = DatabaseProvider.Of(connection);
        if (provider.NextKey(connection, transaction, "customers", "Id") is { } next)
        {
            _numbered = true;
            _next = next;
            _create = provider.PrepareRows(connection, transaction,
                "INSERT INTO customers (\"Id\", \"CustomerId\") VALUES (@p0, @p1)", [System.Data.DbType.Int64, System.Data.DbType.String]);
        }
        else
        {
            _create = provider.PrepareRows(connection, transaction,
                "INSERT INTO customers (\"CustomerId\") VALUES (@p0) RETURNING \"Id\"", [System.Data.DbType.String]);
        }
    }

    public long Created { get; private set; }

    public long Resolve(string customerId) => (long)ResolveBoxed(customerId);

    /// <summary>The customer's key, boxed once per customer.</summary>
    public object ResolveBoxed(string customerId)
    {
        if (_keys.TryGetValue(customerId, out var known))
        {
            return known;
        }
        object boxed;
        if (_numbered)
        {
            boxed = _next++;
            _create.Bind(0, boxed);
            _create.Bind(1, customerId);
            _create.Execute();
        }
        else
        {
            _create.Bind(0, customerId);
            boxed = _create.ExecuteForKey();
        }
        _keys.Add(customerId, boxed);
        Created++;
        return boxed;
    }

    /// <summary>Inserts the customers still held back.</summary>
    public void Flush() => _create.Flush();

    public void Dispose() => _create.Dispose();
}

/// <summary>
/// Writes parsed rows of one kind with one prepared statement. Rows with an id are upserted by it, and
/// an update that would change nothing is skipped, so the statement's change count tells
/// "added or changed" from "already there". Events have no id: a row equal in every field is already there.
/// </summary>
/// <remarks>
/// A large file (<c>sortByKey</c>) is staged <see cref="StageRows"/> rows at a time and each stage is written in key
/// order: a file sorted by another column (time, customer) would otherwise insert its ids into the unique index at
/// random places, page after page. Rows of one id keep their file order, so a later row of the same id still wins,
/// and customers are resolved (and created) in file order before staging. The stage is one array of values allocated
/// once; its order comes from <see cref="KeyOrder"/>, which the reading thread fills. Orders of one customer at the
/// same instant then keep the order of their ids rather than of the file.
/// </remarks>
internal sealed class TableWriter : IDisposable
{
    internal const int StageRows = 1 << 18;

    private readonly KindSpec _spec;
    private readonly IRowStatement _statement;
    private readonly CustomerKeys? _customers;
    private readonly int _key = -1;
    private readonly int _fields;
    // The staged rows' values, row after row in one array allocated once.
    private readonly object?[]? _stage;
    private int _staged;

    public TableWriter(KindSpec spec, DbConnection connection, DbTransaction transaction, CustomerKeys? customers, bool sortByKey = false)
    {
        _spec = spec;
        _customers = customers;
        _fields = spec.Fields.Count;
        if (sortByKey && spec.KeyColumn is { } keyColumn)
        {
            _key = spec.Fields.Select(f => f.SqlColumn).ToList().IndexOf(keyColumn);
            if (_key >= 0)
            {
                _stage = new object?[StageRows * _fields];
                KeyOrder = new StageOrder(_key);
            }
        }
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

    /// <summary>The stages' key order, for the reading thread to fill (see <see cref="StageOrder"/>); null when rows are not staged.</summary>
    public StageOrder? KeyOrder { get; }

    /// <summary>How many rows <see cref="Write"/> may hold back before it writes them all at once (a stage), 0 when none.</summary>
    public int RowsHeldBack => _stage is null ? 0 : StageRows;

    /// <summary>Writes (or stages) the parsed row; returns the rows added or changed by what this call sent.</summary>
    public int Write(ReadOnlyMemory<object?> row)
    {
        var values = row.Span;
        if (_stage is null)
        {
            for (var i = 0; i < values.Length; i++)
            {
                _statement.Bind(i, Resolved(i, values[i]));
            }
            return _statement.Execute();
        }
        var staged = _stage.AsSpan(_staged * _fields, _fields);
        for (var i = 0; i < values.Length; i++)
        {
            staged[i] = Resolved(i, values[i]);
        }
        return ++_staged == StageRows ? WriteStage() : 0;
    }

    private object? Resolved(int field, object? value) =>
        _spec.Fields[field].Type == FieldType.CustomerRef && value is string customerId ? _customers!.ResolveBoxed(customerId) : value;

    private int WriteStage()
    {
        var count = _staged;
        var order = KeyOrder!.Take(count);
        var changed = 0;
        for (var r = 0; r < count; r++)
        {
            var index = order is null ? r : order[r];
            var values = _stage.AsSpan(index * _fields, _fields);
            for (var i = 0; i < values.Length; i++)
            {
                _statement.Bind(i, values[i]);
            }
            changed += _statement.Execute();
        }
        _stage.AsSpan(0, count * _fields).Clear();
        _staged = 0;
        return changed;
    }

    /// <summary>Sends the staged rows and the rows the statement held back; returns those that were added or changed.</summary>
    public int Flush()
    {
        var changed = (_staged > 0 ? WriteStage() : 0) + _statement.Flush();
        _customers?.Flush();
        return changed;
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

    /// <summary>
    /// Drops <paramref name="table"/>'s non-unique indexes, and with <paramref name="uniqueToo"/> its unique ones as well:
    /// only for a table that the import does not upsert into and whose keys it checks itself (the customers an orders
    /// file creates: <see cref="CustomerKeys"/> holds every id and inserts only new ones).
    /// </summary>
    public static DeferredIndexes Drop(DbConnection connection, DbTransaction transaction, string table, bool uniqueToo = false)
    {
        var deferred = new DeferredIndexes();
        var indexes = DatabaseProvider.Of(connection).SecondaryIndexes(connection, transaction, [table], nonUniqueOnly: !uniqueToo);
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
