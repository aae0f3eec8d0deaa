using LiveOps.Core.Data.Entities;
using LiveOps.Core.Overview;
using LiveOps.Core.PushCadence;
using LiveOps.Tests.Support;
using LiveOps.Core.Data.Providers;

namespace LiveOps.Tests.Core.Overview;

/// <summary>
/// January 2026 against December 2025 (a year boundary), worked out by hand:
/// a joined 2025-12-15: 100 on 2025-11-01, 200 on 2025-12-31 23:59:59, 300 on 2026-01-01 00:00 (all paid);
/// b never joined: 50 on Jan 10 in a private group (first), 70 on Jan 20 in the live room;
/// c joined Jan 5: 60 on Jan 2 (before joining), 500 refunded on Jan 3;
/// d joined 2026-02-01 00:00 and ordered 10 then (both at the range end: outside);
/// e never joined: 80 on 2025-10-01 and nothing after.
/// </summary>
public abstract class OverviewKpiServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private readonly TestDatabase _db = new(provider: provider);

    private static DateTimeOffset At(int year, int month, int day, int hour = 12, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, Shanghai);

    public async Task InitializeAsync()
    {
        await using var db = _db.NewContext();
        Customer C(string id, DateTimeOffset? joined = null) => new() { CustomerId = id, JoinedPrivateAt = joined };
        var customers = new[] { C("a", At(2025, 12, 15)), C("b"), C("c", At(2026, 1, 5)), C("d", At(2026, 2, 1, 0)), C("e") };
        db.Customers.AddRange(customers);
        await db.SaveChangesAsync();
        var n = 0;
        Order O(int customer, DateTimeOffset at, decimal amount, OrderChannel? channel = null, OrderStatus status = OrderStatus.Paid) =>
            new() { OrderId = $"o{++n}", CustomerKey = customers[customer].Id, PlacedAt = at, Amount = amount, Channel = channel, Status = status };
        db.Orders.AddRange(
            O(0, At(2025, 11, 1), 100m),
            O(0, At(2025, 12, 31, 23, 59, 59), 200m),
            O(0, At(2026, 1, 1, 0), 300m),
            O(1, At(2026, 1, 10), 50m, OrderChannel.PrivateGroup),
            O(1, At(2026, 1, 20), 70m, OrderChannel.LiveRoom),
            O(2, At(2026, 1, 2), 60m),
            O(2, At(2026, 1, 3), 500m, status: OrderStatus.Refunded),
            O(3, At(2026, 2, 1, 0), 10m),
            O(4, At(2025, 10, 1), 80m));
        db.Campaigns.AddRange(
            new Campaign { CampaignId = "in", Name = "一月券", Type = CampaignType.ExclusiveCoupon, StartsAt = At(2026, 1, 15), EndsAt = At(2026, 1, 20) },
            new Campaign { CampaignId = "open", Name = "常驻", Type = CampaignType.Content, StartsAt = At(2025, 6, 1) },
            new Campaign { CampaignId = "ended", Name = "年末", Type = CampaignType.HookProduct, StartsAt = At(2025, 12, 1), EndsAt = At(2025, 12, 31, 23) },
            new Campaign { CampaignId = "later", Name = "二月", Type = CampaignType.LotteryJoin, StartsAt = At(2026, 2, 1, 0) });
        await db.SaveChangesAsync();
    }

    private Task<OverviewKpiReport> January() =>
        _db.Get<OverviewKpiService>().RunAsync(new OverviewKpiQuery(new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1)));

    [Fact]
    public async Task January_CountsPaidOrdersFromItsFirstInstant_RefundsAndTheRangeEndLeftOut()
    {
        var k = (await January()).Current;

        Assert.Equal(new RangeKpis(480m, 4, 3, 2, 2.0 / 3, 350m, 350.0 / 480, 1), k);
    }

    [Fact]
    public async Task PreviousRange_IsDecember_TheSameThirtyOneDaysBeforeTheYearTurns()
    {
        var report = await January();

        Assert.Equal(new OverviewKpiQuery(new DateOnly(2025, 12, 1), new DateOnly(2026, 1, 1)), report.Query.Previous);
        // Only a's 200 at 23:59:59 on New Year's Eve; a had joined, and it is a's second order.
        Assert.Equal(new RangeKpis(200m, 1, 1, 1, 1.0, 200m, 1.0, 1), report.Previous);
    }

    [Fact]
    public void PreviousRange_AcrossAMonthBoundary_HasTheSameNumberOfDays()
    {
        var march = new OverviewKpiQuery(new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1));

        Assert.Equal(new OverviewKpiQuery(new DateOnly(2026, 1, 29), new DateOnly(2026, 3, 1)), march.Previous);
        Assert.Equal(31, march.Previous.Days);
        Assert.Equal(new OverviewKpiQuery(new DateOnly(2026, 11, 25), new DateOnly(2026, 12, 25)), OverviewKpiQuery.LastDays(30, new DateOnly(2026, 12, 24)));
    }

    [Fact]
    public async Task CampaignsRunning_AreThoseActiveAtAnyPointOfTheRange()
    {
        Assert.Equal(2, (await January()).CampaignsRunning);
    }

    [Fact]
    public async Task Evidence_ComparesRepeatWithFirstOrders_MembersWithOthers_AndCountsBuyersWhoNeverCameBack()
    {
        var e = (await January()).Evidence;

        // First orders a100 b50 c60 e80; repeat orders a200 a300 b70.
        Assert.Equal((72.5m, 4L, 190m, 3L), (e.FirstOrderAverage!.Value, e.FirstOrders, e.RepeatOrderAverage!.Value, e.RepeatOrders));
        Assert.Equal(190.0 / 72.5 - 1, e.RepeatPremium!.Value, 12);
        // Members by the range end: a (repeats), c (does not). Others: b (repeats), e (does not).
        Assert.Equal((0.5, 2L, 0.5, 2L), (e.MemberRepeatRate!.Value, e.MemberBuyers, e.NonMemberRepeatRate!.Value, e.NonMemberBuyers));
        // First orders 90+ days before Feb 1: a (came back) and e (never did).
        Assert.Equal((0.5, 2L), (e.NeverReturnedShare!.Value, e.MatureFirstTimeBuyers));
        Assert.Equal(LeaveRateComparison.Empty, e.LeaveRates);
    }

    [Fact]
    public async Task DailyGmv_SplitsFirstOrdersFromLaterOnes_AndJoinsAreCountedPerIsoWeek()
    {
        var report = await January();

        Assert.Equal(31, report.Days.Count);
        var busy = report.Days.Where(d => d.NewGmv + d.ReturningGmv > 0).Select(d => $"{d.Date:MM-dd}:{d.NewGmv}:{d.ReturningGmv}");
        Assert.Equal(["01-01:0:300", "01-02:60:0", "01-10:50:0", "01-20:0:70"], busy);
        // Jan 1 2026 is a Thursday of 2026-W01; c joined on Jan 5 (W02); a (Dec 15) and d (Feb 1 00:00) are outside.
        Assert.Equal(["2026-W01:0", "2026-W02:1", "2026-W03:0", "2026-W04:0", "2026-W05:0"],
            report.JoinsByWeek.Select(w => $"{w.Week}:{w.Joined}"));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}

public sealed class OverviewKpiServiceTestsOnSqlite() : OverviewKpiServiceTests(DatabaseProvider.Sqlite);

public sealed class OverviewKpiServiceTestsOnPostgres() : OverviewKpiServiceTests(DatabaseProvider.Postgres);
