using LiveOps.Core.Data.Entities;
using LiveOps.Core.Overview;
using LiveOps.Tests.Support;
using LiveOps.Core.Store;

namespace LiveOps.Tests.Core.Overview;

public abstract class DailyGmvServiceTests(DatabaseProvider provider)
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    [Fact]
    public async Task RunAsync_Shanghai_SplitsAtLocalMidnight_CountsOnlyPaid_AndFillsEmptyDaysWithZero()
    {
        await using var db = new TestDatabase(provider: provider);
        await AddOrdersAsync(db,
            ("o1", "c1", new DateTimeOffset(2026, 11, 20, 23, 59, 59, Shanghai), 100.10m, OrderStatus.Paid),
            ("o2", "c2", new DateTimeOffset(2026, 11, 21, 0, 0, 0, Shanghai), 50m, OrderStatus.Paid),
            ("o3", "c1", new DateTimeOffset(2026, 11, 21, 9, 30, 0, Shanghai), 20.05m, OrderStatus.Paid),
            ("o4", "c3", new DateTimeOffset(2026, 11, 21, 10, 0, 0, Shanghai), 999m, OrderStatus.Refunded),
            ("o5", "c3", new DateTimeOffset(2026, 11, 22, 10, 0, 0, Shanghai), 888m, OrderStatus.Cancelled),
            ("o6", "c4", new DateTimeOffset(2026, 11, 23, 0, 0, 0, Shanghai), 7m, OrderStatus.Paid),
            ("o7", "c4", new DateTimeOffset(2026, 11, 19, 23, 59, 59, Shanghai), 1m, OrderStatus.Paid));

        var report = await db.Get<DailyGmvService>().RunAsync(new DailyGmvQuery(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 23)));

        Assert.Equal(
            [
                new DailyGmvPoint(new DateOnly(2026, 11, 20), 100.10m, 1),
                new DailyGmvPoint(new DateOnly(2026, 11, 21), 70.05m, 2),
                new DailyGmvPoint(new DateOnly(2026, 11, 22), 0m, 0),
            ],
            report.Days);
        Assert.Equal(170.15m, report.PaidGmv);
        Assert.Equal(3, report.PaidOrders);
        Assert.Equal(2, report.Buyers);
        Assert.Equal("Asia/Shanghai", report.TimeZone);
        Assert.False(report.IsEmpty);
    }

    [Fact]
    public async Task RunAsync_UtcZone_PutsTheSameInstantsOnUtcDays()
    {
        await using var db = new TestDatabase(provider: provider, timeZone: "UTC");
        await AddOrdersAsync(db,
            ("o1", "c1", new DateTimeOffset(2026, 11, 20, 23, 59, 59, Shanghai), 100m, OrderStatus.Paid),
            ("o2", "c2", new DateTimeOffset(2026, 11, 21, 0, 0, 0, Shanghai), 50m, OrderStatus.Paid),
            ("o3", "c2", new DateTimeOffset(2026, 11, 21, 8, 0, 0, Shanghai), 5m, OrderStatus.Paid));

        var report = await db.Get<DailyGmvService>().RunAsync(new DailyGmvQuery(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 22)));

        Assert.Equal([150m, 5m], report.Days.Select(d => d.Gmv));
        Assert.Equal([2L, 1L], report.Days.Select(d => d.Orders));
    }

    [Fact]
    public async Task RunAsync_DaylightSavingZone_UsesTheLocalDayOf25And23HourDays()
    {
        await using var db = new TestDatabase(provider: provider, timeZone: "Europe/Berlin");
        var cet = TimeSpan.FromHours(1);
        await AddOrdersAsync(db,
            // 2026-03-29 has 23 hours: 00:30 CET is still that day.
            ("o1", "c1", new DateTimeOffset(2026, 3, 29, 0, 30, 0, cet), 1m, OrderStatus.Paid),
            ("o2", "c1", new DateTimeOffset(2026, 3, 28, 23, 30, 0, cet), 2m, OrderStatus.Paid),
            // 2026-10-25 has 25 hours: 23:30 CET is that day, 00:10 CET the next.
            ("o3", "c2", new DateTimeOffset(2026, 10, 25, 23, 30, 0, cet), 10m, OrderStatus.Paid),
            ("o4", "c2", new DateTimeOffset(2026, 10, 26, 0, 10, 0, cet), 20m, OrderStatus.Paid),
            ("o5", "c2", new DateTimeOffset(2026, 10, 25, 0, 10, 0, TimeSpan.FromHours(2)), 40m, OrderStatus.Paid));

        var service = db.Get<DailyGmvService>();
        var spring = await service.RunAsync(new DailyGmvQuery(new DateOnly(2026, 3, 28), new DateOnly(2026, 3, 30)));
        var autumn = await service.RunAsync(new DailyGmvQuery(new DateOnly(2026, 10, 25), new DateOnly(2026, 10, 27)));

        Assert.Equal([2m, 1m], spring.Days.Select(d => d.Gmv));
        Assert.Equal([50m, 20m], autumn.Days.Select(d => d.Gmv));
    }

    [Fact]
    public async Task RunAsync_HalfHourOffsetZone_SplitsAtLocalMidnight()
    {
        await using var db = new TestDatabase(provider: provider, timeZone: "Asia/Kolkata");
        var ist = new TimeSpan(5, 30, 0);
        await AddOrdersAsync(db,
            ("o1", "c1", new DateTimeOffset(2026, 11, 20, 23, 50, 0, ist), 1m, OrderStatus.Paid),
            ("o2", "c1", new DateTimeOffset(2026, 11, 21, 0, 10, 0, ist), 2m, OrderStatus.Paid));

        var report = await db.Get<DailyGmvService>().RunAsync(new DailyGmvQuery(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 22)));

        Assert.Equal([1m, 2m], report.Days.Select(d => d.Gmv));
    }

    [Fact]
    public async Task RunAsync_EmptyDatabase_ReturnsAFullGridOfZeros_AndIsEmpty()
    {
        await using var db = new TestDatabase(provider: provider);

        var report = await db.Get<DailyGmvService>().RunAsync(db.Get<DailyGmvService>().LastDays(30));

        Assert.Equal(30, report.Days.Count);
        Assert.All(report.Days, d => Assert.Equal((0m, 0L), (d.Gmv, d.Orders)));
        Assert.True(report.IsEmpty);
        Assert.Null(report.AverageOrderValue);
        Assert.Equal(0, report.Buyers);
    }

    [Fact]
    public async Task LastDays_EndsTodayInTheZone_ByTheInjectedClock()
    {
        // 2026-11-24 20:00 UTC is already 2026-11-25 in Shanghai.
        await using var db = new TestDatabase(provider: provider, now: new DateTimeOffset(2026, 11, 24, 20, 0, 0, TimeSpan.Zero));

        var query = db.Get<DailyGmvService>().LastDays(30);

        Assert.Equal(new DailyGmvQuery(new DateOnly(2026, 10, 27), new DateOnly(2026, 11, 26)), query);
        Assert.Equal(30, query.Days);
    }

    [Fact]
    public void LastDays_OutsideOneToMaxDays_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DailyGmvQuery.LastDays(0, new DateOnly(2026, 11, 24)));
        Assert.Throws<ArgumentOutOfRangeException>(() => DailyGmvQuery.LastDays(DailyGmvQuery.MaxDays + 1, new DateOnly(2026, 11, 24)));
    }

    private static async Task AddOrdersAsync(TestDatabase db, params (string OrderId, string CustomerId, DateTimeOffset PlacedAt, decimal Amount, OrderStatus Status)[] orders)
    {
        await using var context = db.NewContext();
        var customers = orders.Select(o => o.CustomerId).Distinct().ToDictionary(id => id, id => new Customer { CustomerId = id });
        context.Customers.AddRange(customers.Values);
        await context.SaveChangesAsync();
        context.Orders.AddRange(orders.Select(o => new Order
        {
            OrderId = o.OrderId,
            CustomerKey = customers[o.CustomerId].Id,
            PlacedAt = o.PlacedAt,
            Amount = o.Amount,
            Status = o.Status,
        }));
        await context.SaveChangesAsync();
    }
}

public sealed class DailyGmvServiceTestsOnSqlite() : DailyGmvServiceTests(DatabaseProvider.Sqlite);

public sealed class DailyGmvServiceTestsOnPostgres() : DailyGmvServiceTests(DatabaseProvider.Postgres);
