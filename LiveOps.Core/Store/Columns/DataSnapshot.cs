using System.Collections.Concurrent;
using LiveOps.Core.Common;

namespace LiveOps.Core.Store;

/// <summary>
/// What every analytic reads, as compact columns: the customers, their paid orders grouped by customer (CSR layout)
/// and sorted by time within a customer, and their funnel events in the same layout (<see cref="EventsAsync"/>).
/// Immutable once built: readers share it without locks; a write to the database produces a new snapshot
/// (see <see cref="SnapshotStore"/>).
/// </summary>
/// <remarks>
/// Each column is one <see cref="ColumnAttribute"/> property below: reading it from the tables, grouping it, keeping it
/// in the file next to the database and checking it when read back follow from that declaration. Only <c>paid</c>
/// orders are held, because only they count anywhere (contract §4). Within a customer, orders at the same instant keep
/// their database insertion order, so "the first order" is well defined.
/// </remarks>
public sealed class DataSnapshot
{
    /// <summary>Sentinel for "no instant" in the millisecond columns.</summary>
    public const long NoInstant = long.MinValue;

    /// <summary>Sentinel for "no value" in the small-int enum columns.</summary>
    public const sbyte None = -1;

    private readonly ConcurrentDictionary<PeriodKind, int[]> _periodOrdinals = new();
    private readonly ConcurrentDictionary<Type, Lazy<object>> _derived = new();
    private readonly Func<DataSnapshot, Task<FunnelEvents>> _loadEvents;
    private readonly Lock _eventsGate = new();
    private Task<FunnelEvents>? _events;

    internal DataSnapshot(
        long version, ZoneClock clock, ColumnValues columns, int[] indexOfKey, int[] orderStart, Func<DataSnapshot, Task<FunnelEvents>> loadEvents)
    {
        Version = version;
        Clock = clock;
        columns.AssignTo(this);
        _indexOfKey = indexOfKey;
        OrderStart = orderStart;
        _loadEvents = loadEvents;
        LatestPlacedAtMs = PlacedAtMs.Length == 0 ? NoInstant : PlacedAtMs.Max();
    }

    // Customers: customer index c runs 0..CustomerCount-1, in key order.

    [Column(Table.Customers, "CustomerId")] public string[] CustomerIds { get; private init; } = [];

    [Column(Table.Customers, "Nickname", Optional = true)] public string?[] Nicknames { get; private init; } = [];

    /// <summary><see cref="Data.Entities.AcquisitionChannel"/> as an int, or <see cref="None"/>.</summary>
    [Column(Table.Customers, "AcquisitionChannel", Optional = true)] public sbyte[] AcquisitionChannels { get; private init; } = [];

    /// <summary>When the customer joined the private domain (UTC ms), or <see cref="NoInstant"/>.</summary>
    [Column(Table.Customers, "JoinedPrivateAt", Optional = true)] public long[] JoinedPrivateMs { get; private init; } = [];

    // Paid orders: customer c's are at OrderStart[c] .. OrderStart[c+1]-1, by time.

    /// <summary>UTC Unix milliseconds.</summary>
    [Column(Table.Orders, "PlacedAt")] public long[] PlacedAtMs { get; private init; } = [];

    /// <summary>Amounts in 1/10000 yuan (<see cref="Money"/>).</summary>
    [Column(Table.Orders, "Amount")] public long[] AmountUnits { get; private init; } = [];

    /// <summary><see cref="Data.Entities.OrderChannel"/> as an int, or <see cref="None"/>.</summary>
    [Column(Table.Orders, "Channel", Optional = true)] public sbyte[] Channels { get; private init; } = [];

    /// <summary>Index into <see cref="CampaignIds"/>, or -1 for an order without a campaign.</summary>
    [Column(Table.Orders, "CampaignId", Ids = nameof(CampaignIds), Optional = true)] public int[] Campaigns { get; private init; } = [];

    /// <summary>Index into <see cref="LiveSessionIds"/> (the order's live_session_id), or -1 for an order without one.</summary>
    [Column(Table.Orders, "LiveSessionId", Ids = nameof(LiveSessionIds), Optional = true)] public int[] LiveSessions { get; private init; } = [];

    public string[] CampaignIds { get; private init; } = [];

