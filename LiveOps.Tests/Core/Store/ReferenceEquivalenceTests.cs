using LiveOps.Core.Campaigns;
using LiveOps.Core.Cohorts;
using LiveOps.Core.Data;
using LiveOps.Core.Data.Entities;
using LiveOps.Core.Tiers;
using LiveOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace LiveOps.Tests.Core.Store;

/// <summary>
/// The optimised reports (column stores, one linear pass) against straightforward LINQ over the raw rows of a demo
/// shop: every customer's tier figures, every campaign's contract row and every cohort cell must be equal.
/// </summary>
public sealed class ReferenceEquivalenceTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private List<Order> _orders = [];
    private List<Customer> _customers = [];
    private List<CampaignEvent> _events = [];
    private List<Campaign> _campaigns = [];

    public async Task InitializeAsync()
    {
        await _db.Get<DemoDataSeeder>().SeedAsync(new DemoDataOptions { Customers = 1500, Seed = 11 });
        await using var context = _db.NewContext();
        _orders = await context.Orders.AsNoTracking().OrderBy(o => o.Id).ToListAsync();
        _customers = await context.Customers.AsNoTracking().ToListAsync();
        _events = await context.CampaignEvents.AsNoTracking().ToListAsync();
        _campaigns = await context.Campaigns.AsNoTracking().ToListAsync();
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private IEnumerable<Order> Paid => _orders.Where(o => o.Status == OrderStatus.Paid);

    [Fact]
    public async Task Tiers_EveryCustomersSpendAndOrders_EqualASumOverTheRawOrders()
    {
        var asOf = _db.Clock.UtcNow;
        var report = await _db.Get<TierService>().RunAsync(new TierQuery(asOf), CancellationToken.None);

        var byKey = _customers.ToDictionary(c => c.Id, c => c.CustomerId);
        var expected = _customers
            .Select(c => c.CustomerId)
            .Order(StringComparer.Ordinal)
            .Select(id =>
            {
                var window = Paid.Where(o => byKey[o.CustomerKey] == id && o.PlacedAt > asOf - TimeSpan.FromDays(365) && o.PlacedAt <= asOf).ToList();
                return (id, window.Sum(o => o.Amount), window.Count);
            })
            .ToList();
        Assert.True(expected.Count(e => e.Count > 0) > 500, "the sample must have buyers in the window");
        Assert.Equal(expected, report.Customers.Select(c => (c.CustomerId, c.Spend12m, c.Orders12m)).ToList());
    }

    [Fact]
    public async Task Campaigns_EveryContractRow_EqualsAttributionByLinqOverTheRawRows()
    {
        var report = await _db.Get<CampaignService>().RunAsync(new CampaignQuery());

        var known = _campaigns.ToDictionary(c => c.CampaignId, StringComparer.Ordinal);
        var credited = new List<(Order Order, string Campaign)>();
        foreach (var customer in Paid.GroupBy(o => o.CustomerKey))
        {
            var touches = _events.Where(e => e.CustomerKey == customer.Key && known.ContainsKey(e.CampaignId)).ToList();
            foreach (var order in customer)
            {
                var latest = touches.Where(e => e.At <= order.PlacedAt)
                    .OrderByDescending(e => e.At).ThenBy(e => e.CampaignId, StringComparer.Ordinal).FirstOrDefault();
                var campaign = order.CampaignId is { } id && known.ContainsKey(id) ? id
                    : latest is not null && order.PlacedAt - latest.At <= TimeSpan.FromDays(known[latest.CampaignId].AttributionDays) ? latest.CampaignId
                    : null;
                if (campaign is not null)
                {
                    credited.Add((order, campaign));
                }
            }
        }
        Assert.True(credited.Count > 500, "the sample must credit orders");

        foreach (var row in report.Campaigns)
        {
            var mine = credited.Where(c => c.Campaign == row.CampaignId).Select(c => c.Order).ToList();
            var buyers = mine.GroupBy(o => o.CustomerKey).ToList();
            var repeat = buyers.Count(b =>
            {
                var first = b.OrderBy(o => o.PlacedAt).ThenBy(o => o.Id).First();
                return Paid.Any(o => o.CustomerKey == b.Key && o.Id != first.Id
                    && o.PlacedAt >= first.PlacedAt && o.PlacedAt - first.PlacedAt <= TimeSpan.FromDays(90));
            });
            int Stage(CampaignStage stage) =>
                _events.Where(e => e.CampaignId == row.CampaignId && e.Stage == stage).Select(e => e.CustomerKey).Distinct().Count();
            Assert.Equal(
                (row.CampaignId, Stage(CampaignStage.Exposed), Stage(CampaignStage.Clicked), Stage(CampaignStage.Joined),
                    Stage(CampaignStage.Claimed), Stage(CampaignStage.Redeemed), buyers.Count, mine.Count, mine.Sum(o => o.Amount), repeat),
                (row.CampaignId, row.Exposed, row.Clicked, row.Joined, row.Claimed, row.Redeemed, row.Buyers, row.Orders, row.Revenue, row.RepeatBuyers90d));
        }
        Assert.Equal(_campaigns.Count, report.Campaigns.Count);
    }

    [Fact]
    public async Task Cohorts_EveryMonthlyCell_EqualsDistinctBuyersPerMonthSinceTheFirstOrder()
    {
        var json = CohortsJson.From(await _db.Get<ICohortService>().RunAsync(new CohortQuery()));

        int Month(DateTimeOffset at)
        {
            var local = _db.Clock.ToLocal(at);
            return local.Year * 12 + local.Month - 1;
        }
        var buyers = Paid.GroupBy(o => o.CustomerKey)
            .Select(g => (Cohort: Month(g.OrderBy(o => o.PlacedAt).First().PlacedAt), Months: g.Select(o => Month(o.PlacedAt)).ToHashSet()))
            .ToList();
        var expected = buyers.GroupBy(b => b.Cohort).OrderBy(g => g.Key)
            .Select(g =>
            {
                var last = Month(_db.Clock.UtcNow);
                var active = Enumerable.Range(0, last - g.Key + 1).Select(k => (long)g.Count(b => b.Months.Contains(g.Key + k))).ToList();
                return ($"{g.Key / 12:D4}-{g.Key % 12 + 1:D2}", g.Count(), string.Join(',', active));
            })
            .ToList();
        Assert.Equal((buyers.Count, (long)Paid.Count()), (json.Customers, json.Orders));
        Assert.Equal(expected, json.Cohorts.Select(c => (c.Cohort, c.Size, string.Join(',', c.Active))).ToList());
    }
}
