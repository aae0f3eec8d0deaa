using LiveOps.Core.Accounts;
using LiveOps.Core.Import;
using LiveOps.Core.PushCadence;
using LiveOps.Core.Tiers;
using LiveOps.Tests.Core.Import;
using LiveOps.Tests.Core.PushCadence;
using LiveOps.Tests.Core.Tiers;
using LiveOps.Tests.Support;
using Microsoft.Data.Sqlite;
using static LiveOps.Tests.Core.Accounts.AccountsTestKit;

namespace LiveOps.Tests.Core.Accounts;

/// <summary>
/// Each role against each write service, at the service level (what a crafted request reaches):
/// allowed actions succeed and are audited, the rest throw <see cref="AccessDeniedException"/>, write nothing and are audited as refused.
/// </summary>
public sealed class RolePermissionTests : IAsyncLifetime
{
    private readonly SettableActorAccessor _actors = new();
    private TestDatabase _db = default!;

    private const string Orders = """
        order_id,customer_id,placed_at,amount,status
        R1,u1,2026-10-01 10:00:00,100.00,paid
        R2,u2,2026-10-02 11:00:00,200.50,paid

        """;

    public Task InitializeAsync()
    {
        _db = DatabaseWith(_actors);
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData(Role.Admin, Permission.Import, true)]
    [InlineData(Role.Admin, Permission.PublishTierRules, true)]
    [InlineData(Role.Admin, Permission.PlanPushes, true)]
    [InlineData(Role.Admin, Permission.ManageUsers, true)]
    [InlineData(Role.Admin, Permission.ViewAudit, true)]
    [InlineData(Role.Operator, Permission.Import, true)]
    [InlineData(Role.Operator, Permission.PublishTierRules, true)]
    [InlineData(Role.Operator, Permission.PlanPushes, true)]
    [InlineData(Role.Operator, Permission.ManageUsers, false)]
    [InlineData(Role.Operator, Permission.ViewAudit, false)]
    [InlineData(Role.Lead, Permission.Import, false)]
    [InlineData(Role.Lead, Permission.PublishTierRules, false)]
    [InlineData(Role.Lead, Permission.PlanPushes, false)]
    [InlineData(Role.Lead, Permission.ManageUsers, false)]
    [InlineData(Role.Lead, Permission.ViewAudit, true)]
    [InlineData(Role.Admin, Permission.CreateActions, true)]
    [InlineData(Role.Operator, Permission.CreateActions, true)]
    [InlineData(Role.Lead, Permission.CreateActions, false)]
    public void May_FollowsTheRoleMatrix(Role role, Permission permission, bool allowed) =>
        Assert.Equal(allowed, Roles.May(role, permission));

    [Theory]
    [InlineData(Role.Admin)]
    [InlineData(Role.Operator)]
    public async Task Import_ByAnEditor_WritesAndAuditsKindRowsAndOutcome(Role role)
    {
        _actors.Current = As(role);

        var result = await _db.ImportTextAsync(ImportKind.Orders, Orders);

        Assert.True(result.Succeeded);
        Assert.Equal(2L, Count("orders"));
        var entry = Assert.Single(await _db.AuditAsync());
        Assert.Equal((As(role).Name, AuditAction.Import, "orders: 2 rows (2 added, 0 updated)", AuditOutcome.Succeeded),
            (entry.Actor, entry.Action, entry.Detail, entry.Outcome));
        Assert.Equal(_db.Time.GetUtcNow(), entry.At);
    }

    [Fact]
    public async Task Import_ByALead_IsRefused_WritesNothing_AndIsAuditedAsRefused()
    {
        _actors.Current = As(Role.Lead);

        var refusal = await Assert.ThrowsAsync<AccessDeniedException>(() => _db.ImportTextAsync(ImportKind.Orders, Orders));

        Assert.Equal(Permission.Import, refusal.Permission);
        Assert.Equal(0L, Count("orders"));
        Assert.Equal(0L, Count("customers"));
        var entry = Assert.Single(await _db.AuditAsync());
        Assert.Equal(("lead@shop.test", AuditAction.Import, "orders", AuditOutcome.Refused), (entry.Actor, entry.Action, entry.Detail, entry.Outcome));
    }

    [Fact]
    public async Task Import_ByNobodySignedIn_IsRefused()
    {
        _actors.Current = Actor.Anonymous;

        await Assert.ThrowsAsync<AccessDeniedException>(() => _db.ImportTextAsync(ImportKind.Orders, Orders));

        Assert.Equal(0L, Count("orders"));
    }

    [Fact]
    public async Task Import_RejectedFile_IsAuditedAsRejectedWithItsProblemCount()
    {
        _actors.Current = As(Role.Operator);

        var result = await _db.ImportTextAsync(ImportKind.Orders, "order_id,customer_id,placed_at,amount,status\nX1,u1,not a date,1.00,paid\n");

        Assert.False(result.Succeeded);
        var entry = Assert.Single(await _db.AuditAsync());
        Assert.Equal(("orders: 1 rows, 1 problems, nothing written", AuditOutcome.Rejected), (entry.Detail, entry.Outcome));
    }

    [Fact]
    public async Task PublishTierRules_ByAnOperator_IsAuthoredByThem_WhateverAuthorThePageNames()
    {
        _actors.Current = As(Role.Operator);

        var result = await _db.Get<TierRuleSetService>().PublishAsync(TierRulesFixtures.Default, TierRuleSources.Editor, "someone else", default);

        Assert.True(result.Succeeded);
        Assert.Equal("operator@shop.test", result.Version!.Author);
        var entry = Assert.Single(await _db.AuditAsync(), e => e.Action == AuditAction.TierRulesPublish);
        Assert.Equal(($"editor: version {result.Version.Id}, 3 tiers", AuditOutcome.Succeeded), (entry.Detail, entry.Outcome));
    }

