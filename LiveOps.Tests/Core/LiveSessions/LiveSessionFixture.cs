using LiveOps.Core.Data;
using LiveOps.Core.Data.Entities;

namespace LiveOps.Tests.Core.LiveSessions;

/// <summary>
/// Three sessions whose numbers are worked out by hand:
/// s1 (Nov 10 20:00–22:00): c1 100 (first, joins exactly 2 h after the end: in), c2 50 (first, joins 2 h + 1 s after: out),
///   c3 200 (first order was Nov 1: not new), c8 40 (first, never joins), c4 999 refunded (not counted)
///   → 4 orders, ¥390, 4 buyers, 3 new buyers, 1 join, join rate 1/3.
/// s2 (Nov 12 20:00, no end: assumed 23:00): c4 80 (first paid, joins Nov 13 01:00 = end + 2 h: in),
///   c5 20 (first, never joins), c6 15 (first, joins during: in), c7 5 (first, joined a second before the start: out),
///   c1 10 (repeat) → 5 orders, ¥130, 5 buyers, 4 new, 2 joins, join rate 1/2.
/// s3 (Nov 14 20:00–21:00): nothing sold → join rate undefined.
/// </summary>
public static class LiveSessionFixture
{
    public static DateTimeOffset At(int month, int day, int hour, int minute = 0, int second = 0) =>
        new(2026, month, day, hour, minute, second, TimeSpan.FromHours(8));

    public static async Task SeedAsync(LiveOpsDbContext db)
    {
        db.LiveSessions.AddRange(
            new LiveSession { LiveSessionId = "s1", Title = "双十一预热", StartedAt = At(11, 10, 20), EndedAt = At(11, 10, 22), Viewers = 1000, PeakConcurrent = 180, AvgWatchSeconds = 120 },
            new LiveSession { LiveSessionId = "s2", Title = "会员专场", StartedAt = At(11, 12, 20), Viewers = 600, PeakConcurrent = 90, AvgWatchSeconds = 300 },
            new LiveSession { LiveSessionId = "s3", StartedAt = At(11, 14, 20), EndedAt = At(11, 14, 21), Viewers = 300, PeakConcurrent = 40, AvgWatchSeconds = 60 });
        Customer C(string id, DateTimeOffset? joined = null) => new() { CustomerId = id, JoinedPrivateAt = joined };
        var customers = new[]
        {
            C("c1", At(11, 11, 0)), C("c2", At(11, 11, 0, 0, 1)), C("c3", At(11, 10, 20, 30)), C("c4", At(11, 13, 1)),
            C("c5"), C("c6", At(11, 12, 20, 30)), C("c7", At(11, 12, 19, 59, 59)), C("c8"),
        };
        db.Customers.AddRange(customers);
        await db.SaveChangesAsync();
        int Key(string id) => customers.Single(c => c.CustomerId == id).Id;
        var n = 0;
        Order O(string customer, DateTimeOffset at, decimal amount, string? session, OrderStatus status = OrderStatus.Paid) =>
            new() { OrderId = $"o{++n}", CustomerKey = Key(customer), PlacedAt = at, Amount = amount, LiveSessionId = session, Status = status };
        db.Orders.AddRange(
            O("c3", At(11, 1, 10), 30m, null),
            O("c4", At(11, 10, 20, 5), 999m, "s1", OrderStatus.Refunded),
            O("c1", At(11, 10, 20, 10), 100m, "s1"),
            O("c2", At(11, 10, 20, 20), 50m, "s1"),
            O("c3", At(11, 10, 21), 200m, "s1"),
            O("c8", At(11, 10, 21, 30), 40m, "s1"),
            O("c4", At(11, 12, 21), 80m, "s2"),
            O("c5", At(11, 12, 21, 5), 20m, "s2"),
            O("c6", At(11, 12, 20, 10), 15m, "s2"),
            O("c7", At(11, 12, 20, 40), 5m, "s2"),
            O("c1", At(11, 12, 22), 10m, "s2"),
            O("c5", At(11, 20, 10), 60m, null));
        await db.SaveChangesAsync();
    }
}
