using LiveOps.Core.Acquisition;
using LiveOps.Core.Cohorts;
using LiveOps.Core.InviteTiming;
using LiveOps.Core.Store;
using LiveOps.Tests.Core.LiveSessions;
using LiveOps.Tests.Support;

namespace LiveOps.Tests.Core.Levers;

/// <summary>
/// Acquisition cohorts and invite timing on <see cref="LiveSessionFixture"/>, as of 1 June 2027 (every first order is
/// over 180 days old): s1 brought c1, c2, c8; s2 brought c4, c5, c6, c7; c3's first order had no session.
/// </summary>
public abstract class AcquisitionServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateTimeOffset AsOf = new(2027, 6, 1, 0, 0, 0, TimeSpan.FromHours(8));
    private readonly TestDatabase _db = new(provider: provider);

    public async Task InitializeAsync()
    {
        await using var db = _db.NewContext();
        await LiveSessionFixture.SeedAsync(db);
    }

    [Fact]
    public async Task EachSession_GetsTheFirstTimeBuyersItBrought_TheirRepeatLtvAndJoins()
    {
        var report = await _db.Get<AcquisitionService>().RunAsync(new AcquisitionQuery(AsOf));

        var s1 = report.Find("s1")!.Cohort;
        Assert.Equal((3L, 1L, 1.0 / 3, 200m, 2L), (s1.Buyers, s1.Repeat90.Repeaters, s1.Repeat90.Rate!.Value, s1.Ltv, s1.Joined));
        var s2 = report.Find("s2")!.Cohort;
        Assert.Equal((4L, 1L, 180m, 45m, 3L, 0.75), (s2.Buyers, s2.Repeat30.Repeaters, s2.Ltv, s2.LtvPerBuyer!.Value, s2.Joined, s2.JoinShare!.Value));
        Assert.Equal(0, report.Find("s3")!.Cohort.Buyers);
        Assert.Equal((1L, 230m), (report.Outside.Buyers, report.Outside.Ltv));
        Assert.Equal(["normal", "silver", "gold"], report.Tiers);
        Assert.Equal([8L, 0L, 0L], report.Total.TierCustomers);
    }

    [Fact]
    public async Task SessionsPlusOutside_AddUpToThePlainCohort()
    {
        var report = await _db.Get<AcquisitionService>().RunAsync(new AcquisitionQuery(AsOf));
        var cohorts = await _db.Get<CohortService>().RunAsync(new CohortQuery { To = AsOf });

        var parts = report.Sessions.Select(s => s.Cohort).Append(report.Outside).ToList();
        var total = report.Total;
        Assert.Equal(cohorts.Kpis.Customers, (int)total.Buyers);
        Assert.Equal((8L, 3L, 610m, 6L), (total.Buyers, total.Repeat180.Repeaters, total.Ltv, total.Joined));
        Assert.Equal(total.Buyers, parts.Sum(p => p.Buyers));
        Assert.Equal(total.Ltv, parts.Sum(p => p.Ltv));
        Assert.Equal(total.Joined, parts.Sum(p => p.Joined));
        foreach (var w in new Func<AcquisitionCohort, RepeatWithin>[] { c => c.Repeat30, c => c.Repeat90, c => c.Repeat180 })
        {
            Assert.Equal(w(total).Eligible, parts.Sum(p => w(p).Eligible));
            Assert.Equal(w(total).Repeaters, parts.Sum(p => w(p).Repeaters));
        }
        Assert.Equal(total.TierCustomers, Enumerable.Range(0, 3).Select(r => parts.Sum(p => p.TierCustomers[r])));
    }

    [Fact]
    public async Task RepeatWindows_OnlyCountBuyersOldEnough()
    {
        // As of 2 Dec 2026 (fixture's first orders 1–12 Nov): nobody is 30 days old except c3 (1 Nov).
        var report = await _db.Get<AcquisitionService>().RunAsync(new AcquisitionQuery(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.FromHours(8))));

        Assert.Equal((1L, 1L), (report.Total.Repeat30.Eligible, report.Total.Repeat30.Repeaters));
        Assert.Null(report.Find("s1")!.Cohort.Repeat30.Rate);
    }

    [Fact]
    public async Task InviteTiming_BucketsEachNewBuyersJoinByMinutesAfterTheirFirstOrder()
    {
        var report = await _db.Get<InviteTimingService>().RunAsync(new InviteTimingQuery("s2"));

        // c7 joined before ordering, c6 20 min after, c4 240 min after, c5 never.
        Assert.Equal(4, report.Buyers);
        Assert.Equal(["before:1", "0-5:0", "5-15:0", "15-30:1", "30-60:0", "60-120:0", "120-1440:1", "1440+:0", "never:1"],
            report.Buckets.Select(b => $"{b.Key}:{b.Buyers}"));
        Assert.Equal(0.5, report.Buckets.Single(b => b.Key == "120-1440").Cumulative);
        // 20:00 to 01:00 (assumed end 23:00 + 2 h): 301 minutes; orders at 21:00, 21:05, 20:10, 20:40, 22:00; joins at 20:30 and 01:00.
        Assert.Equal(301, report.Minutes.Count);
        Assert.Equal([10, 40, 60, 65, 120], report.Minutes.Where(m => m.Orders > 0).Select(m => m.Minute));
        Assert.Equal([30, 300], report.Minutes.Where(m => m.Joins > 0).Select(m => m.Minute));
    }

    [Fact]
    public async Task InviteTiming_AllSessions_PoolsEveryNewBuyerOfASession()
    {
        var report = await _db.Get<InviteTimingService>().RunAsync(new InviteTimingQuery());

        Assert.Equal(7, report.Buyers);
        Assert.Equal(3, report.Buckets.Single(b => b.Key == "120-1440").Buyers);
        Assert.Equal(2, report.Buckets.Single(b => b.Key == "never").Buyers);
        Assert.Empty(report.Minutes);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}

public sealed class AcquisitionServiceTestsOnSqlite() : AcquisitionServiceTests(DatabaseProvider.Sqlite);

public sealed class AcquisitionServiceTestsOnPostgres() : AcquisitionServiceTests(DatabaseProvider.Postgres);
