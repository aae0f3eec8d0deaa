using System.Collections.Concurrent;
using LiveOps.Core.Common;

namespace LiveOps.Core.Store;

/// <summary>
/// Every paid order as compact columns, grouped by customer (CSR layout) and sorted by time within a
/// customer, plus the customer attributes the analytics break results down by. Immutable once built:
/// readers share it without locks; a write to the database produces a new snapshot (see <see cref="PaidOrderStore"/>).
/// </summary>
/// <remarks>
/// Only <c>paid</c> orders are held, because only they count anywhere (contract §4). Within a customer, orders at
/// the same instant keep their database insertion order, so "the first order" is well defined.
/// </remarks>
public sealed class PaidOrderSnapshot
{
    /// <summary>Sentinel for "no instant" in the millisecond columns.</summary>
    public const long NoInstant = long.MinValue;

    /// <summary>Sentinel for "no value" in the small-int enum columns.</summary>
    public const sbyte None = -1;

    private readonly ConcurrentDictionary<PeriodKind, int[]> _periodOrdinals = new();
    private readonly ConcurrentDictionary<Type, Lazy<object>> _derived = new();

    internal PaidOrderSnapshot(
        long version,
        ZoneClock clock,
        string[] customerIds,
        string?[] nicknames,
        sbyte[] acquisitionChannels,
        long[] joinedPrivateMs,
        int[] orderStart,
        long[] placedAtMs,
        long[] amountUnits,
        sbyte[] channels,
        int[] campaigns,
        string[] campaignIds,
        int[] indexOfKey)
    {
        Version = version;
        Clock = clock;
        CustomerIds = customerIds;
        Nicknames = nicknames;
        AcquisitionChannels = acquisitionChannels;
        JoinedPrivateMs = joinedPrivateMs;
        OrderStart = orderStart;
        PlacedAtMs = placedAtMs;
        AmountUnits = amountUnits;
        Channels = channels;
        Campaigns = campaigns;
        CampaignIds = campaignIds;
        _indexOfKey = indexOfKey;
        LatestPlacedAtMs = placedAtMs.Length == 0 ? NoInstant : placedAtMs.Max();
    }

    /// <summary>The <see cref="DataVersion"/> value the snapshot was read at.</summary>
    public long Version { get; }

    public ZoneClock Clock { get; }

    /// <summary>Number of customers (with or without paid orders); customer index c runs 0..CustomerCount-1.</summary>
    public int CustomerCount => CustomerIds.Length;

    public int OrderCount => PlacedAtMs.Length;

    public string[] CustomerIds { get; }

    public string?[] Nicknames { get; }

    /// <summary><see cref="Data.Entities.AcquisitionChannel"/> as an int, or <see cref="None"/>.</summary>
    public sbyte[] AcquisitionChannels { get; }

    /// <summary>When the customer joined the private domain (UTC ms), or <see cref="NoInstant"/>.</summary>
    public long[] JoinedPrivateMs { get; }

    /// <summary>Orders of customer c are at indexes <c>OrderStart[c] .. OrderStart[c+1]-1</c> (length CustomerCount+1).</summary>
    public int[] OrderStart { get; }

    public long[] PlacedAtMs { get; }

    /// <summary>Amounts in 1/10000 yuan (<see cref="Money"/>).</summary>
    public long[] AmountUnits { get; }

    /// <summary><see cref="Data.Entities.OrderChannel"/> as an int, or <see cref="None"/>.</summary>
    public sbyte[] Channels { get; }

    /// <summary>Index into <see cref="CampaignIds"/>, or -1 for an order without a campaign.</summary>
    public int[] Campaigns { get; }

    public string[] CampaignIds { get; }

    /// <summary>Index into <see cref="LiveSessionIds"/> (the order's live_session_id), or -1 for an order without one.</summary>
    public int[] LiveSessions { get; init; } = [];

    public string[] LiveSessionIds { get; init; } = [];

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
    public T Derived<T>(Func<PaidOrderSnapshot, T> build) where T : class =>
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
