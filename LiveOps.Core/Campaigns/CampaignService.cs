using System.Runtime.InteropServices;
using LiveOps.Core.Store;
using LiveOps.Core.Common;
using LiveOps.Core.Data;
using LiveOps.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LiveOps.Core.Campaigns;

/// <summary>
/// <c>report campaigns</c>, the campaigns page and its exports. One pass over every customer's paid orders (the shared
/// <see cref="SnapshotStore"/> snapshot) and its funnel events (<see cref="DataSnapshot.EventsAsync"/>), both already grouped by
/// customer and sorted by time in memory: no query per campaign or per customer and no table scan per request.
/// </summary>
public sealed class CampaignService(
    ReportCache cache, IDbContextFactory<LiveOpsDbContext> factory, SnapshotStore store, ZoneClock clock, DataVersion version)
{
    private const int CachedPasses = 8;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Pass> _passes = new(StringComparer.Ordinal);
    private long _passesVersion = -1;

    /// <summary>What one pass over the data yields; filters and benchmarks are applied on top of it.</summary>
    private sealed record Pass(IReadOnlyList<CampaignInfo> Campaigns, CampaignCatalog Catalog, CampaignTally Tally, IReadOnlyList<CampaignBuyer> Buyers);

    /// <summary>The report, computed once per query and data version and shared (<see cref="ReportCache"/>).</summary>
    public Task<CampaignReport> RunAsync(CampaignQuery query, CancellationToken ct = default) =>
        cache.GetOrComputeAsync("campaigns", query, c => ComputeAsync(query, c), ct);

    private async Task<CampaignReport> ComputeAsync(CampaignQuery query, CancellationToken ct)
    {
        // The pass does not depend on the shown range or type, only on the data and the listed buyers, so switching
        // filters or sorting on the page re-uses it until the next import bumps the data version.
        var key = query.BuyersOf ?? "";
        var current = version.Current;
        Pass? pass;
        lock (_gate)
        {
            if (_passesVersion != current)
            {
                _passes.Clear();
                _passesVersion = current;
            }
            _passes.TryGetValue(key, out pass);
        }
        if (pass is null)
        {
            pass = await RunPassAsync(query.BuyersOf, ct);
            lock (_gate)
            {
                if (_passesVersion == current)
                {
                    if (_passes.Count >= CachedPasses)
                    {
                        _passes.Clear();
                    }
                    _passes[key] = pass;
                }
            }
        }
        return CampaignReportBuilder.Build(pass.Campaigns, pass.Catalog, pass.Tally, query, clock, pass.Buyers);
    }

    private async Task<Pass> RunPassAsync(string? buyersOf, CancellationToken ct)
    {
        List<CampaignInfo> campaigns;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            campaigns = await db.Campaigns.AsNoTracking()
                .Select(c => new CampaignInfo(c.CampaignId, c.Name, c.Type, c.StartsAt, c.EndsAt, c.Cost, c.AttributionDays))
                .ToListAsync(ct);
        }
        var catalog = new CampaignCatalog(campaigns.Select(c => (c.CampaignId, c.AttributionDays)));
        var orders = await store.GetAsync(ct);
        var tally = new CampaignTally(catalog, clock, catalog.IndexOf(buyersOf), orders.Derived(DaysOf));
        var touches = await orders.EventsAsync(ct);
        Tally(orders, touches, catalog, tally, ct);
        var buyers = tally.Buyers
            .Select(b => new CampaignBuyer(orders.CustomerIds[b.CustomerKey], orders.Nicknames[b.CustomerKey], b.FirstOrderAt, b.Orders,
                CampaignReportBuilder.Exact(b.Revenue), b.IsNew, b.Repeat90d))
            .OrderByDescending(b => b.Revenue)
            .ThenBy(b => b.CustomerId, StringComparer.Ordinal)
            .ToList();
        return new Pass(campaigns, catalog, tally, buyers);
    }

    /// <summary>The local days of the snapshot's orders, kept with the snapshot.</summary>
    private static LocalDays DaysOf(DataSnapshot orders) =>
        orders.OrderCount == 0 ? new LocalDays(orders.Clock, 0, -1) : new LocalDays(orders.Clock, orders.PlacedAtMs.Min(), orders.LatestPlacedAtMs);

    /// <summary>Feeds every customer's paid orders and known-campaign touches, each in time order, to the tally.</summary>
    private static void Tally(DataSnapshot orders, FunnelEvents touches, CampaignCatalog catalog, CampaignTally tally, CancellationToken ct)
    {
        var orderCampaign = orders.CampaignIds.Select(catalog.IndexOf).ToArray();
        var touchCampaign = touches.CampaignIds.Select(catalog.IndexOf).ToArray();
        var customerOrders = new List<CustomerOrder>();
        var customerTouches = new List<CustomerTouch>();
        for (var c = 0; c < orders.CustomerCount; c++)
        {
            if ((c & 4095) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
            customerOrders.Clear();
            customerTouches.Clear();
            for (var o = orders.OrderStart[c]; o < orders.OrderStart[c + 1]; o++)
            {
                var k = orders.Campaigns[o];
                customerOrders.Add(new CustomerOrder(orders.PlacedAtMs[o], orders.AmountUnits[o], k < 0 ? CampaignAttribution.None : orderCampaign[k]));
            }
            for (var e = touches.Start[c]; e < touches.Start[c + 1]; e++)
            {
                var campaign = touchCampaign[touches.Campaigns[e]];
                // An event of a campaign that is not on file is no campaign's touch.
                if (campaign != CampaignAttribution.None)
                {
                    customerTouches.Add(new CustomerTouch(touches.AtMs[e], campaign, (CampaignStage)touches.Stages[e]));
                }
            }
            if (customerOrders.Count > 0 || customerTouches.Count > 0)
            {
                // The customer's snapshot index stands for the customer: buyers are named from the snapshot afterwards.
                tally.AddCustomer(c, CollectionsMarshal.AsSpan(customerOrders), CollectionsMarshal.AsSpan(customerTouches));
            }
        }
    }
}