    public string[] LiveSessionIds { get; private init; } = [];

    /// <summary>The <see cref="DataVersion"/> value the snapshot was read at.</summary>
    public long Version { get; }

    public ZoneClock Clock { get; }

    public int CustomerCount => CustomerIds.Length;

    public int OrderCount => PlacedAtMs.Length;

    /// <summary>Orders of customer c are at indexes <c>OrderStart[c] .. OrderStart[c+1]-1</c> (length CustomerCount+1).</summary>
    public int[] OrderStart { get; }

    /// <summary>
    /// The funnel events of the snapshot's customers, read on first use (only the campaign analytics need them) and then
    /// kept with the snapshot; a failed read is tried again by the next caller.
    /// </summary>
    public Task<FunnelEvents> EventsAsync(CancellationToken ct = default)
    {
        Task<FunnelEvents> events;
        lock (_eventsGate)
        {
            if (_events is null || _events.IsFaulted || _events.IsCanceled)
            {
                // Shared by every caller, so no caller's token cancels it; off the lock, since SQLite reads complete synchronously.
                _events = Task.Run(() => _loadEvents(this), CancellationToken.None);
            }
            events = _events;
        }
        return events.WaitAsync(ct);
    }

    private readonly int[] _indexOfKey;

    /// <summary>The database's change stamp the rows were read at; null where derived data is not persisted.</summary>
    public ChangeStamp? Stamp { get; init; }

    /// <summary>True when the columns came from the file persisted next to the database rather than from its tables.</summary>
    public bool FromFile { get; init; }

    internal int[] KeyIndex => _indexOfKey;

    /// <summary>The customer index of a <c>customers</c> row id (<c>CustomerKey</c>), or -1 when the snapshot has no such customer.</summary>
    public int IndexOfKey(long customerKey) =>
        customerKey >= 0 && customerKey < _indexOfKey.Length ? _indexOfKey[customerKey] : -1;

    /// <summary>
    /// Data derived from this snapshot alone (an ordering, an index), built once on first use and dropped with the
    /// snapshot, so it can never be older than the orders it was computed from. One value per type.
    /// </summary>
    public T Derived<T>(Func<DataSnapshot, T> build) where T : class =>
        (T)_derived.GetOrAdd(typeof(T), _ => new Lazy<object>(() => build(this))).Value;

    /// <summary>The latest paid order's instant, or <see cref="NoInstant"/> when there is none.</summary>
    public long LatestPlacedAtMs { get; }

    /// <summary>
    /// The period ordinal of every order in the configured zone, computed once per period kind and kept with
    /// the snapshot: zone conversion per order is the slowest step of a matrix, and it never changes.
    /// </summary>
    public int[] PeriodOrdinals(PeriodKind kind) => _periodOrdinals.GetOrAdd(kind, ComputeOrdinals);

    /// <summary>The ordinal of the period holding an instant (ms), in the configured zone.</summary>
    public int PeriodOf(PeriodKind kind, long ms) =>
        Period.Containing(kind, DateTimeOffset.FromUnixTimeMilliseconds(ms), Clock).Ordinal;

    private int[] ComputeOrdinals(PeriodKind kind)
    {
        var result = new int[PlacedAtMs.Length];
        if (result.Length == 0)
        {
            return result;
        }
        // Period starts between the earliest and latest order: an order's period is found by binary search
        // over a few hundred boundaries instead of a time-zone conversion per order.
        var min = PlacedAtMs.Min();
        var first = Period.Containing(kind, DateTimeOffset.FromUnixTimeMilliseconds(min), Clock);
        var last = Period.Containing(kind, DateTimeOffset.FromUnixTimeMilliseconds(LatestPlacedAtMs), Clock);
        var count = last.Ordinal - first.Ordinal + 1;
        var starts = new long[count];
        for (var i = 0; i < count; i++)
        {
            starts[i] = first.Add(i).Start(Clock).ToUnixTimeMilliseconds();
        }
        for (var i = 0; i < result.Length; i++)
        {
            var at = Array.BinarySearch(starts, PlacedAtMs[i]);
            var index = at >= 0 ? at : ~at - 1;
            result[i] = first.Ordinal + index;
        }
        return result;
    }
}