    [Fact]
    public async Task PublishTierRules_ByALead_IsRefused_AndNoVersionIsAdded()
    {
        _actors.Current = As(Role.Lead);
        var rules = _db.Get<TierRuleSetService>();

        await Assert.ThrowsAsync<AccessDeniedException>(() => rules.PublishAsync(TierRulesFixtures.Default, TierRuleSources.Editor, null, default));

        // Only the configured first version exists (reading seeds it; no one publishes).
        Assert.Single(await rules.HistoryAsync(default));
        Assert.Equal(AuditOutcome.Refused, Assert.Single(await _db.AuditAsync()).Outcome);
    }

    [Fact]
    public async Task PlanPush_ByAnOperator_IsSaved_AndAudited()
    {
        _actors.Current = As(Role.Operator);

        var saved = await _db.Get<CadenceService>().PlanAsync(["g1", "g2"], new DateTimeOffset(2026, 11, 26, 20, 0, 0, TimeSpan.FromHours(8)), "周四秒杀");

        Assert.Equal(2, saved);
        var entry = Assert.Single(await _db.AuditAsync());
        Assert.Equal((AuditAction.PushPlanned, "g1, g2 at 2026-11-26 20:00", AuditOutcome.Succeeded), (entry.Action, entry.Detail, entry.Outcome));
    }

    [Fact]
    public async Task PlanPush_ByALead_IsRefused_AndNothingIsSaved()
    {
        _actors.Current = As(Role.Lead);

        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            _db.Get<CadenceService>().PlanAsync(["g1"], new DateTimeOffset(2026, 11, 26, 20, 0, 0, TimeSpan.FromHours(8)), null));

        Assert.Equal(0L, Count("planned_pushes"));
    }

    [Fact]
    public async Task EditOrCancelAPlannedPush_ByALead_IsRefused_AndThePlanStays()
    {
        await new CadenceFixture(_db).Audience("g1", "粉丝群1").Planned("g1", "2026-11-26T20:00:00", "周四秒杀").SaveAsync();
        _actors.Current = As(Role.Lead);
        var plans = _db.Get<PlannedPushService>();
        var plan = Assert.Single(await plans.UpcomingAsync("g1"));

        await Assert.ThrowsAsync<AccessDeniedException>(() => plans.RescheduleAsync(plan.Id, plan.PlannedAt.AddDays(1), "改"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => plans.CancelAsync(plan.Id));

        Assert.Equal((plan.PlannedAt, "周四秒杀"), Assert.Single(await plans.UpcomingAsync("g1")) is var p ? (p.PlannedAt, p.Title) : default);
        Assert.Equal([(AuditAction.PushPlanChanged, AuditOutcome.Refused), (AuditAction.PushPlanCancelled, AuditOutcome.Refused)],
            (await _db.AuditAsync()).Select(e => (e.Action, e.Outcome)));
    }

    [Fact]
    public async Task EditAPlannedPush_ByAnOperator_IsSaved_AndAudited()
    {
        await new CadenceFixture(_db).Audience("g1", "粉丝群1").Planned("g1", "2026-11-26T20:00:00").SaveAsync();
        _actors.Current = As(Role.Operator);
        var plans = _db.Get<PlannedPushService>();
        var plan = Assert.Single(await plans.UpcomingAsync("g1"));

        await plans.RescheduleAsync(plan.Id, plan.PlannedAt.AddHours(1), null);

        Assert.Equal(plan.PlannedAt.AddHours(1), Assert.Single(await plans.UpcomingAsync("g1")).PlannedAt);
        Assert.Equal(("operator@shop.test", AuditAction.PushPlanChanged, AuditOutcome.Succeeded),
            Assert.Single(await _db.AuditAsync()) is var e ? (e.Actor, e.Action, e.Outcome) : default);
    }

    [Theory]
    [InlineData(Role.Operator)]
    [InlineData(Role.Lead)]
    public async Task ManageUsers_ByANonAdmin_IsRefused_AndNoUserIsCreated(Role role)
    {
        _actors.Current = As(role);
        var accounts = _db.Get<UserAccountService>();

        await Assert.ThrowsAsync<AccessDeniedException>(() => accounts.CreateAsync("new@shop.test", Role.Operator, "Passw0rd!x"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => accounts.ListAsync());

        Assert.Equal(0L, Count("users"));
    }

    [Fact]
    public async Task ManageUsers_ByAnAdmin_CreatesTheUserWithItsRole()
    {
        _actors.Current = As(Role.Admin);
        var accounts = _db.Get<UserAccountService>();

        var result = await accounts.CreateAsync("new@shop.test", Role.Lead, "Passw0rd!x");

        Assert.True(result.Succeeded);
        var user = Assert.Single(await accounts.ListAsync());
        Assert.Equal(("new@shop.test", Role.Lead, false), (user.Email, user.Role, user.Disabled));
        Assert.Equal(("admin@shop.test", AuditAction.UserCreated, "new@shop.test as Lead"), Assert.Single(await _db.AuditAsync()) is var e ? (e.Actor, e.Action, e.Detail) : default);
    }

    [Theory]
    [InlineData(Role.Admin, true)]
    [InlineData(Role.Lead, true)]
    [InlineData(Role.Operator, false)]
    public async Task ViewAudit_IsForAdminsAndLeads(Role role, bool allowed)
    {
        _actors.Current = As(role);
        var query = _db.Get<AuditQueryService>().QueryAsync(new AuditQuery());

        if (allowed)
        {
            Assert.Equal(0, (await query).Total);
        }
        else
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => query);
        }
    }

    private long Count(string table)
    {
        using var connection = new SqliteConnection(_db.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}
