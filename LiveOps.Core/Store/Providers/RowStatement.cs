using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using LiveOps.Core.Data;

namespace LiveOps.Core.Store;

/// <summary>
/// One prepared statement run once per imported row, its values bound by position (0-based) in the order the
/// statement names them. The provider chooses how: a plain <see cref="DbCommand"/>, or SQLite's own interface.
/// </summary>
internal interface IRowStatement : IDisposable
{
    /// <summary>Binds the storage form of a value: text, integers (instants, money units, enums, flags), reals, or NULL.</summary>
    void Bind(int index, object? value);

    /// <summary>Runs the statement once; returns the rows it changed.</summary>
    int Execute();

    /// <summary>Runs an <c>INSERT … RETURNING</c> of one key column once, at once; returns the key.</summary>
    long ExecuteForKey();

    /// <summary>Runs what <see cref="Execute"/> may have held back; returns the rows that changed.</summary>
    int Flush() => 0;
}

/// <summary>A prepared <see cref="DbCommand"/> with typed positional parameters (PostgreSQL prepares with the types).</summary>
internal sealed class CommandStatement : IRowStatement
{
    private readonly DbCommand _command;
    private readonly DbParameter[] _parameters;

    public CommandStatement(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<DbType> types)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = sql;
        _parameters = types.Select((type, i) =>
        {
            var parameter = _command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            parameter.DbType = type;
            _command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        _command.Prepare();
    }

    public void Bind(int index, object? value) => _parameters[index].Value = StorageValue(value);

    /// <summary>A value as a parameter stores it: NULL, integers widened to 64 bits, flags as 0/1.</summary>
    public static object StorageValue(object? value) => value switch
    {
        null => DBNull.Value,
        int small => (long)small,
        bool flag => flag ? 1L : 0L,
        _ => value,
    };

    public int Execute() => _command.ExecuteNonQuery();

    public long ExecuteForKey() => Convert.ToInt64(_command.ExecuteScalar(), CultureInfo.InvariantCulture);

    public void Dispose() => _command.Dispose();
}

/// <summary>
/// One prepared statement driven through SQLite's own interface on the connection's handle, inside whatever
/// transaction the connection has begun. A million-row import spends much of its managed time in
/// <see cref="SqliteCommand.ExecuteNonQuery"/>'s per-call work (a data reader per call, parameters bound by name);
/// here a row is bound by position, stepped and reset.
/// </summary>
internal sealed class RawStatement : IRowStatement
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _statement;

    public RawStatement(SqliteConnection connection, string sql)
    {
        _connection = connection;
        var rc = raw.sqlite3_prepare_v2(connection.Handle, sql, out _statement);
        SqliteException.ThrowExceptionForRC(rc, connection.Handle);
    }

    public void Bind(int index, object? value)
    {
        // SQLite numbers parameters from 1, in order of first appearance.
        var position = index + 1;
        var rc = value switch
        {
            null => raw.sqlite3_bind_null(_statement, position),
            string text => BindText(position, text),
            long number => raw.sqlite3_bind_int64(_statement, position, number),
            int number => raw.sqlite3_bind_int64(_statement, position, number),
            bool flag => raw.sqlite3_bind_int64(_statement, position, flag ? 1 : 0),
            double real => raw.sqlite3_bind_double(_statement, position, real),
            _ => throw new ArgumentException($"no storage form for {value.GetType().Name}", nameof(value)),
        };
        SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
    }

    // Ids and names are short: encoded into one reused buffer instead of a new array per value (SQLite copies it).
    private byte[] _utf8 = new byte[256];

    private int BindText(int position, string text)
    {
        if (text.Length == 0)
        {
            return raw.sqlite3_bind_text(_statement, position, text); // an empty span would bind NULL
        }
        var most = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (most > _utf8.Length)
        {
            _utf8 = new byte[Math.Max(most, _utf8.Length * 2)];
        }
        var length = Encoding.UTF8.GetBytes(text, _utf8);
        return raw.sqlite3_bind_text(_statement, position, _utf8.AsSpan(0, length));
    }

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

    public long ExecuteForKey()
    {
        var rc = raw.sqlite3_step(_statement);
        var key = rc == raw.SQLITE_ROW ? raw.sqlite3_column_int64(_statement, 0) : 0;
        var reset = raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_ROW)
        {
            SqliteException.ThrowExceptionForRC(rc == raw.SQLITE_DONE ? raw.SQLITE_MISUSE : reset, _connection.Handle);
        }
        return key;
    }

    public void Dispose() => _statement.Dispose();
}

/// <summary>
/// Rows inserted <see cref="RowsPerStatement"/> at a time by one multi-row <c>INSERT … VALUES (…), (…), …</c> through
/// SQLite's own interface: the per-statement work (running the program's set-up, the statement journal, reset) is paid
/// once per group instead of once per row. Rows are upserted one after the other within a statement, so a repeated id
/// still ends with its last row, and the changes add up as they would row by row. <see cref="Execute"/> holds rows back
/// and reports a group's changes when it runs one; <see cref="Flush"/> runs the rest one row at a time.
/// </summary>
internal sealed partial class RawRowsStatement : IRowStatement
{
    public const int RowsPerStatement = 32;

