using Microsoft.Data.Sqlite;

namespace LiveOps.Core.Common;

/// <summary>
/// A counter that moves whenever the database has changed. Derived data (caches, column stores) remembers the
/// version it was built from and rebuilds when it differs, so it is never stale after an import — including an
/// import run by another process (the command line) into the database of a running dashboard.
/// </summary>
/// <remarks>
/// Two sources feed it: <see cref="Bump"/>, called by this process's writers after they commit, and SQLite's
/// <c>PRAGMA data_version</c> read on one dedicated connection, which changes whenever any other connection
/// (of this process or another) has committed to the file. That pragma only looks at the WAL index header, a
/// few microseconds, so it is read on every <see cref="Current"/>; no writer has to remember anything extra,
/// and a write through a tool outside the product is seen too. A change is only ever over-reported (any table
/// counts), never missed.
/// </remarks>
public sealed class DataVersion : IDisposable
{
    private readonly string? _connectionString;
    private readonly string? _file;
    private readonly Lock _gate = new();
    private SqliteConnection? _watch;
    private SqliteCommand? _read;
    private long _lastSeen = long.MinValue;
    private long _local;
    private long _observed;
    private bool _disposed;

    /// <summary>An in-process counter only (no database to watch).</summary>
    public DataVersion() { }

    /// <summary>Watches the SQLite database of <paramref name="connectionString"/> for commits by other connections.</summary>
    public DataVersion(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            return;
        }
        _file = Path.GetFullPath(builder.DataSource);
        // Its own unpooled connection that never opens the file before it exists, so a mistyped --db is not created here.
        _connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = false, Mode = SqliteOpenMode.ReadWrite }.ToString();
    }

    public long Current
    {
        get
        {
            var changed = Poll(count: true);
            if (changed)
            {
                Changed?.Invoke();
            }
            return Interlocked.Read(ref _local) + Interlocked.Read(ref _observed);
        }
    }

    public event Action? Changed;

    public void Bump()
    {
        // The writer's own commit has moved PRAGMA data_version too; take that in here so one write moves the
        // version once. Any other change seen now is covered by this same step.
        Poll(count: false);
        Interlocked.Increment(ref _local);
        Changed?.Invoke();
    }

    /// <summary>Reads <c>PRAGMA data_version</c>; true when it moved since the last read.</summary>
    private bool Poll(bool count)
    {
        if (_connectionString is null)
        {
            return false;
        }
        lock (_gate)
        {
            if (_disposed)
            {
                return false;
            }
            try
            {
                if (_read is null)
                {
                    if (!File.Exists(_file))
                    {
                        return false;
                    }
                    _watch = new SqliteConnection(_connectionString);
                    _watch.Open();
                    _read = _watch.CreateCommand();
                    _read.CommandText = "PRAGMA data_version";
                }
                var seen = (long)_read.ExecuteScalar()!;
                if (seen == _lastSeen)
                {
                    return false;
                }
                // The first read counts as a change too: whatever was built before the file could be watched is not trusted.
                _lastSeen = seen;
                if (count)
                {
                    Interlocked.Increment(ref _observed);
                }
                return count;
            }
            catch (SqliteException)
            {
                // The file is busy or not a database (yet): count it as a change, so no cache trusts old data, and
                // open afresh next time.
                Close();
                Interlocked.Increment(ref _observed);
                return true;
            }
        }
    }

    /// <summary>
    /// Runs a write that is no change of the shop's data (the audit log) through the watching connection: SQLite
    /// never moves a connection's own <c>PRAGMA data_version</c> for its own commits, so caches are not rebuilt
    /// for it, while commits by every other connection still count. False when there is no file to watch yet.
    /// </summary>
    public bool TryWriteUnobserved(Action<SqliteConnection> write)
    {
        if (_connectionString is null)
        {
            return false;
        }
        lock (_gate)
        {
            if (_disposed || !File.Exists(_file))
            {
                return false;
            }
            if (_read is null)
            {
                // Opened here, the first Poll still counts as a change, as it would have anyway.
                _watch = new SqliteConnection(_connectionString);
                _watch.Open();
                _read = _watch.CreateCommand();
                _read.CommandText = "PRAGMA data_version";
            }
            write(_watch!);
            return true;
        }
    }

    private void Close()
    {
        _read?.Dispose();
        _watch?.Dispose();
        _read = null;
        _watch = null;
        _lastSeen = long.MinValue;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            Close();
        }
    }
}
