using LiveOps.Core.Common;
using LiveOps.Core.Tiers;
using LiveOps.Tests.Support;
using static LiveOps.Tests.Core.Tiers.TierRulesFixtures;
using LiveOps.Core.Store;

namespace LiveOps.Tests.Core.Tiers;

public abstract class TierRuleSetServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly TestDatabase _db = new(provider: provider, now: Local(2026, 11, 1, 9));

    private TierRuleSetService RuleSets => _db.Get<TierRuleSetService>();

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task FirstUse_EmptyDatabase_StoresConfiguredRulesAsConfigVersion()
    {
        var history = await RuleSets.HistoryAsync(default);

        var version = Assert.Single(history);
        Assert.Equal(TierRuleSources.Config, version.Source);
        Assert.Null(version.Author);
        Assert.Equal(Local(2026, 11, 1, 9), version.CreatedAt);
        Assert.Equal(TierRulesFixtures.Default, version.Rules);
    }

    [Fact]
    public async Task Publish_KeepsOldVersion_AndEvaluationAsOfEarlierDateUsesOldRules()
    {
        await RuleSets.EnsureSeededAsync(default);
        _db.Time.Advance(TimeSpan.FromDays(3));
        var cheaperSilver = TierRulesFixtures.Default.Select(r => r.Rank == 1 ? r with { MinSpend12m = 1000m } : r).ToList();

        var result = await RuleSets.PublishAsync(cheaperSilver, TierRuleSources.Editor, "operator", default);

        Assert.True(result.Succeeded);
        var history = await RuleSets.HistoryAsync(default);
        Assert.Equal(new (string, string?, decimal)[] { ("editor", "operator", 1000m), ("config", null, 2000m) },
            history.Select(v => (v.Source, v.Author, v.Rules[1].MinSpend12m!.Value)).ToArray());
        Assert.Equal(2000m, (await RuleSets.InForceAsync(Local(2026, 11, 3), default)).Rules[1].MinSpend12m);
        Assert.Equal(1000m, (await RuleSets.InForceAsync(Local(2026, 11, 4, 9), default)).Rules[1].MinSpend12m);
        // Before any version existed, the oldest (first) rules apply.
        Assert.Equal(2000m, (await RuleSets.InForceAsync(Local(2020, 1, 1), default)).Rules[1].MinSpend12m);
    }

    [Fact]
    public async Task Report_AsOfBeforeAndAfterPublish_UsesTheRulesInForceThen()
    {
        Insert(_db, ["c1"], [Paid("c1", Local(2026, 10, 1), 1500m)]);
        await RuleSets.EnsureSeededAsync(default);
        _db.Time.Advance(TimeSpan.FromDays(3));
        await RuleSets.PublishAsync(TierRulesFixtures.Default.Select(r => r.Rank == 1 ? r with { MinSpend12m = 1000m } : r).ToList(), TierRuleSources.Editor, "operator", default);
        var tiers = _db.Get<TierService>();

        var before = await tiers.RunAsync(new TierQuery(Local(2026, 11, 2)), default);
        var after = await tiers.RunAsync(new TierQuery(), default);

        Assert.Equal("normal", Assert.Single(before.Customers).Tier);
        Assert.Equal("silver", Assert.Single(after.Customers).Tier);
        Assert.Equal(Local(2026, 11, 4, 9), after.AsOf);
    }

    [Fact]
    public async Task Publish_InvalidRules_WritesNothingAndReturnsProblems()
    {
        await RuleSets.EnsureSeededAsync(default);
        var invalid = TierRulesFixtures.Default.Select(r => r.Rank == 2 ? r with { Discount = 0.99m } : r).ToList();
        var versionBefore = _db.Get<DataVersion>().Current;

        var result = await RuleSets.PublishAsync(invalid, TierRuleSources.Import, null, default);

        Assert.False(result.Succeeded);
        Assert.Equal(TierRuleProblemCode.DiscountIncreases, Assert.Single(result.Problems).Code);
        Assert.Single(await RuleSets.HistoryAsync(default));
        Assert.Equal(versionBefore, _db.Get<DataVersion>().Current);
    }

    [Fact]
    public async Task FirstUse_InvalidConfiguration_FailsWithTheReasons()
    {
        await using var db = new TestDatabase(provider: provider, configure: o => o.Tiers[2].Discount = 0.99m);

        var e = await Assert.ThrowsAsync<TierRulesUnusableException>(() => db.Get<TierRuleSetService>().HistoryAsync(default));

        Assert.Contains("LiveOps:Tiers", e.Message);
        Assert.Contains("row 3: discount:", e.Message);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}

public sealed class TierRuleSetServiceTestsOnSqlite() : TierRuleSetServiceTests(DatabaseProvider.Sqlite);

public sealed class TierRuleSetServiceTestsOnPostgres() : TierRuleSetServiceTests(DatabaseProvider.Postgres);
