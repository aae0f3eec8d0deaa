using LiveOps.Core.Campaigns;
using LiveOps.Core.Common;
using LiveOps.Core.Data.Entities;

namespace LiveOps.Tests.Core.Campaigns;

/// <summary>Counting per campaign over plain per-customer rows, and the report shaped from it: no database.</summary>
public sealed class CampaignTallyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 9, 1, 20, 0, 0, TimeSpan.FromHours(8));
    private static readonly ZoneClock Clock = new(TimeProvider.System, "Asia/Shanghai");

    private readonly CampaignCatalog _catalog = new([("k1", 7), ("k2", 7)]);

    private static CampaignInfo Info(string id, decimal? cost = null, CampaignType type = CampaignType.ExclusiveCoupon) =>
        new(id, id, type, T0, T0.AddDays(2), cost, 7);

    private CustomerOrder Order(TimeSpan after, decimal amount = 10m, string? campaign = null) => new(T0 + after, amount, _catalog.IndexOf(campaign));

    private CustomerTouch Touch(string campaign, TimeSpan after, CampaignStage stage = CampaignStage.Exposed) => new(T0 + after, _catalog.IndexOf(campaign), stage);

    private CampaignReport Build(CampaignTally tally, params CampaignInfo[] infos) =>
        CampaignReportBuilder.Build(infos, _catalog, tally, new CampaignQuery(), Clock, []);

    [Fact]
    public void Repeat90d_SecondOrderAtTheSameInstant_Counts()
    {
        var tally = new CampaignTally(_catalog, Clock);
        tally.AddCustomer(1, [Order(TimeSpan.FromHours(1)), Order(TimeSpan.FromHours(1))], [Touch("k1", TimeSpan.Zero)]);

        var result = Build(tally, Info("k1"), Info("k2")).Campaigns[0];

        Assert.Equal((1, 2, 1), (result.Buyers, result.Orders, result.RepeatBuyers90d));
    }

    [Fact]
    public void Repeat90d_UnattributedOrderExactly90DaysLater_Counts_And90DaysPlusOneSecond_DoesNot()
    {
        var tally = new CampaignTally(_catalog, Clock);
        var first = TimeSpan.FromHours(1);
        tally.AddCustomer(1, [Order(first), Order(first + TimeSpan.FromDays(90))], [Touch("k1", TimeSpan.Zero)]);
        tally.AddCustomer(2, [Order(first), Order(first + TimeSpan.FromDays(90) + TimeSpan.FromSeconds(1))], [Touch("k1", TimeSpan.Zero)]);

        var result = Build(tally, Info("k1")).Campaigns[0];

        // Both later orders fall outside k1's 7 days, so each buyer has one attributed order.
        Assert.Equal((2, 2, 1), (result.Buyers, result.Orders, result.RepeatBuyers90d));
    }

    [Fact]
    public void Buyers_AreDistinctCustomers_RevenueIsTheExactSum_RoiNullWithoutCost()
    {
        var tally = new CampaignTally(_catalog, Clock);
        tally.AddCustomer(1, [Order(TimeSpan.FromHours(1), 0.1m), Order(TimeSpan.FromHours(2), 0.2m)], [Touch("k1", TimeSpan.Zero)]);
        tally.AddCustomer(2, [Order(TimeSpan.FromHours(1), 0.3m, "k1")], []);

        var report = Build(tally, Info("k1"), Info("k2", cost: 10m));

        Assert.Equal((2, 3, 0.6m, (double?)null), (report.Campaigns[0].Buyers, report.Campaigns[0].Orders, report.Campaigns[0].Revenue, report.Campaigns[0].Roi));
        Assert.Equal(-1.0, report.Campaigns[1].Roi);
    }

    [Fact]
    public void StageCounts_AreDistinctCustomersPerStage()
    {
        var tally = new CampaignTally(_catalog, Clock);
        tally.AddCustomer(1, [], [Touch("k1", TimeSpan.Zero), Touch("k1", TimeSpan.FromHours(1)), Touch("k1", TimeSpan.FromHours(2), CampaignStage.Clicked)]);
        tally.AddCustomer(2, [], [Touch("k1", TimeSpan.Zero), Touch("k2", TimeSpan.Zero, CampaignStage.Redeemed)]);

        var report = Build(tally, Info("k1"), Info("k2"));

        var k1 = report.Campaigns[0];
        Assert.Equal((2, 1, 0, 0, 0), (k1.Exposed, k1.Clicked, k1.Joined, k1.Claimed, k1.Redeemed));
        Assert.Equal(1, report.Campaigns[1].Redeemed);
        Assert.Equal(0.5, report.Insights[0].Conversions.ExposedToClicked);
        Assert.Null(report.Insights[1].Conversions.ExposedToClicked);
    }

    [Fact]
    public void NewAndReturningBuyers_MedianHoursToPurchase_RevenuePerExposed()
    {
        var tally = new CampaignTally(_catalog, Clock);
        // New: the first paid order ever is the attributed one, 2 h after the first touch.
        tally.AddCustomer(1, [Order(TimeSpan.FromHours(2), 30m)], [Touch("k1", TimeSpan.Zero), Touch("k1", TimeSpan.FromHours(1), CampaignStage.Clicked)]);
        // Returning: bought before the touch; attributed order 6 h after the touch.
        tally.AddCustomer(2, [Order(TimeSpan.FromDays(-40), 5m), Order(TimeSpan.FromHours(6), 10m)], [Touch("k1", TimeSpan.Zero)]);
        // Exposed, never bought.
        tally.AddCustomer(3, [], [Touch("k1", TimeSpan.Zero)]);

        var insight = Build(tally, Info("k1")).Insights[0];

        Assert.Equal((1, 1), (insight.NewBuyers, insight.ReturningBuyers));
        Assert.Equal(4.0, insight.MedianHoursToPurchase);
        Assert.Equal(40m / 3, insight.RevenuePerExposed);
        Assert.Equal(2.0 / 3, insight.Conversions.ExposedToBuyer);
    }

    [Fact]
    public void Days_CoverTheCampaignLocalDays_WithRevenueAndDistinctBuyersPerDay()
    {
        var tally = new CampaignTally(_catalog, Clock);
        // T0 is 20:00 local on 09-01; +5 h is 01:00 on 09-02 local.
        tally.AddCustomer(1, [Order(TimeSpan.FromHours(1), 1m), Order(TimeSpan.FromHours(2), 2m), Order(TimeSpan.FromHours(5), 4m)], [Touch("k1", TimeSpan.Zero)]);
        tally.AddCustomer(2, [Order(TimeSpan.FromHours(3), 8m)], [Touch("k1", TimeSpan.Zero)]);

        var days = Build(tally, Info("k1")).Insights[0].Days;

        Assert.Equal(
            [new CampaignDay(new DateOnly(2026, 9, 1), 11m, 2), new CampaignDay(new DateOnly(2026, 9, 2), 4m, 1), new CampaignDay(new DateOnly(2026, 9, 3), 0m, 0)],
            days);
    }

    [Fact]
    public void Benchmark_ComparesWithMedianAndTopQuartileOfTheSameType()
    {
        var catalog = new CampaignCatalog([("a", 7), ("b", 7), ("c", 7), ("d", 7), ("x", 7)]);
        var tally = new CampaignTally(catalog, Clock);
        // Exposed customers per campaign a..d: 1 each; buyers: a 0, b 1 (of 1)... use cost-driven ROI instead.
        var infos = new[]
        {
            new CampaignInfo("a", "a", CampaignType.HookProduct, T0, null, 100m, 7),
            new CampaignInfo("b", "b", CampaignType.HookProduct, T0, null, 100m, 7),
            new CampaignInfo("c", "c", CampaignType.HookProduct, T0, null, 100m, 7),
            new CampaignInfo("d", "d", CampaignType.HookProduct, T0, null, 100m, 7),
            new CampaignInfo("x", "x", CampaignType.Content, T0, null, 100m, 7),
        };
        var key = 0;
        foreach (var (id, revenue) in new[] { ("a", 100m), ("b", 200m), ("c", 300m), ("d", 500m), ("x", 10_000m) })
        {
            tally.AddCustomer(++key, [new CustomerOrder(T0, revenue, catalog.IndexOf(id))], []);
        }

        var report = CampaignReportBuilder.Build(infos, catalog, tally, new CampaignQuery(), Clock, []);

        // ROI of a..d: 0, 1, 2, 4 → median 1.5, top quartile 2.5; x is a different type and stays out.
        var a = report.InsightOf("a")!.Benchmark;
        Assert.Equal(4, a.Peers);
        Assert.Equal(new BenchmarkMetric(0.0, 1.5, 2.5), a.Roi);
        Assert.Equal(new BenchmarkMetric(99.0, 99.0, 99.0), report.InsightOf("x")!.Benchmark.Roi);
    }
}
