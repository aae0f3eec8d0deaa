using LiveOps.Core.Data.Entities;
using LiveOps.Core.PushCadence;
using LiveOps.Tests.Support;
using static LiveOps.Tests.Core.PushCadence.CadenceFixture;
using LiveOps.Core.Store;

namespace LiveOps.Tests.Core.PushCadence;

/// <summary>The weekly report on a real SQLite file; the clock stands at Tue 2026-11-24 12:00 (2026-W48).</summary>
public abstract class CadenceServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly TestDatabase _db = new(provider: provider);

    private CadenceService Service => _db.Get<CadenceService>();

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task RunAsync_SundayLastSecond_BelongsToItsWeek_MondayMidnight_ToTheNext()
    {
        await new CadenceFixture(_db).Audience("g1", "群一")
            .Promotions("g1", "2026-11-15T23:59:59", "2026-11-16T00:00:00")
            .SaveAsync();

        var weeks = (await Service.RunAsync(new CadenceQuery())).Audiences.Single().Weeks;

        Assert.Equal(["2026-W46:1", "2026-W47:1", "2026-W48:0"], weeks.Select(w => $"{w.Week}:{w.Pushes}"));
    }

    [Fact]
    public async Task RunAsync_UtcTimestampAfterSixteenOnSunday_LandsInNextLocalWeek()
    {
        await new CadenceFixture(_db).Audience("g1", "群一")
            .Promotions("g1", "2026-11-08T12:00:00", "2026-11-15T16:30:00Z")
            .SaveAsync();

        var weeks = (await Service.RunAsync(new CadenceQuery(AsOf: At("2026-11-18T12:00:00")))).Audiences.Single().Weeks;

        // 16:30Z on Sunday the 15th is 00:30 on Monday the 16th in Shanghai.
        Assert.Equal(["2026-W45:1:under", "2026-W46:0:under", "2026-W47:1:partial"],
            weeks.Select(w => $"{w.Week}:{w.Pushes}:{w.Status.ToString().ToLowerInvariant()}"));
    }

    [Fact]
    public async Task RunAsync_ContentAndServicePushes_AreShownButNotCounted()
    {
        await new CadenceFixture(_db).Audience("g1", "群一")
            .Push("g1", "2026-11-16T10:00:00")
            .Push("g1", "2026-11-17T10:00:00", PushKind.Content)
            .Push("g1", "2026-11-18T10:00:00", PushKind.Content)
            .Push("g1", "2026-11-19T10:00:00", PushKind.Content)
            .Push("g1", "2026-11-20T10:00:00", PushKind.Service)
            .Push("g1", "2026-11-21T10:00:00", PushKind.Service)
            .SaveAsync();

        var report = await Service.RunAsync(new CadenceQuery());
        var w47 = report.Audiences.Single().Weeks[0];

        Assert.Equal(("2026-W47", 1, CadenceStatus.Under, 3, 2), (w47.Week, w47.Pushes, w47.Status, w47.ContentPushes, w47.ServicePushes));
        Assert.Equal([new CadenceWarning("g1", "2026-W47", 1, CadenceStatus.Under)], report.Warnings);
    }

    [Fact]
    public async Task RunAsync_RunningWeek_IsPartialWithoutPushes_OverOnceOver()
    {
        await new CadenceFixture(_db).Audience("quiet", "没推").Audience("loud", "推多了")
            .Promotions("loud", "2026-11-23T09:00:00", "2026-11-23T12:00:00", "2026-11-23T15:00:00", "2026-11-24T09:00:00")
            .SaveAsync();

        var report = await Service.RunAsync(new CadenceQuery(From: At("2026-11-23T00:00:00")));

        Assert.Equal(["loud:2026-W48:4:Over", "quiet:2026-W48:0:Partial"],
            report.Audiences.SelectMany(a => a.Weeks.Select(w => $"{a.AudienceId}:{w.Week}:{w.Pushes}:{w.Status}")));
        Assert.Equal([new CadenceWarning("loud", "2026-W48", 4, CadenceStatus.Over)], report.Warnings);
    }

    [Fact]
    public async Task RunAsync_ToInTheFuture_NeverListsWeeksAfterAsOf_AudienceWithoutPushesHasNoWeeks()
    {
        await new CadenceFixture(_db).Audience("g1", "群一").Audience("g2", "新群")
            .Promotions("g1", "2026-11-17T10:00:00", "2026-11-18T10:00:00", "2026-12-02T10:00:00")
            .SaveAsync();

        var report = await Service.RunAsync(new CadenceQuery(To: At("2027-01-01T00:00:00")));

        Assert.Equal(["2026-W47", "2026-W48"], report.Audiences[0].Weeks.Select(w => w.Week));
        Assert.Empty(report.Audiences[1].Weeks);
    }

    [Fact]
    public async Task RunAsync_LeaveRates_OverWeeksAgainstWeeksWithinTheGuideline()
    {
        // Hand-computed: member_count 50 now; joins c1 (before range), c5, c7; leaves c2, c3, c4, c6.
        await new CadenceFixture(_db).Audience("f1", "疲劳群", members: 50)
            .Promotions("f1", "2026-11-02T10:00:00", "2026-11-03T10:00:00", "2026-11-04T10:00:00", "2026-11-08T22:00:00")
            .Promotions("f1", "2026-11-10T10:00:00", "2026-11-12T10:00:00")
            .Promotions("f1", "2026-11-17T10:00:00", "2026-11-19T10:00:00", "2026-11-21T10:00:00")
            .Event("f1", "c1", "2026-11-01T09:00:00", AudienceEventType.Joined)
            .Event("f1", "c2", "2026-11-03T12:00:00", AudienceEventType.Left)   // 2 h after a W45 push
            .Event("f1", "c4", "2026-11-07T12:00:00", AudienceEventType.Left)   // 74 h after the last push: not counted
            .Event("f1", "c3", "2026-11-09T08:00:00", AudienceEventType.Left)   // Monday, 10 h after Sunday's W45 push
            .Event("f1", "c5", "2026-11-11T12:00:00", AudienceEventType.Joined)
            .Event("f1", "c6", "2026-11-12T20:00:00", AudienceEventType.Left)   // 10 h after a W46 push
            .Event("f1", "c7", "2026-11-23T10:00:00", AudienceEventType.Joined)
            .SaveAsync();

        var audience = (await Service.RunAsync(new CadenceQuery(From: At("2026-11-02T00:00:00")))).Audiences.Single();
        var w = audience.Weeks;

        Assert.Equal([CadenceStatus.Over, CadenceStatus.Ok, CadenceStatus.Ok, CadenceStatus.Partial], w.Select(x => x.Status));
        Assert.Equal([52, 50, 49, 49], w.Select(x => x.MembersAtStart!.Value));
        Assert.Equal([2, 1, 0, 0], w.Select(x => x.LeavesAfterPromotion));
        Assert.Equal([2, 2, 0, 0], w.Select(x => x.Leaves));
        Assert.Equal(2.0 / 52, w[0].LeaveRate);
        Assert.Equal(1.0 / 50, w[1].LeaveRate);
        Assert.Equal(new LeaveRateComparison(2.0 / 52, 1, (1.0 / 50 + 0.0) / 2, 2), audience.LeaveRates);
    }

    [Fact]
    public async Task FatigueAsync_TwelveCompletedWeeksBeforeTheEnd_OneFigureForOverviewAndCadence()
    {
        await new CadenceFixture(_db).Audience("f1", "疲劳群", members: 100)
            .Promotions("f1", "2026-10-12T10:00:00", "2026-10-13T10:00:00", "2026-10-14T10:00:00", "2026-10-15T10:00:00")
            .Promotions("f1", "2026-11-10T10:00:00", "2026-11-12T10:00:00")
            .Promotions("f1", "2026-11-23T10:00:00", "2026-11-23T11:00:00", "2026-11-23T12:00:00", "2026-11-24T10:00:00")
            .Event("f1", "c1", "2026-10-13T12:00:00", AudienceEventType.Left)
            .Event("f1", "c2", "2026-10-14T12:00:00", AudienceEventType.Left)
            .Event("f1", "c3", "2026-11-12T20:00:00", AudienceEventType.Left)
            .Event("f1", "c4", "2026-11-24T11:00:00", AudienceEventType.Left)
            .SaveAsync();

        var now = await Service.FatigueAsync(At("2026-11-25T00:00:00"));
        var earlier = await Service.FatigueAsync(At("2026-11-09T00:00:00"));

        // The running week (over-pushed, one leave) is left out; a later end is cut at now.
        Assert.Equal(("2026-W36", "2026-W47", 12), (now.FirstWeek.ToString(), now.LastWeek.ToString(), now.Weeks));
        Assert.Equal(new LeaveRateComparison(2.0 / 104, 1, 1.0 / 102, 1), now.Rates);
        // An Overview range ending Monday 2026-11-09 covers 2026-W34 … 2026-W45: the W46 week is not in it yet.
        Assert.Equal(("2026-W34", "2026-W45"), (earlier.FirstWeek.ToString(), earlier.LastWeek.ToString()));
        Assert.Equal(new LeaveRateComparison(2.0 / 104, 1, null, 0), earlier.Rates);
        var overview = await _db.Get<LiveOps.Core.Overview.OverviewKpiService>().RunAsync(_db.Get<LiveOps.Core.Overview.OverviewKpiService>().LastDays(30));
        Assert.Equal(now.Rates, overview.Evidence.LeaveRates);
        Assert.Equal((now.FirstWeek, now.LastWeek), (overview.Evidence.FatigueWeeks!.FirstWeek, overview.Evidence.FatigueWeeks.LastWeek));
    }

    [Fact]
    public async Task RunAsync_WithoutMemberCount_MembersAreJoinsMinusLeavesBeforeTheWeek()
    {
        await new CadenceFixture(_db).Audience("n1", "无成员数")
            .Promotions("n1", "2026-11-17T10:00:00", "2026-11-18T10:00:00")
            .Event("n1", "a", "2026-11-01T10:00:00", AudienceEventType.Joined)
            .Event("n1", "b", "2026-11-02T10:00:00", AudienceEventType.Joined)
            .Event("n1", "c", "2026-11-03T10:00:00", AudienceEventType.Joined)
            .Event("n1", "d", "2026-11-17T09:00:00", AudienceEventType.Joined)
            .Event("n1", "a", "2026-11-18T11:00:00", AudienceEventType.Left)
            .SaveAsync();

        var weeks = (await Service.RunAsync(new CadenceQuery())).Audiences.Single().Weeks;

        // W47 starts with a, b, c; W48 with b, c, d. The leave came 1 h after Wednesday's push.
        Assert.Equal([3, 3], weeks.Select(w => w.MembersAtStart!.Value));
        Assert.Equal(1.0 / 3, weeks[0].LeaveRate);
    }

    [Fact]
    public async Task RunAsync_WeComDailyLimit_ListsSecondSendOfTheDay_OnlyForWeComAudiences()
    {
        await using var db = new TestDatabase(provider: provider, configure: o => o.PushCadence.WeCom.MaxPerCustomerPerDay = 1);
        await new CadenceFixture(db)
            .Audience("w1", "企微客户", AudienceKind.WecomContacts).Audience("g1", "微信群")
            .Push("w1", "2026-11-17T10:00:00", id: "w1-a").Push("w1", "2026-11-17T20:00:00", PushKind.Content, id: "w1-b")
            .Push("w1", "2026-11-18T10:00:00", id: "w1-c")
            .Push("g1", "2026-11-17T10:00:00", id: "g1-a").Push("g1", "2026-11-17T20:00:00", id: "g1-b")
            .SaveAsync();

        var report = await db.Get<CadenceService>().RunAsync(new CadenceQuery());

        Assert.True(report.WeComRuleEnabled);
        Assert.Empty(report.Audiences.Single(a => a.AudienceId == "g1").WeComBlocked);
        var blocked = Assert.Single(report.Audiences.Single(a => a.AudienceId == "w1").WeComBlocked);
        Assert.Equal(("w1-b", WeComLimitKind.PerCustomerPerDay), (blocked.PushId, blocked.Limit));
    }

    [Fact]
    public async Task CheckAsync_RollingWindowAcrossWeekBoundary_OverMaximumOnAFreshWeek()
    {
        await new CadenceFixture(_db).Audience("g1", "群一").Audience("g2", "群二")
            .Promotions("g1", "2026-11-20T20:00:00", "2026-11-21T20:00:00", "2026-11-22T20:00:00")
            .Promotions("g2", "2026-11-16T19:59:59", "2026-11-22T20:00:00")
            .Push("g2", "2026-11-21T20:00:00", PushKind.Content)
            .SaveAsync();

        var checks = await Service.CheckAsync(["g1", "g2", "g3"], At("2026-11-23T20:00:00"));

        Assert.Equal(
            ["g1:群一:4:OverMaximum", "g2:群二:2:Fine", "g3:g3:1:UnderMinimum"],
            checks.Select(c => $"{c.AudienceId}:{c.Name}:{c.PromotionsInWindow}:{c.Verdict}"));
        Assert.All(checks, c => Assert.False(c.InQuietHours));
    }

    [Fact]
    public async Task CheckAsync_QuietHoursAcrossMidnight_FlagsLateNightAndEarlyMorning()
    {
        await new CadenceFixture(_db).Audience("g1", "群一").SaveAsync();

        var lateNight = await Service.CheckAsync(["g1"], At("2026-11-25T23:30:00"));
        var earlyMorning = await Service.CheckAsync(["g1"], At("2026-11-25T23:59:00Z")); // 07:59 local
        var eight = await Service.CheckAsync(["g1"], At("2026-11-26T08:00:00"));

        Assert.True(lateNight.Single().InQuietHours);
        Assert.True(earlyMorning.Single().InQuietHours);
        Assert.False(eight.Single().InQuietHours);
    }

    [Fact]
    public async Task PlanAsync_SavedPlan_ShowsAsPlanned_NeverCountsAsSent()
    {
        await new CadenceFixture(_db).Audience("g1", "群一")
            .Promotions("g1", "2026-11-23T10:00:00", "2026-11-24T10:00:00", "2026-11-24T11:00:00")
            .SaveAsync();

        await Service.PlanAsync(["g1"], At("2026-11-26T20:00:00"), "周四秒杀");
        await Service.PlanAsync(["g1"], At("2026-12-01T20:00:00"), null);
        var report = await Service.RunAsync(new CadenceQuery());
        var checks = await Service.CheckAsync(["g1"], At("2026-11-27T20:00:00"));

        var week = report.Audiences.Single().Weeks.Single();
        Assert.Equal((3, 1, CadenceStatus.Partial), (week.Pushes, week.Planned, week.Status));
        Assert.Equal(["2026-W49:1"], report.Audiences.Single().PlannedLater.Select(p => $"{p.Week}:{p.Planned}"));
        Assert.Equal((4, PreSendVerdict.OverMaximum, 1), (checks.Single().PromotionsInWindow, checks.Single().Verdict, checks.Single().OtherPlansInWindow));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}

public sealed class CadenceServiceTestsOnSqlite() : CadenceServiceTests(DatabaseProvider.Sqlite);

public sealed class CadenceServiceTestsOnPostgres() : CadenceServiceTests(DatabaseProvider.Postgres);
