using LiveOps.Core.Accounts;
using LiveOps.Core.Common;
using LiveOps.Core.PushCadence;
using LiveOps.Core.Store;
using LiveOps.Tests.Core.Accounts;
using LiveOps.Tests.Support;
using static LiveOps.Tests.Core.PushCadence.CadenceFixture;

namespace LiveOps.Tests.Core.PushCadence;

/// <summary>Listing, moving and cancelling planned pushes; the clock stands at Tue 2026-11-24 12:00 (Asia/Shanghai).</summary>
public abstract class PlannedPushServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly TestDatabase _db = new(provider: provider);

    private PlannedPushService Plans => _db.Get<PlannedPushService>();

    public async Task InitializeAsync() =>
        await new CadenceFixture(_db).Audience("g1", "粉丝群1").Audience("g2", "老客群")
            .Planned("g1", "2026-11-27T20:00:00", "周五秒杀")
            .Planned("g1", "2026-11-25T20:00:00")
            .Planned("g1", "2026-11-23T20:00:00", "已过去")
            .Planned("g2", "2026-11-26T20:00:00")
            .SaveAsync();

    [Fact]
    public async Task UpcomingAsync_ListsOnlyThisAudiencesPlansAhead_SoonestFirst()
    {
        var plans = await Plans.UpcomingAsync("g1");

        Assert.Equal(["2026-11-25 20:00 -", "2026-11-27 20:00 周五秒杀"],
            plans.Select(p => $"{p.PlannedAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm} {p.Title ?? "-"}"));
    }

    [Fact]
    public async Task RescheduleAsync_ATitleWithAControlCharacter_IsRefusedAndAudited_ThePlanKeepsItsTitle()
    {
        var friday = (await Plans.UpcomingAsync("g1")).Single(p => p.Title == "周五秒杀");

        var refused = await Assert.ThrowsAsync<ControlCharacterException>(
            () => Plans.RescheduleAsync(friday.Id, At("2026-12-02T21:00:00"), "下周\u202E三秒杀"));

        Assert.Equal(("title", "title: contains a control character (a line break, tab, NUL or direction override); remove it"), (refused.Field, refused.Message));
        var plans = await Plans.UpcomingAsync("g1");
        Assert.Equal(("周五秒杀", At("2026-11-27T20:00:00")), (plans[1].Title, plans[1].PlannedAt));
        var entry = Assert.Single(await _db.AuditAsync());
        Assert.Equal((AuditAction.PushPlanChanged, AuditOutcome.Rejected), (entry.Action, entry.Outcome));
        Assert.EndsWith("the title contains a control character, nothing saved", entry.Detail);
    }

    [Theory]
    [InlineData("上\u0000线")]
    [InlineData("上\u0009线")]
    [InlineData("上\u2067线")]
    [InlineData("上\u009B线")]
    public async Task PlanAsync_ATitleWithAControlCharacter_IsRefused_NothingPlanned(string title)
    {
        var before = (await Plans.UpcomingAsync("g2")).Count;

        await Assert.ThrowsAsync<ControlCharacterException>(() => _db.Get<CadenceService>().PlanAsync(["g2"], At("2026-11-28T20:00:00"), title));

        Assert.Equal(before, (await Plans.UpcomingAsync("g2")).Count);
        Assert.Equal(AuditOutcome.Rejected, Assert.Single(await _db.AuditAsync()).Outcome);
    }

    [Fact]
    public async Task RescheduleAsync_MovesThePlan_TheGridFollows_AndIsAudited()
    {
        var friday = (await Plans.UpcomingAsync("g1")).Single(p => p.Title == "周五秒杀");

        await Plans.RescheduleAsync(friday.Id, At("2026-12-02T21:00:00"), "  下周三秒杀 ");

        var plans = await Plans.UpcomingAsync("g1");
        Assert.Equal([At("2026-11-25T20:00:00"), At("2026-12-02T21:00:00")], plans.Select(p => p.PlannedAt));
        Assert.Equal("下周三秒杀", plans[1].Title);
        var report = await _db.Get<CadenceService>().RunAsync(new CadenceQuery(AudienceId: "g1"));
        // This week keeps the passed plan and Wednesday's; Friday's moved to next week.
        Assert.Equal(["2026-W48:2", "2026-W49:1"], report.Audiences.Single().PlannedLater.Select(p => $"{p.Week}:{p.Planned}"));
        var entry = Assert.Single(await _db.AuditAsync());
        Assert.Equal((AuditAction.PushPlanChanged, $"plan {friday.Id} (g1): 2026-11-27 20:00 -> 2026-12-02 21:00", AuditOutcome.Succeeded),
            (entry.Action, entry.Detail, entry.Outcome));
    }

    [Fact]
    public async Task RescheduleAsync_ToATimeThatHasPassed_IsRefused_AndNothingChanges()
    {
        var friday = (await Plans.UpcomingAsync("g1")).Single(p => p.Title == "周五秒杀");

        var refused = await Assert.ThrowsAsync<PlannedInPastException>(() => Plans.RescheduleAsync(friday.Id, At("2026-11-24T11:59:00"), null));

        Assert.Equal(At("2026-11-24T11:59:00"), refused.PlannedAt);
        Assert.Equal(At("2026-11-27T20:00:00"), (await Plans.UpcomingAsync("g1")).Single(p => p.Id == friday.Id).PlannedAt);
        Assert.Equal(AuditOutcome.Rejected, Assert.Single(await _db.AuditAsync()).Outcome);
    }

    [Fact]
    public async Task PlanAsync_AtNowOrBefore_IsRefused_AndNothingIsSaved()
    {
        var cadence = _db.Get<CadenceService>();

        await Assert.ThrowsAsync<PlannedInPastException>(() => cadence.PlanAsync(["g2"], At("2026-11-24T12:00:00"), null));

        Assert.Single(await Plans.UpcomingAsync("g2"));
        var entry = Assert.Single(await _db.AuditAsync());
        Assert.Equal((AuditAction.PushPlanned, AuditOutcome.Rejected), (entry.Action, entry.Outcome));
    }

    [Fact]
    public async Task CancelAsync_RemovesThePlan_FromTheListAndThePreSendCheck_AndIsAudited()
    {
        var wednesday = (await Plans.UpcomingAsync("g1")).Single(p => p.Title is null);

        await Plans.CancelAsync(wednesday.Id);

        Assert.Equal(["周五秒杀"], (await Plans.UpcomingAsync("g1")).Select(p => p.Title));
        var check = (await _db.Get<CadenceService>().CheckAsync(["g1"], At("2026-11-26T20:00:00"))).Single();
        // Only the plan of Monday (passed, still in the 7 days) is left beside this one.
        Assert.Equal(1, check.OtherPlansInWindow);
        var entry = Assert.Single(await _db.AuditAsync());
        Assert.Equal((AuditAction.PushPlanCancelled, $"plan {wednesday.Id} (g1) at 2026-11-25 20:00"), (entry.Action, entry.Detail));
    }

    [Fact]
    public async Task CancelAsync_AnUnknownPlan_SaysSo()
    {
        var missing = await Assert.ThrowsAsync<PlannedPushNotFoundException>(() => Plans.CancelAsync(9999));
        Assert.Equal(9999, missing.Id);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}

public sealed class PlannedPushServiceTestsOnSqlite() : PlannedPushServiceTests(DatabaseProvider.Sqlite);

public sealed class PlannedPushServiceTestsOnPostgres() : PlannedPushServiceTests(DatabaseProvider.Postgres);
