using LiveOps.Core.Data;
using LiveOps.Core.Data.Entities;
using LiveOps.Tests.Support;

namespace LiveOps.Tests.Core.Demo;

/// <summary>Same seed and same clock date: the same rows. Anything else: different rows.</summary>
public sealed class DemoDataDeterminismTests
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 24, 9, 15, 0, TimeSpan.FromHours(8));
    private static readonly DemoDataOptions Small = new() { Customers = 3_000, Seed = 42 };

    [Fact]
    public async Task Seed_SameSeedAndSameClockDate_WritesIdenticalRows()
    {
        await using var a = new TestDatabase(now: Morning);
        await using var b = new TestDatabase(now: Morning.AddHours(12));

        await a.Get<DemoDataSeeder>().SeedAsync(Small);
        await b.Get<DemoDataSeeder>().SeedAsync(Small);

        Assert.Equal(DemoSql.Counts(a.ConnectionString), DemoSql.Counts(b.ConnectionString));
        var checksum = DemoSql.OrdersChecksum(a.ConnectionString);
        Assert.Equal(checksum, DemoSql.OrdersChecksum(b.ConnectionString));
        Assert.InRange(checksum.Count, 8_000, 10_000);
        Assert.Equal(DemoSql.Fingerprint(a.ConnectionString), DemoSql.Fingerprint(b.ConnectionString));
    }

    [Fact]
    public async Task Seed_DifferentSeed_WritesDifferentOrders()
    {
        await using var a = new TestDatabase(now: Morning);
        await using var b = new TestDatabase(now: Morning);

        await a.Get<DemoDataSeeder>().SeedAsync(Small);
        await b.Get<DemoDataSeeder>().SeedAsync(new DemoDataOptions { Customers = Small.Customers, Seed = 43 });

        var first = DemoSql.OrdersChecksum(a.ConnectionString);
        var second = DemoSql.OrdersChecksum(b.ConnectionString);
        Assert.NotEqual(first.AmountUnits, second.AmountUnits);
        Assert.NotEqual(first.PlacedAtMs, second.PlacedAtMs);
        Assert.Equal(3_000, DemoSql.Scalar(b.ConnectionString, "SELECT COUNT(*) FROM customers"));
    }

    [Fact]
    public async Task Seed_NextDay_EndsTheDataOneDayLater()
    {
        await using var today = new TestDatabase(now: Morning);
        await using var tomorrow = new TestDatabase(now: Morning.AddDays(1));

        await today.Get<DemoDataSeeder>().SeedAsync(Small);
        await tomorrow.Get<DemoDataSeeder>().SeedAsync(Small);

        const string lastSession = "SELECT MAX(StartedAt) FROM live_sessions";
        Assert.Equal(24 * 3_600_000L, DemoSql.Scalar(tomorrow.ConnectionString, lastSession) - DemoSql.Scalar(today.ConnectionString, lastSession));
        Assert.True(DemoSql.Scalar(tomorrow.ConnectionString, "SELECT MAX(PlacedAt) FROM orders") < Morning.AddDays(1).ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task IsDatabaseEmpty_FreshDatabase_IsTrue()
    {
        await using var db = new TestDatabase();

        Assert.True(await db.Get<DemoDataSeeder>().IsDatabaseEmptyAsync());
    }

    [Theory]
    [InlineData("customer")]
    [InlineData("order")]
    [InlineData("audience")]
    [InlineData("push")]
    [InlineData("campaign")]
    [InlineData("live session")]
    public async Task IsDatabaseEmpty_OneRowOfAnyKind_IsFalse_AndSeedRefuses(string kind)
    {
        await using var db = new TestDatabase();
        await using (var context = db.NewContext())
        {
            var at = db.Time.GetUtcNow();
            switch (kind)
            {
                case "customer":
                    context.Customers.Add(new Customer { CustomerId = "c1" });
                    break;
                case "order":
                    var customer = new Customer { CustomerId = "c1" };
                    context.Customers.Add(customer);
                    await context.SaveChangesAsync();
                    context.Orders.Add(new Order { OrderId = "o1", CustomerKey = customer.Id, PlacedAt = at, Amount = 10m });
                    break;
                case "audience":
                    context.Audiences.Add(new Audience { AudienceId = "g1", Name = "群" });
                    break;
                case "push":
                    context.Pushes.Add(new Push { PushId = "p1", AudienceId = "g1", SentAt = at });
                    break;
                case "campaign":
                    context.Campaigns.Add(new Campaign { CampaignId = "k1", Name = "券", StartsAt = at });
                    break;
                default:
                    context.LiveSessions.Add(new LiveSession { LiveSessionId = "l1", StartedAt = at });
                    break;
            }
            await context.SaveChangesAsync();
        }
        var seeder = db.Get<DemoDataSeeder>();
        var before = DemoSql.Counts(db.ConnectionString);

        Assert.False(await seeder.IsDatabaseEmptyAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => seeder.SeedAsync(Small));
        Assert.Equal(before, DemoSql.Counts(db.ConnectionString));
    }
}
