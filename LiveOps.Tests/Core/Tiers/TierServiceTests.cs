using LiveOps.Core.Data.Entities;
using LiveOps.Core.Tiers;
using LiveOps.Tests.Support;
using static LiveOps.Tests.Core.Tiers.TierRulesFixtures;
using LiveOps.Core.Store;

namespace LiveOps.Tests.Core.Tiers;

public abstract class TierServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateTimeOffset AsOf = Local(2025, 12, 10);
    private readonly TestDatabase _db = new(provider: provider, now: Local(2026, 11, 24, 12));

    public Task InitializeAsync()
    {
        Insert(_db, ["edge"],
        [
            // Exactly 365 days before as-of: out.
            Paid("edge", Local(2024, 12, 10), 5000m),
            // One millisecond later: in.
            Paid("edge", Local(2024, 12, 10, 0, 0, 0, 1), 100m),
            // Exactly at as-of: in.
            Paid("edge", AsOf, 1900m),
            // One millisecond after as-of: out.
            Paid("edge", AsOf.AddMilliseconds(1), 7000m),
            ("edge", Local(2025, 6, 1), 9000m, OrderStatus.Refunded),
            ("edge", Local(2025, 6, 1), 9000m, OrderStatus.Cancelled),
        ]);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Run_WindowBoundaries_OrderExactly365DaysOldIsOut_OrderAtAsOfIsIn()
    {
        var report = await _db.Get<TierService>().RunAsync(new TierQuery(AsOf), default);

        var edge = Assert.Single(report.Customers);
        Assert.Equal(new CustomerTier("edge", "silver", 2000m, 2, "gold", 6000m) { Rank = 1 }, edge);
    }

    [Fact]
    public async Task Run_OneMillisecondEarlier_TheOrderAtAsOfIsNotYetIn()
    {
        var report = await _db.Get<TierService>().RunAsync(new TierQuery(AsOf.AddMilliseconds(-1)), default);

        var edge = Assert.Single(report.Customers);
        // The window now also still holds the 5000 order placed 365 days minus 1 ms before.
        Assert.Equal(("silver", 5100m, 2), (edge.Tier, edge.Spend12m, edge.Orders12m));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}

public sealed class TierServiceTestsOnSqlite() : TierServiceTests(DatabaseProvider.Sqlite);

public sealed class TierServiceTestsOnPostgres() : TierServiceTests(DatabaseProvider.Postgres);
