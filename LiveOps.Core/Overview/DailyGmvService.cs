using LiveOps.Core.Common;
using LiveOps.Core.Data;
using LiveOps.Core.Data.Entities;
using LiveOps.Core.Store;
using Microsoft.EntityFrameworkCore;

namespace LiveOps.Core.Overview;

/// <summary>
/// Daily paid GMV for the Overview. Only <c>paid</c> orders count. SQLite sums the order range, read from
/// the covering orders index (Status, PlacedAt, CustomerKey, Amount) that the tiers feature also uses, into
/// 15-minute UTC buckets; C# folds the buckets into local days through <see cref="ZoneClock"/>. Every zone offset in use is a multiple of 15 minutes, so a bucket
/// never straddles a local midnight, and DST days of 23 or 25 hours come out right.
/// </summary>
public sealed class DailyGmvService(IDbContextFactory<LiveOpsDbContext> factory, ZoneClock clock)
{
    internal const long BucketMs = 15 * 60 * 1000;

    /// <summary>The last <paramref name="days"/> local days up to today, by the injected clock.</summary>
    public DailyGmvQuery LastDays(int days) => DailyGmvQuery.LastDays(days, clock.Today);

    public async Task<DailyGmvReport> RunAsync(DailyGmvQuery query, CancellationToken ct = default)
    {
        if (query.Days < 1 || query.Days > DailyGmvQuery.MaxDays)
        {
            throw new ArgumentOutOfRangeException(nameof(query), $"a range of 1 to {DailyGmvQuery.MaxDays} days is needed, not {query.Days}");
        }
        var fromMs = clock.StartOfDay(query.From).ToUnixTimeMilliseconds();
        var toMs = clock.StartOfDay(query.To).ToUnixTimeMilliseconds();

        await using var db = await factory.CreateDbContextAsync(ct);
        var (buckets, buyers) = await DailyGmvReads.PaidBucketsAsync(db, fromMs, toMs, BucketMs, ct);
        return Shape(query, buckets, buyers, clock);
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
