using LiveOps.Core.Tiers;
using LiveOps.Tests.Support;
using static LiveOps.Tests.Core.Tiers.TierRulesFixtures;
using LiveOps.Core.Store;

namespace LiveOps.Tests.Core.Tiers;

public abstract class TierSimulationTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly TestDatabase _db = new(provider: provider, now: Local(2026, 11, 24, 12));

    public Task InitializeAsync()
    {
        Insert(_db, ["a", "b", "c", "d"],
        [
            Paid("a", Local(2026, 5, 1), 1000m),
            Paid("b", Local(2026, 5, 1), 1500m),
            Paid("c", Local(2026, 5, 1), 3000m),
            Paid("d", Local(2026, 5, 1), 9000m),
            // Older than 365 days: counts for nobody.
            Paid("a", Local(2025, 11, 24, 12), 5000m),
        ]);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Simulate_LowerSilverThreshold_MovesCustomersAndReportsDiscountCostBeforeAndAfter()
    {
        var draft = Default.Select(r => r.Rank == 1 ? r with { MinSpend12m = 1200m } : r).ToList();
        var versionsBefore = (await _db.Get<TierRuleSetService>().HistoryAsync(default)).Count;

        var report = await _db.Get<TierSimulationService>().RunAsync(new TierSimulationQuery(draft), default);

        Assert.True(report.Succeeded);
        // Before: normal a, b (2500 × 0.05 = 125); silver c (3000 × 0.10 = 300); gold d (9000 × 0.15 = 1350).
        Assert.Equal(
            [("normal", 2, 2500m, 125m), ("silver", 1, 3000m, 300m), ("gold", 1, 9000m, 1350m)],
            report.Before!.Tiers.Select(t => (t.Tier, t.Customers, t.Spend12m, t.DiscountCost)).ToArray());
        Assert.Equal(1775m, report.Before.DiscountCost);
        // After: b moves to silver (1000 × 0.05 = 50; 4500 × 0.10 = 450).
        Assert.Equal(
            [("normal", 1, 1000m, 50m), ("silver", 2, 4500m, 450m), ("gold", 1, 9000m, 1350m)],
            report.After!.Tiers.Select(t => (t.Tier, t.Customers, t.Spend12m, t.DiscountCost)).ToArray());
        Assert.Equal(1850m, report.After.DiscountCost);
        Assert.Equal((1, 0), (report.MovedUp, report.MovedDown));
        Assert.Equal(versionsBefore, (await _db.Get<TierRuleSetService>().HistoryAsync(default)).Count);
    }

    [Fact]
    public async Task Simulate_InvalidDraft_ReturnsProblemsAndNoDistribution()
    {
        var draft = Default.Select(r => r.Rank == 2 ? r with { MinSpend12m = 100m } : r).ToList();

        var report = await _db.Get<TierSimulationService>().RunAsync(new TierSimulationQuery(draft), default);

        Assert.Equal(TierRuleProblemCode.EasierThanLowerTier, Assert.Single(report.Problems).Code);
        Assert.Null(report.After);
    }

    [Fact]
    public async Task Movement_FromMayToNow_CountsEachTierPairInTheMatrix()
    {
        var report = await _db.Get<TierMovementService>().RunAsync(new TierMovementQuery(Local(2026, 4, 1), Local(2026, 11, 24, 12)), default);

        // On 2026-04-01 only a's 5000 order (2025-11-24 12:00) is in the window: a is silver, the rest normal.
        Assert.Equal([3, 1, 0], report.FromTiers.Select(t => t.Customers).ToArray());
        Assert.Equal([2, 1, 1], report.ToTiers.Select(t => t.Customers).ToArray());
        Assert.Equal(
            [[1, 1, 1], [1, 0, 0], [0, 0, 0]],
            report.Matrix.Select(row => row.ToArray()).ToArray());
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}

public sealed class TierSimulationTestsOnSqlite() : TierSimulationTests(DatabaseProvider.Sqlite);

public sealed class TierSimulationTestsOnPostgres() : TierSimulationTests(DatabaseProvider.Postgres);
