using LiveOps.Core.Overview;
using LiveOps.Core.PushCadence;
using LiveOps.Tests.Support;
using LiveOps.Core.Store;

namespace LiveOps.Tests.Core.Overview;

/// <summary>January 2026 against December 2025 on <see cref="OverviewFixture"/>.</summary>
public abstract class OverviewKpiServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly TestDatabase _db = new(provider: provider);

    public async Task InitializeAsync()
    {
        await using var db = _db.NewContext();
        await OverviewFixture.SeedAsync(db);
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

    [Fact]
    public async Task Membership_SplitsTheRangesBuyersByJoiningBeforeItsEnd_AndAddsUpToTheTotals()
    {
        var report = await January();

        // Members by Feb 1: a (300, a repeat order) and c (60, a first order); d joined at Feb 1 00:00, the range end: not yet.
        Assert.Equal(new BuyerGroup(360m, 2, 2, 1, 0.5), report.Membership.Members);
        // b: 50 (first) and 70 (repeat).
        Assert.Equal(new BuyerGroup(120m, 2, 1, 1, 1.0), report.Membership.NonMembers);
        Assert.Equal(report.Current.PaidGmv, report.Membership.Members.PaidGmv + report.Membership.NonMembers.PaidGmv);
        Assert.Equal(report.Current.Buyers, report.Membership.Members.Buyers + report.Membership.NonMembers.Buyers);
    }

    [Fact]
    public async Task ShareByWeek_ClipsTheIsoWeeksToTheRange_AndAddsUpToThePrivateDomainGmv()
    {
        var report = await January();

        // W01 (Jan 1-4 of it): a 300 (a member: private), c 60 (joined Jan 5: not yet); W02: b 50 in a private group;
        // W04: b 70 in the live room, never joined.
        Assert.Equal(
        [
            new WeeklyShare("2026-W01", 360m, 300m, 300.0 / 360),
            new WeeklyShare("2026-W02", 50m, 50m, 1.0),
            new WeeklyShare("2026-W03", 0m, 0m, null),
            new WeeklyShare("2026-W04", 70m, 0m, 0.0),
            new WeeklyShare("2026-W05", 0m, 0m, null),
        ], report.ShareByWeek);
        Assert.Equal(report.Current.PrivateDomainGmv, report.ShareByWeek.Sum(w => w.PrivateDomainGmv));
        // First orders ever: c 60 and b 50; later ones: a 300 and b 70.
        Assert.Equal((110m, 370m), (report.NewGmv, report.ReturningGmv));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}

public sealed class OverviewKpiServiceTestsOnSqlite() : OverviewKpiServiceTests(DatabaseProvider.Sqlite);

public sealed class OverviewKpiServiceTestsOnPostgres() : OverviewKpiServiceTests(DatabaseProvider.Postgres);
