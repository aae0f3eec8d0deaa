using LiveOps.Core.Campaigns;
using LiveOps.Core.Common;
using LiveOps.Core.Data.Entities;
using LiveOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using LiveOps.Core.Store;

namespace LiveOps.Tests.Core.Campaigns;

/// <summary>The service over a real SQLite file holding <see cref="CampaignFixture"/>.</summary>
public abstract class CampaignServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly TestDatabase _db = new(provider: provider);

    private CampaignService Service => _db.Get<CampaignService>();

    public async Task InitializeAsync()
    {
        await using var context = _db.NewContext();
        await CampaignFixture.SeedAsync(context);
    }

    [Fact]
    public async Task RunAsync_RefundedAndCancelledOrders_CountNowhere()
    {
        var report = await Service.RunAsync(new CampaignQuery());

        // o6 (¥999, refunded, inside k1's window) and o9 (¥500, cancelled, naming k1) would change these.
        var k1 = report.Campaigns.Single(c => c.CampaignId == "k1");
        Assert.Equal((2, 3, 180.15m), (k1.Buyers, k1.Orders, k1.Revenue));
        Assert.Equal(2, report.InsightOf("k1")!.NewBuyers);
    }

    [Fact]
    public async Task RunAsync_TypeFilter_ShowsOnlyThatType()
    {
        var report = await Service.RunAsync(new CampaignQuery { Type = CampaignType.HookProduct });

        Assert.Equal("k2", Assert.Single(report.Campaigns).CampaignId);
        Assert.Equal(1, report.Insights[0].Benchmark.Peers);
    }

    [Fact]
    public async Task RunAsync_BuyersOf_ListsThatCampaignsBuyersWithIdsMostRevenueFirst()
    {
        var report = await Service.RunAsync(new CampaignQuery { BuyersOf = "k2" });

        var buyer = Assert.Single(report.Buyers);
        Assert.Equal(new CampaignBuyer("c2", "顾客2", CampaignFixture.At(10, 1, 10), 2, 210m, true, true), buyer);
    }

    [Fact]
    public async Task RunAsync_AfterAWriteBumpsTheDataVersion_SeesTheNewOrder()
    {
        Assert.Equal(2, (await Service.RunAsync(new CampaignQuery())).Campaigns.Single(c => c.CampaignId == "k1").Buyers);
        await using (var context = _db.NewContext())
        {
            var c5 = await context.Customers.SingleAsync(c => c.CustomerId == "c5");
            context.Orders.Add(new Order { OrderId = "o10", CustomerKey = c5.Id, PlacedAt = CampaignFixture.At(11, 2, 9), Amount = 1m, CampaignId = "k1" });
            await context.SaveChangesAsync();
        }
        _db.Get<DataVersion>().Bump();

        var k1 = (await Service.RunAsync(new CampaignQuery())).Campaigns.Single(c => c.CampaignId == "k1");

        Assert.Equal((3, 181.15m), (k1.Buyers, k1.Revenue));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}

public sealed class CampaignServiceTestsOnSqlite() : CampaignServiceTests(DatabaseProvider.Sqlite);

public sealed class CampaignServiceTestsOnPostgres() : CampaignServiceTests(DatabaseProvider.Postgres);
