namespace LiveOps.Core.Store;

/// <summary>
/// The reports of this process, computed once and shared: the same report for the same query, on the same data
/// (<see cref="DataVersion"/>) and in the same minute of the clock, is computed by one caller while every other
/// caller — another circuit, a download, a command — awaits that same task (single flight). Sitting inside the Core
/// services, it serves pages, downloads and the command line alike.
/// </summary>
/// <remarks>
/// Bounded: entries of an older data version or an older minute are dropped as soon as a newer one is asked for
/// (they can never be asked for again), and at most <see cref="Capacity"/> entries are kept, the least recently used
/// finished one evicted first. The minute keeps reports that read "now" (the current week, incomplete cohorts) at most
/// a minute behind the clock. A computation that fails is not kept: the next caller computes afresh. A computation
/// whose callers have all given up (pages left) is cancelled. Reports are immutable records, so sharing one is safe.
/// </remarks>
public sealed class ReportCache(DataVersion version, TimeProvider time, int capacity = ReportCache.DefaultCapacity)
{
    public const int DefaultCapacity = 64;

    private readonly Lock _gate = new();
    private readonly Dictionary<Key, Entry> _entries = [];
    private readonly LinkedList<Key> _finished = [];
    private readonly Dictionary<string, long> _computed = new(StringComparer.Ordinal);
    private (long Version, long Minute) _latest = (long.MinValue, long.MinValue);

    public int Capacity { get; } = capacity;

    /// <summary>Entries held now (finished and in flight).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>How many times <paramref name="report"/> was computed (not served from the cache) in this process.</summary>
    public long Computed(string report)
    {
        lock (_gate)
        {
            return _computed.GetValueOrDefault(report);
        }
    }

    /// <summary>
    /// The report for <paramref name="query"/> (a record: equal queries are the same key), computed by
    /// <paramref name="compute"/> unless it is held or in flight. <paramref name="ct"/> stops this caller's wait; the
    /// computation stops only when no caller waits for it any more.
    /// </summary>
    public async Task<T> GetOrComputeAsync<T>(string report, object query, Func<CancellationToken, Task<T>> compute, CancellationToken ct)
        where T : class
    {
        ct.ThrowIfCancellationRequested();
        var key = new Key(report, query, version.Current, time.GetUtcNow().ToUnixTimeMilliseconds() / 60_000);
        Entry entry;
        bool start;
        lock (_gate)
        {
            DropStale(key);
            start = !_entries.TryGetValue(key, out entry!);
            if (start)
            {
                entry = new Entry(key);
                _entries[key] = entry;
                _computed[report] = _computed.GetValueOrDefault(report) + 1;
            }
            else if (entry.Node is { } node)
            {
                _finished.Remove(node);
                _finished.AddLast(node);
            }
            entry.Waiters++;
        }
        if (start)
        {
            _ = RunAsync(entry, compute);
        }
        try
        {
            return (T)await entry.Result.Task.WaitAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            Leave(entry);
        }
    }

    /// <summary>Drops the finished entry for <paramref name="query"/> on the current data and minute (one too large to keep).</summary>
    public void Forget(string report, object query)
    {
        var key = new Key(report, query, version.Current, time.GetUtcNow().ToUnixTimeMilliseconds() / 60_000);
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var entry) && entry.Result.Task.IsCompleted)
            {
                Remove(entry);
            }
        }
    }

    private async Task RunAsync<T>(Entry entry, Func<CancellationToken, Task<T>> compute) where T : class
    {
        try
        {
            var result = await compute(entry.Stop.Token).ConfigureAwait(false);
            lock (_gate)
            {
                if (_entries.TryGetValue(entry.Key, out var held) && held == entry)
                {
                    entry.Node = _finished.AddLast(entry.Key);
                    Evict();
                }
                // Completed under the gate, so a caller leaving at this moment sees a finished entry and does not
                // drop the report just computed (continuations run asynchronously, never inside the lock).
                entry.Result.TrySetResult(result);
            }
        }
        catch (Exception e)
        {
            lock (_gate)
            {
                Remove(entry);
            }
            if (e is OperationCanceledException)
            {
                entry.Result.TrySetCanceled();
            }
            else
            {
                entry.Result.TrySetException(e);
            }
        }
    }

    /// <summary>One caller stops waiting; the last one to leave an unfinished computation cancels it.</summary>
    private void Leave(Entry entry)
    {
        lock (_gate)
        {
            entry.Waiters--;
            if (entry.Waiters > 0 || entry.Result.Task.IsCompleted)
            {
                return;
            }
            Remove(entry);
        }
        entry.Stop.Cancel();
    }

    /// <summary>A newer data version or minute makes every older entry unreachable: drop them (in-flight ones finish for their callers).</summary>
    private void DropStale(Key key)
    {
        if ((key.Version, key.Minute) == _latest)
        {
            return;
        }
        if (key.Version < _latest.Version || (key.Version == _latest.Version && key.Minute < _latest.Minute))
        {
            return; // A caller that read the version just before another moved it: nothing newer to drop for.
        }
        _latest = (key.Version, key.Minute);
        foreach (var stale in _entries.Values.Where(e => (e.Key.Version, e.Key.Minute) != _latest).ToList())
        {
            Remove(stale);
        }
    }

    private void Evict()
    {
        while (_entries.Count > Capacity && _finished.First is { } oldest)
        {
            Remove(_entries[oldest.Value]);
        }
    }

    private void Remove(Entry entry)
    {
        if (_entries.TryGetValue(entry.Key, out var held) && held == entry)
        {
            _entries.Remove(entry.Key);
        }
        if (entry.Node is { } node && node.List is not null)
        {
            _finished.Remove(node);
        }
        entry.Node = null;
    }

    private readonly record struct Key(string Report, object Query, long Version, long Minute);

    private sealed class Entry(Key key)
    {
        public Key Key { get; } = key;

        public TaskCompletionSource<object> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenSource Stop { get; } = new();

        public int Waiters { get; set; }

        public LinkedListNode<Key>? Node { get; set; }
    }
}
