using LiveOps.Core.Accounts;
using LiveOps.Tests.Support;
using static LiveOps.Tests.Core.Accounts.AccountsTestKit;

namespace LiveOps.Tests.Core.Accounts;

/// <summary>The audit page's filters: who, what, outcome, local days in Asia/Shanghai; newest first, paged.</summary>
public sealed class AuditQueryTests : IAsyncLifetime
{
    private readonly SettableActorAccessor _actors = new();
    private TestDatabase _db = default!;

    public async Task InitializeAsync()
    {
        _db = DatabaseWith(_actors);
        var log = _db.Get<AuditLog>();
        // 2026-11-25 23:30 and 2026-11-26 00:30 in Shanghai: two different local days, one UTC day.
        _db.Time.SetUtcNow(new DateTimeOffset(2026, 11, 25, 15, 30, 0, TimeSpan.Zero));
        await log.WriteAsync(As(Role.Operator), AuditAction.Import, "orders: 2 rows (2 added, 0 updated)", AuditOutcome.Succeeded);
        _db.Time.SetUtcNow(new DateTimeOffset(2026, 11, 25, 16, 30, 0, TimeSpan.Zero));
        await log.WriteAsync(As(Role.Lead), AuditAction.Import, "orders", AuditOutcome.Refused);
        await log.WriteAsync(As(Role.Admin), AuditAction.UserCreated, "x@shop.test as Lead", AuditOutcome.Succeeded);
        _actors.Current = As(Role.Lead);
    }

    [Fact]
    public async Task NoFilter_ListsEverything_NewestFirst()
    {
        var page = await Query(new AuditQuery());

        Assert.Equal(3, page.Total);
        Assert.Equal(["admin@shop.test", "lead@shop.test", "operator@shop.test"], page.Entries.Select(e => e.Actor));
    }

    [Fact]
    public async Task Filters_ByActorActionOutcome_AndLocalDay()
    {
        Assert.Equal(["operator@shop.test"], (await Query(new AuditQuery(Actor: "operator"))).Entries.Select(e => e.Actor));
        Assert.Equal(2, (await Query(new AuditQuery(Action: AuditAction.Import))).Total);
        Assert.Equal(["lead@shop.test"], (await Query(new AuditQuery(Outcome: AuditOutcome.Refused))).Entries.Select(e => e.Actor));
        Assert.Equal(["operator@shop.test"], (await Query(new AuditQuery(To: new DateOnly(2026, 11, 25)))).Entries.Select(e => e.Actor));
        Assert.Equal(2, (await Query(new AuditQuery(From: new DateOnly(2026, 11, 26)))).Total);
    }

    [Fact]
    public async Task Paging_SkipsAndTakes_WithTheTotalOfTheFilter()
    {
        var page = await Query(new AuditQuery(Offset: 1, Limit: 1));

        Assert.Equal((3, "lead@shop.test"), (page.Total, Assert.Single(page.Entries).Actor));
    }

    private Task<AuditEntries> Query(AuditQuery query) => _db.Get<AuditQueryService>().QueryAsync(query);

    public async Task DisposeAsync() => await _db.DisposeAsync();
}
