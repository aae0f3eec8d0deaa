using LiveOps.Core.Data.Entities;
using LiveOps.Core.Store;
using LiveOps.Core.Tiers;
using LiveOps.Core.Value;
using LiveOps.Tests.Support;
using static LiveOps.Tests.Core.Tiers.TierRulesFixtures;

namespace LiveOps.Tests.Core.Value;

/// <summary>
/// The service on a real SQLite database: a planted shop whose backtest window holds known orders, and a tiny shop
/// with too little data for a model.
/// </summary>
public sealed class ValueServiceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset AsOf = Local(2026, 7, 1);
    private readonly TestDatabase _db = new(now: Local(2026, 7, 1, 9));

    public async Task InitializeAsync() => await _db.Get<TierRuleSetService>().EnsureSeededAsync(default);

    /// <summary>
    /// 60 customers: customer i first buys on 2026-01-01 + i days at 10:00 (¥100 + i); every third also buys 20 days later
    /// (¥50). In the 30 days after the cutoff 2026-06-01 (local days 06-01 … 06-30), customers 0..19 buy on 06-05 twice
    /// (one order day) for ¥10 + ¥5, and customers 0..9 again on 06-20 for ¥7; an order on 07-01 is after as-of.
    /// </summary>
    private void PlantShop()
    {
        var ids = Enumerable.Range(0, 60).Select(i => $"c{i:D2}").ToArray();
        var orders = new List<(string, DateTimeOffset, decimal, OrderStatus)>();
        var random = new Random(5);
        for (var i = 0; i < 60; i++)
        {
            var first = Local(2026, 1, 1, 10).AddDays(i);
            orders.Add(Paid(ids[i], first, 100 + i));
            if (i % 3 == 0)
            {
                orders.Add(Paid(ids[i], first.AddDays(20), 20 + random.Next(0, 200)));
            }
            if (i % 6 == 0)
            {
                orders.Add(Paid(ids[i], first.AddDays(40), 20 + random.Next(0, 200)));
            }
            if (i < 20)
            {
                orders.Add(Paid(ids[i], Local(2026, 6, 5, 9), 10));
                orders.Add(Paid(ids[i], Local(2026, 6, 5, 21), 5));
            }
            if (i < 10)
            {
                orders.Add(Paid(ids[i], Local(2026, 6, 20, 12), 7));
            }
        }
        orders.Add(Paid(ids[0], Local(2026, 7, 1, 8), 1000));
        orders.Add(("c59", Local(2026, 6, 10), 999, OrderStatus.Refunded));
        Insert(_db, ids, orders);
    }

    [Fact]
    public async Task TwentySessionsAskingForTheSameListAndPage_ScoreTheShopOnce_AndAnImportScoresAgain()
    {
        PlantShop();
        var service = _db.Get<ValueService>();
        var cache = _db.Get<ReportCache>();
        var list = new ValueListQuery(ValueListKind.Segment, "Champions", AsOf, 30);

        var lists = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => service.CustomersAsync(list))));
        var pages = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => service.InsightsAsync(new ValueQuery(AsOf, 30)))));

        Assert.Equal(1, cache.Computed("value-customers"));
        Assert.Equal(1, cache.Computed("value-insights"));
        Assert.All(lists, l => Assert.Same(lists[0], l));
        Assert.All(pages, p => Assert.Same(pages[0], p));

        Insert(_db, ["n1"], [Paid("n1", Local(2026, 5, 10, 10), 80)]);
        var after = await service.InsightsAsync(new ValueQuery(AsOf, 30));

        Assert.Equal(2, cache.Computed("value-insights"));
        Assert.Equal(pages[0].Backtest.Customers + 1, after.Backtest.Customers);
    }

    [Fact]
    public async Task Backtest_PlantedShop_ActualsExact_PredictionsFromCutoffFit()
    {
        PlantShop();
        var service = _db.Get<ValueService>();

        var insights = await service.InsightsAsync(new ValueQuery(AsOf, 30));
        var backtest = insights.Backtest;

        Assert.Equal(Local(2026, 6, 1), backtest.Cutoff);
        Assert.Equal(60, backtest.Customers);
        Assert.Equal(20 + 10, backtest.ActualPurchases);
        Assert.Equal(20 * 15m + 10 * 7m, backtest.ActualValue);
        var june = Assert.Single(backtest.Months);
        Assert.Equal("2026-06", june.Month);
        Assert.Equal(30, june.ActualPurchases);
        Assert.Equal(370m, june.ActualValue);

        // The prediction is the §6 report at the cutoff over the same 30 days, summed.
        var atCutoff = await service.RunAsync(new ValueQuery(Local(2026, 6, 1), 30));
        Assert.NotNull(atCutoff.Model);
        Assert.Equal(atCutoff.Customers.Sum(c => c.ExpectedPurchases!.Value), backtest.PredictedPurchases!.Value, 1e-9);
        if (atCutoff.Model.P is null)
        {
            Assert.Null(backtest.PredictedValue);
        }
        else
        {
            Assert.Equal(atCutoff.Customers.Sum(c => c.ExpectedValue!.Value), backtest.PredictedValue!.Value, 1e-6);
        }
        Assert.Equal(backtest.PredictedPurchases.Value, june.PredictedPurchases!.Value, 1e-9);
        Assert.Equal(10, backtest.Deciles.Count);
        Assert.All(backtest.Deciles, d => Assert.Equal(6, d.Customers));
        Assert.Equal(30, backtest.Deciles.Sum(d => d.ActualPurchases));
        Assert.Equal(backtest.PredictedPurchases.Value, backtest.Deciles.Sum(d => d.PredictedPurchases), 1e-9);
    }

    [Fact]
    public async Task Report_PlantedShop_PerCustomerFiguresInLocalDays()
    {
        PlantShop();
        var report = await _db.Get<ValueService>().RunAsync(new ValueQuery(AsOf));

        Assert.Equal(60, report.Customers.Count);
        var c00 = report.Customers[0];
        // Days 01-01, 01-21, 02-10, 06-05, 06-20 (the 07-01 order is at or after as-of, E = 06-30).
        Assert.Equal(("c00", 4, 170, 180), (c00.CustomerId, c00.X, c00.RecencyDays, c00.AgeDays));
        var random = new Random(5);
        var second = 20 + random.Next(0, 200);
        var third = 20 + random.Next(0, 200);
        Assert.Equal((second + third + 15m + 7m) / 4, c00.Monetary);
        var c59 = report.Customers[59];
        Assert.Equal(("c59", 0, 0, 180 - 59), (c59.CustomerId, c59.X, c59.RecencyDays, c59.AgeDays));
        Assert.Null(c59.Monetary);
    }

    [Fact]
    public async Task Insights_TinyShop_NotEnoughData_RfmAndChurnKeepWorking()
    {
        Insert(_db, ["a", "b", "c"],
        [
            Paid("a", Local(2026, 1, 1, 10), 100), Paid("a", Local(2026, 1, 11, 10), 100), Paid("a", Local(2026, 1, 21, 10), 300),
            Paid("b", Local(2026, 6, 25, 10), 80),
            Paid("c", Local(2026, 3, 1, 10), 20), Paid("c", Local(2026, 6, 28, 10), 20),
        ]);
        var service = _db.Get<ValueService>();

        var insights = await service.InsightsAsync(new ValueQuery(AsOf));

        Assert.True(insights.NotEnoughData);
        Assert.Equal(ModelGap.TooFewCustomers, insights.Gap);
        Assert.Equal("purchase model: 3 customers with a paid order; the model needs at least 30", insights.Reason);
        Assert.All(insights.Forecasts, f => Assert.Null(f.Purchases));
        Assert.Equal(3, insights.Segments.Sum(s => s.Customers));
        // a: usual gap 10 days, last order 160 days before E = 06-30: overdue. c: gap 119, last 2 days ago. b: one order,
        // the shop's P75 gap (gaps 10, 10, 119) is 119 days, last 5 days ago.
        var churn = insights.ChurnRisk;
        Assert.Equal(AtRiskBasis.History, churn.Basis);
        Assert.Equal(119, churn.ShopIntervalDays);
        var a = Assert.Single(churn.Top);
        Assert.Equal("a", a.CustomerId);
        Assert.Equal(500m / 3, a.AtRisk);
        Assert.Equal(new DateOnly(2026, 1, 31), a.ExpectedNextOrderDay);
        Assert.Equal("normal", a.Tier);
        Assert.False(a.PrivateDomain);
        Assert.Equal(["a"], await service.CustomerIdsAsync(new ValueListQuery(ValueListKind.ChurnRisk, AsOf: AsOf)));
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();
}
