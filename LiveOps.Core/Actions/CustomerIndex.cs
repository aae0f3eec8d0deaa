using LiveOps.Core.Store;

namespace LiveOps.Core.Actions;

/// <summary>Customer id → customer index of one paid-order snapshot, built once per snapshot.</summary>
public sealed class CustomerIndex
{
    private readonly Dictionary<string, int> _byId;

    private CustomerIndex(DataSnapshot snapshot)
    {
        _byId = new Dictionary<string, int>(snapshot.CustomerCount, StringComparer.Ordinal);
        for (var c = 0; c < snapshot.CustomerCount; c++)
        {
            _byId[snapshot.CustomerIds[c]] = c;
        }
    }

    public static CustomerIndex Of(DataSnapshot snapshot) => snapshot.Derived(s => new CustomerIndex(s));

    /// <summary>The customer's index, or -1 when the snapshot does not know the id.</summary>
    public int this[string customerId] => _byId.TryGetValue(customerId, out var c) ? c : -1;
}

/// <summary>Scans of one customer's paid orders in a time range of the snapshot.</summary>
internal static class OrderWindow
{
    /// <summary>Paid orders of customer <paramref name="c"/> in [from, to) (UTC ms): their count and amount in 1/10000 yuan.</summary>
    public static (int Orders, long AmountUnits, long FirstMs) Sum(DataSnapshot s, int c, long fromMs, long toMs)
    {
        if (c < 0)
        {
            return (0, 0, 0);
        }
        int orders = 0;
        long amount = 0, first = 0;
        // A customer's orders are sorted by time: find the first at or after fromMs, then walk while before toMs.
        int lo = s.OrderStart[c], hi = s.OrderStart[c + 1];
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (s.PlacedAtMs[mid] < fromMs)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        for (var i = lo; i < s.OrderStart[c + 1] && s.PlacedAtMs[i] < toMs; i++)
        {
            if (orders == 0)
            {
                first = s.PlacedAtMs[i];
            }
            orders++;
            amount += s.AmountUnits[i];
        }
        return (orders, amount, first);
    }
}
