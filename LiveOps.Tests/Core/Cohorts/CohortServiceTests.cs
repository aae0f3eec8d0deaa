using System.Globalization;
using LiveOps.Core.Cohorts;
using LiveOps.Core.Common;
using LiveOps.Core.Data.Entities;
using LiveOps.Tests.Support;
using LiveOps.Core.Store;

namespace LiveOps.Tests.Core.Cohorts;

/// <summary>Whole matrices on hand-computed fixtures, through the real service over SQLite.</summary>
public abstract class CohortServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly TestDatabase _db = new(provider: provider);

    private ICohortService Service => _db.Get<ICohortService>();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _db.DisposeAsync();

    /// <summary>"group cohort size: v0 v1 …" per row, "-" for a cell after the last period.</summary>
    internal static string[] Matrix(CohortReport report, Func<CohortCell, string>? cell = null, bool withAverage = false)
    {
        cell ??= c => c.Active.ToString(CultureInfo.InvariantCulture);
        return [.. report.Groups.SelectMany(g => g.Rows.Concat(withAverage ? [g.Average] : [])
            .Select(r => $"{g.Key} {r.Cohort?.ToString() ?? "avg"} {r.Size}: {string.Join(' ', r.Cells.Select(c => c is null ? "-" : cell(c)))}"))];
    }

    private static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    [Fact]
    public async Task RefundedFirstOrder_CohortStartsAtFirstPaidOrder()
    {
        await new ShopFixture(_db)
            .Order("c1", "2026-01-10 10:00:00", 200m, OrderStatus.Refunded)
            .Order("c1", "2026-02-05 10:00:00", 100m)
            .Order("c1", "2026-03-02 10:00:00", 60.5m)
            .Order("c2", "2026-02-20 12:00:00", 80m)
            .Order("c3", "2026-01-15 12:00:00", 99m, OrderStatus.Cancelled)
            .SaveAsync();

        var report = await Service.RunAsync(new CohortQuery());

        Assert.Equal(["all 2026-02 2: 2 1"], Matrix(report));
        Assert.Equal(["all 2026-02 2: 1 0.5"], Matrix(report, c => Num(c.Retention)));
        Assert.Equal(new CohortKpis(2, 3, 0.5, 25.0, 90m, 60.5m, new CohortLtv(120.25m, 120.25m, 120.25m)), report.Kpis);
    }

    [Fact]
    public async Task OrdersAt2330And0030Local_FallInTheirLocalMonths_WithOrWithoutOffsets()
    {
        await new ShopFixture(_db)
            .Order("local", "2026-01-31 23:30:00", 10m)
            .Order("local", "2026-02-01 00:30:00", 10m)
            .Order("utc", "2026-01-31T15:30:00Z", 10m)   // 23:30 in Shanghai
            .Order("utc", "2026-01-31T16:30:00Z", 10m)   // 00:30 on 1 February in Shanghai
            .Order("offset", "2026-02-01T00:30:00+08:00", 10m)
            .Order("tokyo", "2026-01-31T23:30:00+09:00", 10m) // 22:30 in Shanghai
            .SaveAsync();

        var report = await Service.RunAsync(new CohortQuery());

        Assert.Equal(["all 2026-01 3: 3 2", "all 2026-02 1: 1 -"], Matrix(report));
    }

    [Fact]
    public async Task SameOrders_InAUtcShop_FallInUtcMonths()
    {
        await using var utc = new TestDatabase(provider: provider, timeZone: "UTC");
        await new ShopFixture(utc)
            .Order("local", "2026-01-31 23:30:00", 10m)             // no offset: read in the shop's zone, UTC
            .Order("local", "2026-02-01 00:30:00", 10m)
            .Order("utc", "2026-01-31T15:30:00Z", 10m)
            .Order("utc", "2026-01-31T16:30:00Z", 10m)
            .Order("offset", "2026-02-01T00:30:00+08:00", 10m)      // 16:30 on 31 January in UTC
            .Order("tokyo", "2026-01-31T23:30:00+09:00", 10m)
            .SaveAsync();

        var report = await utc.Get<ICohortService>().RunAsync(new CohortQuery());

        Assert.Equal(["all 2026-01 4: 4 1"], Matrix(report));
        Assert.Equal("UTC", report.TimeZone);
    }

    [Fact]
    public async Task IsoWeekOne_SpansNewYear_AndTwoOrdersInOneWeekCountOnce()
    {
        await new ShopFixture(_db)
            .Order("c1", "2025-12-29 10:00:00", 50m)  // Monday of 2026-W01
            .Order("c1", "2026-01-04 20:00:00", 30m)  // Sunday, still 2026-W01
            .Order("c1", "2026-01-05 09:00:00", 20m)  // 2026-W02
            .Order("c2", "2025-12-28 22:00:00", 40m)  // Sunday of 2025-W52
            .Order("c2", "2026-01-02 08:00:00", 40m)  // 2026-W01
            .SaveAsync();

        var report = await Service.RunAsync(new CohortQuery { Period = PeriodKind.Week });

        Assert.Equal(["all 2025-W52 1: 1 1 0", "all 2026-W01 1: 1 1 -"], Matrix(report));
        Assert.Equal(["all 2025-W52 1: 1 1 0", "all 2026-W01 1: 2 1 -"], Matrix(report, c => c.Orders.ToString(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task CohortNobodyReturnsFrom_StaysAtZero_AndCumulativeCountsInOrAfter()
    {
        await new ShopFixture(_db)
            .Order("a", "2026-01-05 10:00:00", 100m)
            .Order("a", "2026-04-05 10:00:00", 100m)
            .Order("b", "2026-03-05 10:00:00", 20m)
            .Order("c", "2026-03-06 10:00:00", 30m)
            .SaveAsync();

        var inPeriod = await Service.RunAsync(new CohortQuery());
        var cumulative = await Service.RunAsync(new CohortQuery { Mode = CohortMode.Cumulative });

        Assert.Equal(["all 2026-01 1: 1 0 0 1", "all 2026-03 2: 2 0 - -"], Matrix(inPeriod));
        Assert.Equal(["all 2026-01 1: 1 1 1 1", "all 2026-03 2: 2 0 - -"], Matrix(cumulative));
        Assert.Equal(["all 2026-01 1: 100 100 100 200", "all 2026-03 2: 25 25 - -"],
            Matrix(cumulative, c => Num(c.Value(CohortMetric.RevenuePerCustomer))));
        // Average row: k0 and k1 over both cohorts (3 customers), k2 and k3 only January's.
        Assert.Equal(["all avg 3: 1 0 0 1"], Matrix(inPeriod, c => Num(c.Retention), withAverage: true).Skip(2));
    }

    [Fact]
    public async Task RevenueAndOrdersMetrics_DivideRevenueByCohortSize()
    {
        await new ShopFixture(_db)
            .Order("a", "2026-01-05 10:00:00", 100m)
            .Order("a", "2026-02-05 10:00:00", 40m)
            .Order("a", "2026-02-06 10:00:00", 20.25m)
            .Order("b", "2026-01-07 10:00:00", 50m)
            .SaveAsync();

        var report = await Service.RunAsync(new CohortQuery { Metric = CohortMetric.RevenuePerCustomer });

        Assert.Equal(["all 2026-01 2: 75 30.125"], Matrix(report, c => Num(c.Value(report.Query.Metric))));
        Assert.Equal(["all 2026-01 2: 2 2"], Matrix(report, c => Num(c.Value(CohortMetric.Orders))));
        Assert.Equal(["all 2026-01 2: 2 1"], Matrix(report, c => Num(c.Value(CohortMetric.Customers))));
        Assert.Equal(150m, report.Groups[0].Rows[0].Cells[0]!.Revenue);
    }

    private static async Task SeedBreakdownShopAsync(TestDatabase db) => await new ShopFixture(db)
        .Customer("a", AcquisitionChannel.LiveRoom, joinedPrivate: "2026-01-01 00:00:00")
        .Customer("b", AcquisitionChannel.Ad, joinedPrivate: "2026-02-01 00:00:00")
        .Customer("c")
        .Customer("d", AcquisitionChannel.LiveRoom)
        .Order("a", "2026-01-05 10:00:00", 100m, channel: OrderChannel.LiveRoom, campaign: "k1")
        .Order("a", "2026-02-10 10:00:00", 50m, channel: OrderChannel.PrivateGroup)
        .Order("b", "2026-01-20 10:00:00", 80m, channel: OrderChannel.Shop)
        .Order("b", "2026-02-03 10:00:00", 40m, channel: OrderChannel.PrivateGroup)
        .Order("c", "2026-02-15 10:00:00", 60m, campaign: "k1")
        .Order("d", "2026-01-25 10:00:00", 30m, channel: OrderChannel.LiveRoom, campaign: "k2")
        .SaveAsync();

    [Fact]
    public async Task BreakdownByAcquisitionChannel_SplitsRowsByCustomerChannel()
    {
        await SeedBreakdownShopAsync(_db);

        var report = await Service.RunAsync(new CohortQuery { Breakdown = CohortBreakdown.AcquisitionChannel });

        Assert.Equal(["live_room 2026-01 2: 2 1", "ad 2026-01 1: 1 1", "unknown 2026-02 1: 1 -"], Matrix(report));
    }

    [Fact]
    public async Task BreakdownByMembership_ComparesJoinTimeWithFirstPaidOrder()
    {
        await SeedBreakdownShopAsync(_db);

        var report = await Service.RunAsync(new CohortQuery { Breakdown = CohortBreakdown.Membership });

        Assert.Equal(
            ["before 2026-01 1: 1 1", "before avg 1: 1 1", "after 2026-01 1: 1 1", "after avg 1: 1 1",
             "never 2026-01 1: 1 0", "never 2026-02 1: 1 -", "never avg 2: 1 0"],
            Matrix(report, c => Num(c.Retention), withAverage: true));
    }

    [Fact]
    public async Task BreakdownByFirstOrderChannel_UsesTheFirstPaidOrdersChannel()
    {
        await SeedBreakdownShopAsync(_db);

        var report = await Service.RunAsync(new CohortQuery { Breakdown = CohortBreakdown.FirstOrderChannel });

        Assert.Equal(["live_room 2026-01 2: 2 1", "shop 2026-01 1: 1 1", "unknown 2026-02 1: 1 -"], Matrix(report));
    }

    [Fact]
    public async Task BreakdownByFirstOrderCampaign_PutsOrdersWithoutCampaignLast()
    {
        await SeedBreakdownShopAsync(_db);

        var report = await Service.RunAsync(new CohortQuery { Breakdown = CohortBreakdown.FirstOrderCampaign });

        Assert.Equal(["k1 2026-01 1: 1 1", "k1 2026-02 1: 1 -", "k2 2026-01 1: 1 0", "(none) 2026-01 1: 1 1"], Matrix(report));
    }

    [Fact]
    public async Task RunningPeriod_IsFlaggedIncomplete_AndLeftOutOfTheAverage()
    {
        await using var february = new TestDatabase(provider: provider, now: new DateTimeOffset(2026, 2, 15, 12, 0, 0, TimeSpan.FromHours(8)));
        await SeedBreakdownShopAsync(february);

        var report = await february.Get<ICohortService>().RunAsync(new CohortQuery());

        Assert.Equal(["all 2026-01 3: ok 2!", "all 2026-02 1: 1! -", "all avg 4: ok -"],
            Matrix(report, c => c.Incomplete ? $"{c.Active}!" : "ok", withAverage: true));
        Assert.Equal("2026-02", report.IncompleteFrom?.ToString());
    }

    [Fact]
    public async Task Ltv_SumsOrdersWithinWindowOfFirstOrder_OnlyForCohortsOldEnough()
    {
        await new ShopFixture(_db)
            .Order("a", "2026-01-05 10:00:00", 100m)
            .Order("a", "2026-02-04 10:00:00", 10m)   // exactly 30 days later: inside the 30-day window
            .Order("a", "2026-03-05 10:00:00", 20m)   // day 59
            .Order("a", "2026-06-01 10:00:00", 40m)   // day 147
            .Order("b", "2026-01-10 10:00:00", 50m)
            .Order("c", "2026-09-01 10:00:00", 70m)   // cohort 2026-09: 30 days after its end have passed by 2026-11-24, 90 have not
            .SaveAsync();

        var report = await Service.RunAsync(new CohortQuery());

        var rows = report.Groups[0].Rows;
        Assert.Equal(new CohortLtv(80m, 90m, 110m), rows[0].Ltv);
        Assert.Equal(new CohortLtv(70m, null, null), rows[1].Ltv);
        Assert.Equal(new CohortLtv(230m / 3, 90m, 110m), report.Kpis.Ltv);
    }

    [Fact]
    public async Task CustomersBehindCell_AreTheCohortMembersActiveThere_PagedByRevenue()
    {
        await new ShopFixture(_db)
            .Order("a", "2026-01-05 10:00:00", 100m)
            .Order("a", "2026-03-05 10:00:00", 10m)
            .Order("b", "2026-01-06 10:00:00", 50m)
            .Order("b", "2026-02-06 10:00:00", 30m)
            .Order("b", "2026-02-07 10:00:00", 5m)
            .Order("c", "2026-01-07 10:00:00", 20m)
            .Order("c", "2026-02-08 10:00:00", 60m)
            .SaveAsync();
        var query = new CohortQuery();

        var february = await Service.CustomersAsync(new CohortCellQuery(query, "all", "2026-01", 1, Skip: 0, Take: 1));
        var cumulative = await Service.CustomersAsync(new CohortCellQuery(query with { Mode = CohortMode.Cumulative }, "all", "2026-01", 1));

        Assert.Equal(2, february.Total);
        var top = Assert.Single(february.Items);
        Assert.Equal(new CohortCustomer("c", null, _db.Clock.FromLocal(new DateTime(2026, 1, 7, 10, 0, 0)), 1, 60m, 2, 80m), top);
        Assert.Equal(["c", "b", "a"], cumulative.Items.Select(x => x.CustomerId));
        Assert.Equal([1, 2, 1], cumulative.Items.Select(x => x.OrdersInCell));
    }

    [Fact]
    public async Task Store_IsRebuiltAfterAWriteAndDataVersionBump()
    {
        await new ShopFixture(_db).Order("a", "2026-01-05 10:00:00", 100m).SaveAsync();
        Assert.Equal(["all 2026-01 1: 1"], Matrix(await Service.RunAsync(new CohortQuery())));

        await new ShopFixture(_db).Order("b", "2026-02-05 10:00:00", 100m).SaveAsync();

        Assert.Equal(["all 2026-01 1: 1 0", "all 2026-02 1: 1 -"], Matrix(await Service.RunAsync(new CohortQuery())));
    }

    [Fact]
    public async Task EmptyDatabase_GivesAnEmptyReportWithUndefinedKpisAsNull()
    {
        var report = await Service.RunAsync(new CohortQuery());

        Assert.True(report.IsEmpty);
        Assert.Empty(report.Groups);
        Assert.Equal(new CohortKpis(0, 0, null, null, null, null, new CohortLtv(null, null, null)), report.Kpis);
    }
}

public sealed class CohortServiceTestsOnSqlite() : CohortServiceTests(DatabaseProvider.Sqlite);

public sealed class CohortServiceTestsOnPostgres() : CohortServiceTests(DatabaseProvider.Postgres);
