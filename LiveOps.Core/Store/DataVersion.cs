using System.Data.Common;

namespace LiveOps.Core.Store;

/// <summary>
/// A counter that moves whenever the database has changed. Derived data (caches, column stores) remembers the
/// version it was built from and rebuilds when it differs, so it is never stale after an import — including an
/// import run by another process (the command line) or another dashboard instance.
/// </summary>
/// <remarks>
/// Two sources feed it: <see cref="Bump"/>, called by this process's writers after they commit, and the
/// provider's change counter (<see cref="IChangeWatch"/>: SQLite's <c>PRAGMA data_version</c>, PostgreSQL's
/// trigger-maintained <c>data_changes</c> row) read on one dedicated connection on every <see cref="Current"/>;
/// no writer has to remember anything extra, and a write through a tool outside the product is seen too.
/// A change is only ever over-reported (any table counts), never missed.
/// </remarks>
public sealed class DataVersion : IDisposable
{
    private readonly IChangeWatch? _watch;
    private readonly Lock _gate = new();
    private long _lastSeen = long.MinValue;
    private long _local;
    private long _observed;
    private bool _disposed;

    /// <summary>An in-process counter only (no database to watch).</summary>
    public DataVersion() { }

    /// <summary>Watches the SQLite database of <paramref name="connectionString"/> for commits by other connections.</summary>
    public DataVersion(string connectionString) : this(DatabaseProvider.Sqlite.CreateChangeWatch(connectionString)) { }

    /// <summary>Watches a database through its provider's change counter.</summary>
    public DataVersion(IChangeWatch watch) => _watch = watch;

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

    /// <summary>Reads the change counter; true when it moved since the last read.</summary>
    private bool Poll(bool count)
    {
        if (_watch is null)
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
                if (_watch.Read() is not { } seen || seen == _lastSeen)
                {
                    return false;
                }
                // The first read counts as a change too: whatever was built before the database could be watched is not trusted.
                _lastSeen = seen;
                if (count)
                {
                    Interlocked.Increment(ref _observed);
                }
                return count;
            }
            catch (DbException)
            {
                // The database is busy or not set up (yet): count it as a change, so no cache trusts old data, and
                // open afresh next time.
                Close();
                Interlocked.Increment(ref _observed);
                return true;
            }
        }
    }

    /// <summary>
    /// Runs a write that is no change of the shop's data (the audit log) so that it does not move the change counter:
    /// on SQLite through the watching connection (a connection's own commits never move its <c>PRAGMA data_version</c>);
    /// on PostgreSQL no trigger watches such tables, so the caller writes as usual. False: write as usual.
    /// </summary>
    public bool TryWriteUnobserved(Action<DbConnection> write)
    {
        if (_watch is null)
        {
            return false;
        }
        lock (_gate)
        {
            return !_disposed && _watch.TryWriteUnobserved(write);
        }
    }

    private void Close()
    {
        _watch?.Reset();
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
