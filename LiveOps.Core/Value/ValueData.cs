using LiveOps.Core.Store;
using LiveOps.Core.Common;
using LiveOps.Core.Tiers;

namespace LiveOps.Core.Value;

/// <summary>
/// The per-customer figures of contract §6 at one as-of, for every customer with a paid order before it, in
/// <c>customerId</c> ordinal order. Time is in whole local days: an order's day is its local date, E is the local date of
/// the instant just before as-of; x = distinct order days − 1, recency = last day − first day, age = E − first day.
/// </summary>
public sealed class ValueData
{
    private ValueData(DataSnapshot orders, DateTimeOffset asOf, DateOnly lastDay, int count)
    {
        Orders = orders;
        AsOf = asOf;
        LastObservedDay = lastDay;
        Customer = new int[count];
        X = new int[count];
        RecencyDays = new int[count];
        AgeDays = new int[count];
        FirstDayUnits = new long[count];
        TotalUnits = new long[count];
        LastOrder = new int[count];
        GroupIndex = new int[count];
    }

    public DataSnapshot Orders { get; }

    public DateTimeOffset AsOf { get; }

    /// <summary>E: the local date of the instant just before as-of.</summary>
    public DateOnly LastObservedDay { get; }

    public int Count => X.Length;

    /// <summary>The customer's index in <see cref="Orders"/>.</summary>
    public int[] Customer { get; }

    public int[] X { get; }

    public int[] RecencyDays { get; }

    public int[] AgeDays { get; }

    /// <summary>Paid amount of the first order day (1/10000 yuan); repeat spend is the total minus this.</summary>
    public long[] FirstDayUnits { get; }

    public long[] TotalUnits { get; }

    /// <summary>The order index (in <see cref="Orders"/>) of the customer's last counted order.</summary>
    public int[] LastOrder { get; }

    /// <summary>Row of <see cref="Groups"/> holding the customer's (x, recency, age).</summary>
    public int[] GroupIndex { get; }

    public RepeatGroups Groups { get; private set; } = new([], [], [], []);

    /// <summary>Gaps in days between consecutive order days of every customer, for the shop's usual interval.</summary>
    public int[] Gaps { get; private set; } = [];

    public string CustomerId(int i) => Orders.CustomerIds[Customer[i]];

    public int DaysSinceLast(int i) => AgeDays[i] - RecencyDays[i];

    public DateOnly LastDay(int i) => LastObservedDay.AddDays(-DaysSinceLast(i));

    public long RepeatUnits(int i) => TotalUnits[i] - FirstDayUnits[i];

    /// <summary>§6 <c>monetary</c>: mean paid amount per repeat day, exact; null when x = 0.</summary>
    public decimal? Monetary(int i) => X[i] == 0 ? null : Money.FromUnits(RepeatUnits(i)) / X[i];

    public double MonetaryDouble(int i) => X[i] == 0 ? 0 : RepeatUnits(i) / (double)Money.UnitsPerYuan / X[i];

    /// <summary>Paid orders placed before <paramref name="asOf"/>, summarised per customer.</summary>
    public static ValueData Build(DataSnapshot orders, DateTimeOffset asOf)
    {
        var asOfMs = asOf.ToUnixTimeMilliseconds();
        var clock = orders.Clock;
        var lastDay = clock.LocalDate(DateTimeOffset.FromUnixTimeMilliseconds(asOfMs - 1));
        var days = orders.Derived(DaysOf);
        var ordinal = orders.Derived(OrdinalCustomerOrder.Of).SnapshotIndex;
        var start = orders.OrderStart;
        var placedAt = orders.PlacedAtMs;
        var amount = orders.AmountUnits;
        var count = 0;
        foreach (var c in ordinal)
        {
            if (start[c] < start[c + 1] && placedAt[start[c]] < asOfMs)
            {
                count++;
            }
        }
        var data = new ValueData(orders, asOf, lastDay, count);
        var gaps = new List<int>();
        var e = lastDay.DayNumber;
        var i = 0;
        foreach (var c in ordinal)
        {
            if (start[c] == start[c + 1] || placedAt[start[c]] >= asOfMs)
            {
                continue;
            }
            var first = days.Of(placedAt[start[c]]).DayNumber;
            var previous = first;
            var x = 0;
            long firstUnits = 0, total = 0;
            var last = start[c];
            for (var o = start[c]; o < start[c + 1] && placedAt[o] < asOfMs; o++)
            {
                var day = days.Of(placedAt[o]).DayNumber;
                if (day != previous)
                {
                    x++;
                    gaps.Add(day - previous);
                    previous = day;
                }
                if (day == first)
                {
                    firstUnits += amount[o];
                }
                total += amount[o];
                last = o;
            }
            data.Customer[i] = c;
            data.X[i] = x;
            data.RecencyDays[i] = previous - first;
            data.AgeDays[i] = e - first;
            data.FirstDayUnits[i] = firstUnits;
            data.TotalUnits[i] = total;
            data.LastOrder[i] = last;
            i++;
        }
        data.Gaps = [.. gaps];
        data.Groups = GroupRows(data.X, data.RecencyDays, data.AgeDays, data.GroupIndex);
        return data;
    }

    /// <summary>Customers with the same (x, t_x, T) in one row with a count (for tables given in any time unit).</summary>
    public static RepeatGroups Group(int[] x, double[] tx, double[] t)
    {
        var rows = new Dictionary<(int, double, double), int>();
        var counts = new List<int>();
        for (var i = 0; i < x.Length; i++)
        {
            if (rows.TryGetValue((x[i], tx[i], t[i]), out var row))
            {
                counts[row]++;
            }
            else
            {
                rows.Add((x[i], tx[i], t[i]), counts.Count);
                counts.Add(1);
            }
        }
        var keys = rows.OrderBy(r => r.Value).Select(r => r.Key).ToArray();
        return new RepeatGroups(keys.Select(k => k.Item1).ToArray(), keys.Select(k => k.Item2).ToArray(), keys.Select(k => k.Item3).ToArray(), [.. counts]);
    }

    private static RepeatGroups GroupRows(int[] x, int[] recency, int[] age, int[] groupOf)
    {
        var rows = new Dictionary<long, int>();
        var gx = new List<int>();
        var gtx = new List<double>();
        var gt = new List<double>();
        var counts = new List<int>();
        for (var i = 0; i < x.Length; i++)
        {
            // Days and counts are far below 2^21, so the triple packs into one long key.
            var key = ((long)x[i] << 42) | ((long)recency[i] << 21) | (uint)age[i];
            if (!rows.TryGetValue(key, out var row))
            {
                row = counts.Count;
                rows.Add(key, row);
                gx.Add(x[i]);
                gtx.Add(recency[i]);
                gt.Add(age[i]);
                counts.Add(0);
            }
            counts[row]++;
            groupOf[i] = row;
        }
        return new RepeatGroups([.. gx], [.. gtx], [.. gt], [.. counts]);
    }

    /// <summary>The local days of the snapshot's orders, kept with the snapshot.</summary>
    private static LocalDays DaysOf(DataSnapshot orders) =>
        orders.OrderCount == 0 ? new LocalDays(orders.Clock, 0, -1) : new LocalDays(orders.Clock, orders.PlacedAtMs.Min(), orders.LatestPlacedAtMs);
}
