using LiveOps.Core.Overview;
using LiveOps.Core.PushCadence;
using LiveOps.Core.Store;
using LiveOps.Core.Tiers;
using LiveOps.Tests.Core.Cohorts;
using LiveOps.Tests.Core.PushCadence;
using LiveOps.Tests.Core.Tiers;
using LiveOps.Tests.Support;

namespace LiveOps.Tests.Core.Store;

/// <summary>The Overview's service through the cache on a real SQLite database: shared, and fresh after an import.</summary>
public sealed class SharedOverviewReportTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task TwentyConcurrentRequests_ComputeOnce_AndAnImportGivesNewNumbers()
    {
        await new ShopFixture(_db).Order("c1", "2026-11-10 10:00:00", 100m).Order("c2", "2026-11-11 10:00:00", 50m).SaveAsync();
        var service = _db.Get<OverviewKpiService>();
        var cache = _db.Get<ReportCache>();
        var query = new OverviewKpiQuery(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 25));

        var reports = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => service.RunAsync(query))));

        Assert.Equal(1, cache.Computed("overview-kpis"));
        Assert.All(reports, r => Assert.Same(reports[0], r));
        Assert.Equal(150m, reports[0].Current.PaidGmv);

        // Another connection writes, as an import by the command line would: the next request sees it.
        await using var other = _db.NewProcess();
        await new ShopFixture(other).Order("c3", "2026-11-12 10:00:00", 30m).SaveAsync();
        var after = await service.RunAsync(query);

        Assert.Equal(180m, after.Current.PaidGmv);
        Assert.Equal(2, cache.Computed("overview-kpis"));
        Assert.Same(after, await service.RunAsync(query with { }));
    }
}

/// <summary>The tier and cadence reports through the cache: every session asking this minute shares one computation, and a write is seen at once.</summary>
public sealed class SharedTierAndCadenceReportTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new(now: new DateTimeOffset(2026, 11, 25, 10, 0, 30, TimeSpan.FromHours(8)));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task TheTierReport_IsShared_AndAPublishIsSeenByTheNextRequestAtOnce()
    {
        await new ShopFixture(_db).Order("c1", "2026-11-10 10:00:00", 2000m).Order("c1", "2026-11-11 10:00:00", 2000m).SaveAsync();
        var tiers = _db.Get<TierService>();
        var cache = _db.Get<ReportCache>();
        await _db.Get<TierRuleSetService>().EnsureSeededAsync(default);

        var first = await tiers.RunAsync(new TierQuery(), default);
        _db.Time.Advance(TimeSpan.FromSeconds(20));
        var second = await tiers.RunAsync(new TierQuery(), default);

        Assert.Same(first, second);
        Assert.Equal(1, cache.Computed("tiers"));
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 10, 0, 30, TimeSpan.FromHours(8)), second.AsOf);
        var before = second.Customers.Single().Tier;

        // Published 20 s after the report was computed: the next request computes afresh, under the new rules.
        var rules = TierRulesFixtures.Default.Select(r => r.Rank == 2 ? r with { MinSpend12m = 3000m } : r).ToList();
        Assert.True((await _db.Get<TierRuleSetService>().PublishAsync(rules, TierRuleSources.Editor, "operator", default)).Succeeded);
        var after = await tiers.RunAsync(new TierQuery(), default);

        Assert.Equal(("silver", "gold"), (before, after.Customers.Single().Tier));
        Assert.Equal(2, cache.Computed("tiers"));
    }

    [Fact]
    public async Task TheCadenceReport_IsShared_AndAPlannedPushIsSeenAtOnce()
    {
        var cadence = _db.Get<CadenceService>();
        var cache = _db.Get<ReportCache>();
        await new CadenceFixture(_db).Audience("g1", "群一").Promotions("g1", "2026-11-23T10:00:00").SaveAsync();

        var first = await cadence.RunAsync(new CadenceQuery());
        var second = await cadence.RunAsync(new CadenceQuery());
        await cadence.PlanAsync(["g1"], new DateTimeOffset(2026, 11, 26, 20, 0, 0, TimeSpan.FromHours(8)), "周四秒杀");
        var after = await cadence.RunAsync(new CadenceQuery());

        Assert.Same(first, second);
        Assert.Equal((1, 0), (second.Audiences.Single().Weeks.Single().Pushes, second.Audiences.Single().Weeks.Single().Planned));
        Assert.Equal((1, 1), (after.Audiences.Single().Weeks.Single().Pushes, after.Audiences.Single().Weeks.Single().Planned));
        Assert.Equal(2, cache.Computed("cadence"));
    }
}
