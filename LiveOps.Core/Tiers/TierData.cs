using LiveOps.Core.Store;
using LiveOps.Core.Common;

namespace LiveOps.Core.Tiers;

/// <summary>Every known customer (every row of <c>customers</c>), ordered by <c>customerId</c> ordinal.</summary>
public sealed class TierCustomers
{
    internal TierCustomers(DataSnapshot orders, OrdinalCustomerOrder order)
    {
        Orders = orders;
        Ids = order.Ids;
        SnapshotIndex = order.SnapshotIndex;
    }

    public string[] Ids { get; }

    /// <summary>The paid orders the windows are summed from (the same snapshot for every window of one result).</summary>
    internal DataSnapshot Orders { get; }

    /// <summary>For position i of <see cref="Ids"/>, the customer's index in <see cref="Orders"/>.</summary>
    internal int[] SnapshotIndex { get; }

    public int Count => Ids.Length;
}

/// <summary>The snapshot's customers sorted by id (ordinal), computed once per snapshot.</summary>
internal sealed class OrdinalCustomerOrder
{
    private OrdinalCustomerOrder(string[] ids, int[] snapshotIndex)
    {
        Ids = ids;
        SnapshotIndex = snapshotIndex;
    }

    public string[] Ids { get; }

    public int[] SnapshotIndex { get; }

    public static OrdinalCustomerOrder Of(DataSnapshot snapshot)
    {
        var ids = (string[])snapshot.CustomerIds.Clone();
        var index = new int[ids.Length];
        for (var i = 0; i < index.Length; i++)
        {
            index[i] = i;
        }
        Array.Sort(ids, index, StringComparer.Ordinal);
        return new OrdinalCustomerOrder(ids, index);
    }
}

/// <summary>Paid spend and paid order count per customer (aligned with <see cref="TierCustomers.Ids"/>) in one window.</summary>
public sealed record TierWindow(DateTimeOffset AsOf, decimal[] Spend, int[] Orders)
{
    /// <summary>The window is (as-of − 365 × 24 h, as-of]: an order exactly 365 days old is out, one at as-of is in.</summary>
    public static readonly TimeSpan Length = TimeSpan.FromDays(365);
}

/// <summary>
/// The two reads every tier result is built from: all customer ids, and the paid orders of a window summed per
/// customer. Both come from the shared <see cref="SnapshotStore"/> snapshot (rebuilt after every write, in any
/// process), so a window is one pass over in-memory columns instead of a scan of the orders table per request.
/// </summary>
public sealed class TierDataReader(SnapshotStore store)
{
    public async Task<TierCustomers> CustomersAsync(CancellationToken ct)
    {
        var snapshot = await store.GetAsync(ct);
        return new TierCustomers(snapshot, snapshot.Derived(OrdinalCustomerOrder.Of));
    }

    /// <summary>Spend and orders of every customer over paid orders in (asOf − 365 days, asOf].</summary>
    public Task<TierWindow> WindowAsync(TierCustomers customers, DateTimeOffset asOf, CancellationToken ct) =>
        WindowAsync(customers, asOf, asOf - TierWindow.Length, asOf, ct);

    /// <summary>Spend and orders over paid orders in (<paramref name="after"/>, <paramref name="through"/>], labelled <paramref name="asOf"/>.</summary>
    public Task<TierWindow> WindowAsync(TierCustomers customers, DateTimeOffset asOf, DateTimeOffset after, DateTimeOffset through, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(Sum(customers, asOf, after.ToUnixTimeMilliseconds(), through.ToUnixTimeMilliseconds()));
    }

    private static TierWindow Sum(TierCustomers customers, DateTimeOffset asOf, long afterMs, long throughMs)
    {
        var snapshot = customers.Orders;
        var start = snapshot.OrderStart;
        var placedAt = snapshot.PlacedAtMs;
        var amount = snapshot.AmountUnits;
        var spend = new decimal[customers.Count];
        var orders = new int[customers.Count];
        for (var i = 0; i < spend.Length; i++)
        {
            var c = customers.SnapshotIndex[i];
            long units = 0;
            var count = 0;
            // A customer's orders are sorted by time: skip to the window, stop after it.
            for (var o = start[c]; o < start[c + 1] && placedAt[o] <= throughMs; o++)
            {
                if (placedAt[o] > afterMs)
                {
                    units += amount[o];
                    count++;
                }
            }
            spend[i] = Money.FromUnits(units);
            orders[i] = count;
        }
        return new TierWindow(asOf, spend, orders);
    }
}
