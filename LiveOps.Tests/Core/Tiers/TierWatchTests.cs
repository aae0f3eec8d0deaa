using LiveOps.Core.Data.Entities;
using LiveOps.Core.Tiers;
using LiveOps.Tests.Support;
using static LiveOps.Tests.Core.Tiers.TierRulesFixtures;
using LiveOps.Core.Store;

namespace LiveOps.Tests.Core.Tiers;

public abstract class TierWatchTests(DatabaseProvider provider) : IAsyncLifetime
{
    // As of 2026-11-24 00:00 +08:00: the window is (2025-11-24 00:00, 2026-11-24 00:00];
    // 30 days later it starts at 2025-12-24 00:00, so orders up to then leave it.
    private static readonly DateTimeOffset AsOf = Local(2026, 11, 24);
    private readonly TestDatabase _db = new(provider: provider, now: AsOf);

    public Task InitializeAsync()
    {
        Insert(_db, ["near", "far", "leaving", "safe", "orders-leaving", "gold-to-normal"],
        [
            // near: 1700 of silver's 2000 → gap 300 ≤ 20% of 2000.
            Paid("near", Local(2026, 6, 1), 1700m),
            // far: 1599.99 → gap 400.01 > 400.
            Paid("far", Local(2026, 6, 1), 1599.99m),
            // leaving: silver by 2100, of which 1200 (2025-12-01) leaves within 30 days → keeps 900, needs 1100.
            Paid("leaving", Local(2025, 12, 1), 1200m),
            Paid("leaving", Local(2026, 3, 1), 900m),
            // safe: its old order leaves the window after 30 days (2025-12-24 12:00 is still in at as-of + 30 d).
            Paid("safe", Local(2025, 12, 24, 12), 1200m),
            Paid("safe", Local(2026, 3, 1), 900m),
            // orders-leaving: silver by 6 orders, 2 of them leave → 4 kept; spend 600 → needs 1400 or 2 orders.
            Paid("orders-leaving", Local(2025, 11, 30), 100m),
            Paid("orders-leaving", Local(2025, 12, 2), 100m),
            Paid("orders-leaving", Local(2026, 2, 1), 100m),
            Paid("orders-leaving", Local(2026, 3, 1), 100m),
            Paid("orders-leaving", Local(2026, 4, 1), 100m),
            Paid("orders-leaving", Local(2026, 5, 1), 300m),
            // gold-to-normal: 8000 at 2025-12-23 23:59 leaves; 500 stays.
            Paid("gold-to-normal", Local(2025, 12, 23, 23, 59), 8000m),
            Paid("gold-to-normal", Local(2026, 10, 1), 500m),
            ("near", Local(2026, 6, 2), 5000m, OrderStatus.Refunded),
        ]);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Upgrades_ListOnlyCustomersWithinTwentyPercentOfNextSpendThreshold()
    {
        var report = await _db.Get<TierWatchService>().RunAsync(new TierWatchQuery(AsOf), default);

        Assert.Equal(
            [new UpgradeCandidate("near", "normal", "silver", 1700m, 2000m, 300m)],
            report.Upgrades);
    }

    [Fact]
    public async Task DowngradeRisks_ListMembersWhoDropWithinThirtyDays_WithTheSpendToKeepTheirTier()
    {
        var report = await _db.Get<TierWatchService>().RunAsync(new TierWatchQuery(AsOf), default);

        Assert.Equal(
            [
                new DowngradeRisk("leaving", "silver", "normal", 2100m, 2, 900m, 1, 1100m, 5),
                new DowngradeRisk("orders-leaving", "silver", "normal", 800m, 6, 600m, 4, 1400m, 2),
                new DowngradeRisk("gold-to-normal", "gold", "normal", 8500m, 2, 500m, 1, 7500m, 14),
            ],
            report.DowngradeRisks);
    }

    [Fact]
    public void Upgrade_GapExactlyTwentyPercent_IsListed()
    {
        var up = TierWatch.Upgrade(TierRulesFixtures.Default, "x", 1600m, 0);

        Assert.Equal(400m, up!.Gap);
    }

    [Fact]
    public void Downgrade_StillReachesTierByOrders_IsNotAtRisk()
    {
        Assert.Null(TierWatch.Downgrade(TierRulesFixtures.Default, "x", 2500m, 7, 100m, 6));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}

public sealed class TierWatchTestsOnSqlite() : TierWatchTests(DatabaseProvider.Sqlite);

public sealed class TierWatchTestsOnPostgres() : TierWatchTests(DatabaseProvider.Postgres);
