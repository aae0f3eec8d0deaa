using LiveOps.Core.Common;
using LiveOps.Core.Data;
using LiveOps.Core.Data.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LiveOps.Core.Campaigns;

/// <summary>
/// <c>report campaigns</c>, the campaigns page and its exports. One ordered pass over paid orders and one over
/// funnel events, both by customer then time (each served by its (CustomerKey, time) index), merged per customer
/// in memory: no query per campaign or per customer, and memory bounded by one customer's rows plus per-campaign
/// counters.
/// </summary>
public sealed class CampaignService(IDbContextFactory<LiveOpsDbContext> factory, ZoneClock clock)
{
    // Raw reads: stored instants are UTC Unix milliseconds and amounts 1/10000 yuan (see LiveOpsDbContext).
    private const string OrdersSql =
        "SELECT CustomerKey, PlacedAt, Amount, CampaignId FROM orders WHERE Status = $paid ORDER BY CustomerKey, PlacedAt";

    private const string EventsSql =
        "SELECT CustomerKey, At, CampaignId, Stage FROM campaign_events ORDER BY CustomerKey, At";

    public async Task<CampaignReport> RunAsync(CampaignQuery query, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var campaigns = await db.Campaigns.AsNoTracking()
            .Select(c => new CampaignInfo(c.CampaignId, c.Name, c.Type, c.StartsAt, c.EndsAt, c.Cost, c.AttributionDays))
            .ToListAsync(ct);
        var catalog = new CampaignCatalog(campaigns.Select(c => (c.CampaignId, c.AttributionDays)));
        var tally = new CampaignTally(catalog, clock, catalog.IndexOf(query.BuyersOf));

        await db.Database.OpenConnectionAsync(ct);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await StreamAsync(connection, catalog, tally, ct);
        var buyers = await NameBuyersAsync(connection, tally.Buyers, ct);
        return CampaignReportBuilder.Build(campaigns, catalog, tally, query, clock, buyers);
    }

    private static async Task StreamAsync(SqliteConnection connection, CampaignCatalog catalog, CampaignTally tally, CancellationToken ct)
    {
        await using var ordersCommand = connection.CreateCommand();
        ordersCommand.CommandText = OrdersSql;
        ordersCommand.Parameters.AddWithValue("$paid", (int)OrderStatus.Paid);
        await using var eventsCommand = connection.CreateCommand();
        eventsCommand.CommandText = EventsSql;
        await using var orders = await ordersCommand.ExecuteReaderAsync(ct);
        await using var events = await eventsCommand.ExecuteReaderAsync(ct);

        var customerOrders = new List<CustomerOrder>();
        var customerTouches = new List<CustomerTouch>();
        var moreOrders = orders.Read();
        var moreEvents = events.Read();
        var customers = 0;
        while (moreOrders || moreEvents)
        {
            var key = Math.Min(moreOrders ? orders.GetInt32(0) : int.MaxValue, moreEvents ? events.GetInt32(0) : int.MaxValue);
            customerOrders.Clear();
            customerTouches.Clear();
            while (moreOrders && orders.GetInt32(0) == key)
            {
                customerOrders.Add(new CustomerOrder(
                    DateTimeOffset.FromUnixTimeMilliseconds(orders.GetInt64(1)),
                    Money.FromUnits(orders.GetInt64(2)),
                    orders.IsDBNull(3) ? CampaignAttribution.None : catalog.IndexOf(orders.GetString(3))));
                moreOrders = orders.Read();
            }
            while (moreEvents && events.GetInt32(0) == key)
            {
                var campaign = catalog.IndexOf(events.GetString(2));
                // An event of a campaign that is not on file is no campaign's touch.
                if (campaign != CampaignAttribution.None)
                {
                    customerTouches.Add(new CustomerTouch(
                        DateTimeOffset.FromUnixTimeMilliseconds(events.GetInt64(1)), campaign, (CampaignStage)events.GetInt32(3)));
                }
                moreEvents = events.Read();
            }
            tally.AddCustomer(key, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(customerOrders),
                System.Runtime.InteropServices.CollectionsMarshal.AsSpan(customerTouches));
            if (++customers % 4096 == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
        }
    }

    /// <summary>Customer ids and nicknames for the listed buyers, in one query over a JSON array of keys.</summary>
    private static async Task<IReadOnlyList<CampaignBuyer>> NameBuyersAsync(SqliteConnection connection, IReadOnlyList<BuyerFacts> buyers, CancellationToken ct)
    {
        if (buyers.Count == 0)
        {
            return [];
        }
        var names = new Dictionary<int, (string Id, string? Nickname)>(buyers.Count);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, CustomerId, Nickname FROM customers WHERE Id IN (SELECT value FROM json_each($keys))";
        command.Parameters.AddWithValue("$keys", "[" + string.Join(',', buyers.Select(b => b.CustomerKey)) + "]");
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (reader.Read())
            {
                names[reader.GetInt32(0)] = (reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
            }
        }
        return buyers
            .Select(b =>
            {
                var (id, nickname) = names.GetValueOrDefault(b.CustomerKey, (b.CustomerKey.ToString(System.Globalization.CultureInfo.InvariantCulture), null));
                return new CampaignBuyer(id, nickname, b.FirstOrderAt, b.Orders, CampaignReportBuilder.Exact(b.Revenue), b.IsNew, b.Repeat90d);
            })
            .OrderByDescending(b => b.Revenue)
            .ThenBy(b => b.CustomerId, StringComparer.Ordinal)
            .ToList();
    }
}
