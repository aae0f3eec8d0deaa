using LiveOps.Core.Data.Entities;
using LiveOps.Core.RepurchaseCycle;
using LiveOps.Core.Statistics;
using LiveOps.Core.Store;
using LiveOps.Tests.Core.LiveSessions;
using LiveOps.Tests.Support;

namespace LiveOps.Tests.Core.Levers;

public abstract class RepurchaseCycleServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateTimeOffset AsOf = new(2027, 6, 1, 0, 0, 0, TimeSpan.FromHours(8));
    private readonly TestDatabase _db = new(provider: provider);

    public Task InitializeAsync() => Task.CompletedTask;

    private static DateTimeOffset At(int month, int day, int hour = 12) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Gaps_AreDaysBetweenConsecutivePaidOrders_SplitByMembershipAtTheLaterOrder()
    {
        await using (var db = _db.NewContext())
        {
            await LiveSessionFixture.SeedAsync(db);
        }

        var report = await _db.Get<RepurchaseCycleService>().RunAsync(new RepurchaseCycleQuery(AsOf));

        // c1: 10 Nov 20:10 → 12 Nov 22:00; c3: 1 Nov 10:00 → 10 Nov 21:00; c5: 12 Nov 21:05 → 20 Nov 10:00 (the refund never counts).
        double c1 = 2 + 110 / 1440.0, c3 = 9 + 11 / 24.0, c5 = 7 + 775 / 1440.0;
        var o = report.Overall;
        Assert.Equal((3L, 3L), (o.Gaps, o.Customers));
        Assert.Equal(c5, o.P50!.Value, 9);
        Assert.Equal(c1 + (c5 - c1) / 2, o.P25!.Value, 9);
        Assert.Equal(c5 + (c3 - c5) / 2, o.P75!.Value, 9);
        Assert.Equal((2L, 1L), (report.Members.Gaps, report.NonMembers.Gaps)); // c1 and c3 had joined by their second order
        Assert.Equal(c5, report.NonMembers.P50!.Value, 9);
        Assert.Equal(3, report.ByTier.Single(t => t.Tier == "normal").Cycle.Gaps);
    }

    [Fact]
    public async Task Campaign_ComparesTheSameCustomersBeforeAndAfterItsStart()
    {
        await using (var db = _db.NewContext())
        {
            db.Campaigns.Add(new Campaign { CampaignId = "k1", Name = "会员日", Type = CampaignType.MemberPresale, StartsAt = At(12, 1, 0) });
            var p1 = new Customer { CustomerId = "p1" };
            var p2 = new Customer { CustomerId = "p2" };
            var p3 = new Customer { CustomerId = "p3" };
            var x = new Customer { CustomerId = "x" };
            db.Customers.AddRange(p1, p2, p3, x);
            await db.SaveChangesAsync();
            db.CampaignEvents.AddRange(
                new CampaignEvent { CampaignId = "k1", CustomerKey = p1.Id, At = At(12, 1), Stage = CampaignStage.Exposed },
                new CampaignEvent { CampaignId = "k1", CustomerKey = p2.Id, At = At(12, 1), Stage = CampaignStage.Clicked });
            var n = 0;
            Order O(Customer c, DateTimeOffset at, string? campaign = null) => new() { OrderId = $"o{++n}", CustomerKey = c.Id, PlacedAt = at, Amount = 10m, CampaignId = campaign };
            // p1: every 10 days before (1, 11, 21 Nov), every 5 after (1, 6, 11 Dec); the 21 Nov → 1 Dec gap straddles the start.
            db.Orders.AddRange(O(p1, At(11, 1)), O(p1, At(11, 11)), O(p1, At(11, 21)), O(p1, At(12, 1)), O(p1, At(12, 6)), O(p1, At(12, 11)));
            // p2: 8 days before (2 → 10 Nov), 4 after (3 → 7 Dec).
            db.Orders.AddRange(O(p2, At(11, 2)), O(p2, At(11, 10)), O(p2, At(12, 3)), O(p2, At(12, 7)));
            // p3 joins by an order naming k1 but has no gap before; x does not take part.
            db.Orders.AddRange(O(p3, At(12, 2), "k1"), O(p3, At(12, 9)), O(x, At(11, 1)), O(x, At(11, 2)), O(x, At(12, 20)));
            await db.SaveChangesAsync();
        }

        var k1 = (await _db.Get<RepurchaseCycleService>().RunAsync(new RepurchaseCycleQuery(AsOf, "k1"))).Campaigns.Single();

        Assert.Equal((3L, 2L), (k1.Participants, k1.Customers));
        Assert.Equal((3L, 8.0 + (10 - 8) / 2.0, 10.0, 10.0), (k1.Before.Gaps, k1.Before.P25!.Value, k1.Before.P50!.Value, k1.Before.P75!.Value));
        Assert.Equal((3L, 5.0), (k1.After.Gaps, k1.After.P50!.Value));
        // Per-customer change in the median gap: p1 10 − 5 = 5, p2 8 − 4 = 4; median 4.5.
        Assert.Equal(4.5, k1.Shortened.Estimate!.Value, 12);
        Assert.Equal(IntervalMethod.Bootstrap, k1.Shortened.Method);
        Assert.Equal(Verdict.Supported, k1.Shortened.Verdict); // every resample lies in [4, 5]
        Assert.Equal(new Interval(4, 5), k1.Shortened.Interval);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}

public sealed class RepurchaseCycleServiceTestsOnSqlite() : RepurchaseCycleServiceTests(DatabaseProvider.Sqlite);

public sealed class RepurchaseCycleServiceTestsOnPostgres() : RepurchaseCycleServiceTests(DatabaseProvider.Postgres);
