using LiveOps.Core.Common;
using LiveOps.Core.Store;

namespace LiveOps.Core.Overview;

/// <summary>
/// Daily paid GMV for the Overview. Only <c>paid</c> orders count. One pass over the paid-order snapshot (the
/// <see cref="SnapshotStore"/> every Overview figure reads) sums the range into 15-minute UTC buckets; C# folds the
/// buckets into local days through <see cref="ZoneClock"/>. Every zone offset in use is a multiple of 15 minutes, so
/// a bucket never straddles a local midnight, and DST days of 23 or 25 hours come out right.
/// </summary>
public sealed class DailyGmvService(ReportCache cache, SnapshotStore store, ZoneClock clock)
{
    internal const long BucketMs = 15 * 60 * 1000;

    /// <summary>The last <paramref name="days"/> local days up to today, by the injected clock.</summary>
    public DailyGmvQuery LastDays(int days) => DailyGmvQuery.LastDays(days, clock.Today);

    /// <summary>The report, computed once per query and data version and shared (<see cref="ReportCache"/>).</summary>
    public Task<DailyGmvReport> RunAsync(DailyGmvQuery query, CancellationToken ct = default) =>
        cache.GetOrComputeAsync("daily-gmv", query, c => ComputeAsync(query, c), ct);

    private async Task<DailyGmvReport> ComputeAsync(DailyGmvQuery query, CancellationToken ct)
    {
        if (query.Days < 1 || query.Days > DailyGmvQuery.MaxDays)
        {
            throw new ArgumentOutOfRangeException(nameof(query), $"a range of 1 to {DailyGmvQuery.MaxDays} days is needed, not {query.Days}");
        }
        var fromMs = clock.StartOfDay(query.From).ToUnixTimeMilliseconds();
        var toMs = clock.StartOfDay(query.To).ToUnixTimeMilliseconds();
        var snapshot = await store.GetAsync(ct);
        var (buckets, buyers) = Buckets(snapshot, fromMs, toMs);
        return Shape(query, buckets, buyers, clock);
    }

    /// <summary>Paid amount and orders per bucket from <paramref name="fromMs"/> (a local midnight), and the customers who paid.</summary>
    internal static (List<GmvBucket> Buckets, long Buyers) Buckets(DataSnapshot data, long fromMs, long toMs)
    {
        var count = (int)((toMs - fromMs + BucketMs - 1) / BucketMs);
        var amounts = new long[count];
        var orders = new long[count];
        long buyers = 0;
        var placed = data.PlacedAtMs;
        var units = data.AmountUnits;
        for (var c = 0; c < data.CustomerCount; c++)
        {
            var bought = false;
            for (var i = data.OrderStart[c]; i < data.OrderStart[c + 1]; i++)
            {
                var at = placed[i];
                if (at < fromMs || at >= toMs)
                {
                    continue;
                }
                var bucket = (int)((at - fromMs) / BucketMs);
                amounts[bucket] += units[i];
                orders[bucket]++;
                bought = true;
            }
            if (bought)
            {
                buyers++;
            }
        }
        var buckets = new List<GmvBucket>();
        for (var b = 0; b < count; b++)
        {
            if (orders[b] > 0)
            {
                buckets.Add(new GmvBucket(DateTimeOffset.FromUnixTimeMilliseconds(fromMs + b * BucketMs), amounts[b], orders[b]));
            }
        }
        return (buckets, buyers);
    }

    /// <summary>Folds UTC buckets into a full grid of local days (days without orders as zeros).</summary>
    internal static DailyGmvReport Shape(DailyGmvQuery query, IEnumerable<GmvBucket> buckets, long buyers, ZoneClock clock)
    {
        var units = new long[query.Days];
        var orders = new long[query.Days];
        foreach (var bucket in buckets)
        {
            var day = clock.LocalDate(bucket.Start).DayNumber - query.From.DayNumber;
            if (day < 0 || day >= query.Days)
            {
                continue;
            }
            units[day] += bucket.AmountUnits;
            orders[day] += bucket.Orders;
        }
        var points = new DailyGmvPoint[query.Days];
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = new DailyGmvPoint(query.From.AddDays(i), Money.FromUnits(units[i]), orders[i]);
        }
        return new DailyGmvReport(query.From, query.To, clock.ZoneId, points, Money.FromUnits(units.Sum()), orders.Sum(), buyers);
    }
}

/// <summary>Paid amount (1/10000 yuan) and paid orders of one 15-minute UTC bucket.</summary>
internal readonly record struct GmvBucket(DateTimeOffset Start, long AmountUnits, long Orders);
