using LiveOps.Core.Data.Entities;
using LiveOps.Core.Overview;
using LiveOps.Core.PushCadence;
using LiveOps.Core.Statistics;
using LiveOps.Tests.Support;

namespace LiveOps.Tests.Core.Overview;

public sealed class EvidenceCheckTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();

    public Task InitializeAsync() => Task.CompletedTask;

    private static DateTimeOffset At(int month, int day) => new(2026, month, day, 12, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task TinyShop_EveryRuleIsNotEnoughData()
    {
        // Three buyers: a member with two orders (100, 130), a non-member with one (100), one more first-timer (120).
        await using (var db = _db.NewContext())
        {
            var a = new Customer { CustomerId = "a", JoinedPrivateAt = At(1, 1) };
            var b = new Customer { CustomerId = "b" };
            var c = new Customer { CustomerId = "c" };
            db.Customers.AddRange(a, b, c);
            await db.SaveChangesAsync();
            db.Orders.AddRange(
                new Order { OrderId = "o1", CustomerKey = a.Id, PlacedAt = At(1, 5), Amount = 100m },
                new Order { OrderId = "o2", CustomerKey = a.Id, PlacedAt = At(2, 5), Amount = 130m },
                new Order { OrderId = "o3", CustomerKey = b.Id, PlacedAt = At(1, 6), Amount = 100m },
                new Order { OrderId = "o4", CustomerKey = c.Id, PlacedAt = At(1, 7), Amount = 120m });
            await db.SaveChangesAsync();
        }

        var e = (await _db.Get<OverviewKpiService>().RunAsync(new OverviewKpiQuery(new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1)))).Evidence;

        Assert.Equal(["aov", "members", "never-back", "fatigue"], e.Checks.Select(c => c.Rule));
        Assert.All(e.Checks, c => Assert.Equal(Verdict.InsufficientData, c.Verdict));
        var aov = e.Checks[0];
        Assert.Equal(130.0 / (320.0 / 3) - 1, aov.Estimate!.Value, 12);
        Assert.Null(aov.Interval); // one repeat order: no variance
        Assert.Equal(4, aov.N);
        var members = e.Checks[1];
        Assert.Equal(1.0 - 0.0, members.Estimate!.Value, 12);
        Assert.Equal(3, members.N);
        Assert.True(members.Interval!.Low < 0, $"{members.Interval}");
        var neverBack = e.Checks[2];
        Assert.Equal(2.0 / 3, neverBack.Estimate!.Value, 12);
        Assert.Equal(Intervals.Wilson(2, 3), neverBack.Interval);
        Assert.Equal(0, e.Checks[3].N);
    }

    [Fact]
    public void PlantedShop_SupportsAndRefutesWhereTheIntervalsAreClear()
    {
        // 400 first orders at 100 ± 10, 400 repeat orders at 130 ± 10: +30%, interval well above 0.
        var first = Moments.FromSums(400, 400 * 100.0, 400 * (100.0 * 100 + 10 * 10 * 399.0 / 400));
        var repeat = Moments.FromSums(400, 400 * 130.0, 400 * (130.0 * 130 + 10 * 10 * 399.0 / 400));
        // Members repurchase less (100/1000 against 300/1000); 900 of 1000 first-timers never came back.
        var fatigue = new LeaveRateComparison(0.02, 3, 0.02, 3) { OverWeekRates = [0.01, 0.02, 0.03], OkWeekRates = [0.01, 0.02, 0.03] };

        var checks = EvidenceChecks.Of(first, repeat, (100, 1000), (300, 1000), (900, 1000), fatigue);

        Assert.Equal([Verdict.Supported, Verdict.NotSupported, Verdict.Supported, Verdict.InsufficientData], checks.Select(c => c.Verdict));
        Assert.Equal(0.3, checks[0].Estimate!.Value, 9);
        Assert.Equal(10.0 * 10, first.Variance, 9);
        Assert.Equal(-0.2, checks[1].Estimate!.Value, 12);
        Assert.Equal(Intervals.Wilson(900, 1000), checks[2].Interval);
        Assert.Equal(new Interval(0, 0), new Interval(Math.Round(checks[3].Interval!.Low + checks[3].Interval!.High, 12), 0));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}