    private readonly RawStatement _single;
    private readonly RawStatement _many;
    private readonly object?[] _values;
    private readonly int _fields;
    private int _rows;

    private RawRowsStatement(SqliteConnection connection, string sql, string manySql, int fields)
    {
        _fields = fields;
        _values = new object?[fields * RowsPerStatement];
        _single = new RawStatement(connection, sql);
        _many = new RawStatement(connection, manySql);
    }

    /// <summary>The statement for whole groups, or null when <paramref name="sql"/> is not a plain one-row <c>VALUES</c> insert.</summary>
    public static RawRowsStatement? TryCreate(SqliteConnection connection, string sql, int fields)
    {
        var tuple = OneRow().Match(sql);
        if (!tuple.Success || sql.Contains(" RETURNING ", StringComparison.OrdinalIgnoreCase) || fields == 0)
        {
            return null;
        }
        // Numbered parameters ?1, ?2, …: row r's field i is ?(r × fields + i + 1).
        var rows = Enumerable.Range(0, RowsPerStatement)
            .Select(r => "(" + string.Join(", ", Enumerable.Range(0, fields).Select(i => "?" + (r * fields + i + 1).ToString(CultureInfo.InvariantCulture))) + ")");
        var manySql = string.Concat(sql.AsSpan(0, tuple.Index), "VALUES " + string.Join(", ", rows), sql.AsSpan(tuple.Index + tuple.Length));
        return new RawRowsStatement(connection, sql, manySql, fields);
    }

    public void Bind(int index, object? value) => _values[_rows * _fields + index] = value;

    public int Execute()
    {
        if (++_rows < RowsPerStatement)
        {
            return 0;
        }
        for (var i = 0; i < _values.Length; i++)
        {
            _many.Bind(i, _values[i]);
        }
        _rows = 0;
        Array.Clear(_values);
        return _many.Execute();
    }

    public long ExecuteForKey() => throw new NotSupportedException("a multi-row insert returns no key");

    public int Flush()
    {
        var changed = 0;
        for (var r = 0; r < _rows; r++)
        {
            for (var i = 0; i < _fields; i++)
            {
                _single.Bind(i, _values[r * _fields + i]);
            }
            changed += _single.Execute();
        }
        _rows = 0;
        Array.Clear(_values);
        return changed;
    }

    public void Dispose()
    {
        _single.Dispose();
        _many.Dispose();
    }

    [GeneratedRegex(@"VALUES \(@p\d+(, @p\d+)*\)")]
    private static partial Regex OneRow();
}

/// <summary>
/// Rows sent many at a time in one <see cref="DbBatch"/> (one round trip per <see cref="BatchSize"/> rows instead of
/// one per row), for a database server across a network. <see cref="Execute"/> holds rows back and reports a whole
/// batch's changes when it sends one; <see cref="Flush"/> sends the rest. The sum over all calls is the same.
/// </summary>
internal sealed partial class BatchedStatement : IRowStatement
{
    public const int BatchSize = 1000;

    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly string _positionalSql;
    private readonly IReadOnlyList<DbType> _types;
    private readonly object?[] _values;
    private readonly CommandStatement _single;
    private DbBatch _batch;

    public BatchedStatement(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<DbType> types)
    {
        _connection = connection;
        _transaction = transaction;
        _types = types;
        _values = new object?[types.Count];
        // Batched commands take positional parameters: @p0 → $1.
        _positionalSql = NamedParameter().Replace(sql, m => "$" + (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1));
        _single = new CommandStatement(connection, transaction, sql, types);
        _batch = NewBatch();
    }

    public void Bind(int index, object? value) => _values[index] = value;

    public int Execute()
    {
        var command = _batch.CreateBatchCommand();
        command.CommandText = _positionalSql;
        for (var i = 0; i < _values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.DbType = _types[i];
            parameter.Value = CommandStatement.StorageValue(_values[i]);
            command.Parameters.Add(parameter);
        }
        _batch.BatchCommands.Add(command);
        return _batch.BatchCommands.Count >= BatchSize ? Flush() : 0;
    }

    public long ExecuteForKey()
    {
        for (var i = 0; i < _values.Length; i++)
        {
            _single.Bind(i, _values[i]);
        }
        return _single.ExecuteForKey();
    }

    public int Flush()
    {
        if (_batch.BatchCommands.Count == 0)
        {
            return 0;
        }
        _batch.ExecuteNonQuery();
        var changed = _batch.BatchCommands.Sum(c => c.RecordsAffected);
        _batch.Dispose();
        _batch = NewBatch();
        return changed;
    }

    public void Dispose()
    {
        _batch.Dispose();
        _single.Dispose();
    }

    private DbBatch NewBatch()
    {
        var batch = _connection.CreateBatch();
        batch.Transaction = _transaction;
        return batch;
    }

    [GeneratedRegex(@"@p(\d+)\b")]
    private static partial Regex NamedParameter();
}
