namespace LiveOps.Core.Store;

/// <summary>
/// The reports of this process, computed once and shared: the same report for the same query, on the same data
/// (<see cref="DataVersion"/>) and less than a minute after it was computed, is served from here, and while it is being
/// computed every other caller — another circuit, a download, a command — awaits that same task (single flight).
/// Sitting inside the Core services, it serves pages, downloads and the command line alike.
/// </summary>
/// <remarks>
/// Bounded: entries of an older data version are dropped as soon as a newer one is asked for (they can never be asked
/// for again), entries a minute old are computed afresh when next asked for and swept, and at most
/// <see cref="Capacity"/> entries are kept, the least recently used finished one evicted first. The minute keeps
/// reports that read "now" (the current week, incomplete cohorts) at most a minute behind the clock; it runs from each
/// report's own start, so reports computed at different moments age at different moments and never all fall due at
/// once. A computation that fails is not kept: the next caller computes afresh. A computation whose callers have all
/// given up (pages left) is cancelled. Reports are immutable records, so sharing one is safe.
/// <para>
/// With <paramref name="refreshInBackground"/> (the services' cache), a report in its second minute is still served at
/// once while one background computation replaces it, so a page never waits for a report only because the clock moved
/// on (it waits after a write, when the data changed). Reports then read "now" at most two minutes late; one older
/// than that, not asked for in the meantime, is computed afresh while the caller waits.
/// </para>
/// </remarks>
public sealed class ReportCache(DataVersion version, TimeProvider time, int capacity = ReportCache.DefaultCapacity, bool refreshInBackground = false)
{
    public const int DefaultCapacity = 64;

    /// <summary>How long a finished report is served after its computation started.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<Key, Entry> _entries = [];
    private readonly LinkedList<Key> _finished = [];
    private readonly Dictionary<string, long> _computed = new(StringComparer.Ordinal);
    private long _latestVersion = long.MinValue;
    private DateTimeOffset _lastSweep = DateTimeOffset.MinValue;
    private readonly TimeSpan _servedFor = refreshInBackground ? 2 * Freshness : Freshness;
    private readonly HashSet<Task> _refreshes = [];

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
        var key = new Key(report, query, version.Current);
        var now = time.GetUtcNow();
        Entry entry;
        bool start;
        var refresh = false;
        lock (_gate)
        {
            DropStale(key, now);
            start = !_entries.TryGetValue(key, out entry!);
            if (!start && entry.Age(now) >= _servedFor)
            {
                Remove(entry);
                start = true;
            }
            else if (!start && entry.Age(now) >= Freshness && !entry.Refreshing)
            {
                entry.Refreshing = refresh = true;
                _computed[report] = _computed.GetValueOrDefault(report) + 1;
            }
            if (start)
            {
                entry = new Entry(key, now);
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
        else if (refresh)
        {
            var stale = entry;
            var running = Task.Run(() => RefreshAsync(stale, compute, now), CancellationToken.None);
            lock (_gate)
            {
                _refreshes.Add(running);
            }
            _ = running.ContinueWith(done =>
            {
                lock (_gate)
                {
                    _refreshes.Remove(done);
                }
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
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

    /// <summary>Drops the finished entry for <paramref name="query"/> on the current data (one too large to keep).</summary>
    public void Forget(string report, object query)
    {
        var key = new Key(report, query, version.Current);
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

    /// <summary>Completes when every background computation started so far has finished (and replaced its report).</summary>
    internal Task RefreshedAsync()
    {
        lock (_gate)
        {
            return Task.WhenAll(_refreshes.ToList());
        }
    }

    /// <summary>
    /// Computes the report again for a finished entry past its minute, which callers are served meanwhile; the new
    /// report replaces it when done (unless the data changed or it was dropped). No caller waits, so none cancels it;
    /// a failure leaves the old report to the next caller, who tries again.
    /// </summary>
    private async Task RefreshAsync<T>(Entry stale, Func<CancellationToken, Task<T>> compute, DateTimeOffset started) where T : class
    {
        var fresh = new Entry(stale.Key, started);
        try
        {
            var result = await compute(fresh.Stop.Token).ConfigureAwait(false);
            lock (_gate)
            {
                fresh.Result.TrySetResult(result);
                if (_entries.TryGetValue(stale.Key, out var held) && held == stale)
                {
                    Remove(stale);
                    _entries[fresh.Key] = fresh;
                    fresh.Node = _finished.AddLast(fresh.Key);
                    Evict();
                }
            }
        }
        catch (Exception)
        {
            lock (_gate)
            {
                stale.Refreshing = false;
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

    /// <summary>
    /// A newer data version makes every older entry unreachable: drop them (in-flight ones finish for their callers).
    /// At most once a minute, finished entries past their minute are swept too, so memory follows the reports in use.
    /// </summary>
    private void DropStale(Key key, DateTimeOffset now)
    {
        if (key.Version > _latestVersion)
        {
            _latestVersion = key.Version;
            foreach (var stale in _entries.Values.Where(e => e.Key.Version != key.Version).ToList())
            {
                Remove(stale);
            }
        }
        if (now - _lastSweep >= Freshness)
        {
            _lastSweep = now;
            foreach (var old in _entries.Values.Where(e => e.Age(now) >= _servedFor).ToList())
            {
                Remove(old);
            }
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

    private readonly record struct Key(string Report, object Query, long Version);

    private sealed class Entry(Key key, DateTimeOffset started)
    {
        public Key Key { get; } = key;

        /// <summary>How long ago a finished report's computation started; zero while computing (one in flight is joined, however long it takes).</summary>
        public TimeSpan Age(DateTimeOffset now) => Result.Task.IsCompleted ? now - started : TimeSpan.Zero;

        /// <summary>A background computation is replacing this finished report.</summary>
        public bool Refreshing { get; set; }

        public TaskCompletionSource<object> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenSource Stop { get; } = new();

        public int Waiters { get; set; }

        public LinkedListNode<Key>? Node { get; set; }
    }
}
