using LiveOps.Core.Common;
using LiveOps.Core.Data;
using LiveOps.Core.Data.Entities;
using System.Data.Common;
using LiveOps.Core.Data.Providers;
using Microsoft.EntityFrameworkCore;

namespace LiveOps.Core.Campaigns;

/// <summary>
/// <c>report campaigns</c>, the campaigns page and its exports. One ordered pass over paid orders and one over
/// funnel events, both by customer then time (each served by its (CustomerKey, time) index), merged per customer
/// in memory: no query per campaign or per customer, and memory bounded by one customer's rows plus per-campaign
/// counters.
/// </summary>
public sealed class CampaignService(IDbContextFactory<LiveOpsDbContext> factory, ZoneClock clock, DataVersion version)
{
    // Raw reads: stored instants are UTC Unix milliseconds and amounts 1/10000 yuan (see LiveOpsDbContext).
    private const string OrdersSql =
        "SELECT \"CustomerKey\", \"PlacedAt\", \"Amount\", \"CampaignId\" FROM orders WHERE \"Status\" = @paid ORDER BY \"CustomerKey\", \"PlacedAt\"";

    private const string EventsSql =
        "SELECT \"CustomerKey\", \"At\", \"CampaignId\", \"Stage\" FROM campaign_events ORDER BY \"CustomerKey\", \"At\"";

    private const int CachedPasses = 8;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Pass> _passes = new(StringComparer.Ordinal);
    private long _passesVersion = -1;

    /// <summary>What one pass over the data yields; filters and benchmarks are applied on top of it.</summary>
    private sealed record Pass(IReadOnlyList<CampaignInfo> Campaigns, CampaignCatalog Catalog, CampaignTally Tally, IReadOnlyList<CampaignBuyer> Buyers);

    public async Task<CampaignReport> RunAsync(CampaignQuery query, CancellationToken ct = default)
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
        await using var db = await factory.CreateDbContextAsync(ct);
        var campaigns = await db.Campaigns.AsNoTracking()
            .Select(c => new CampaignInfo(c.CampaignId, c.Name, c.Type, c.StartsAt, c.EndsAt, c.Cost, c.AttributionDays))
            .ToListAsync(ct);
        var catalog = new CampaignCatalog(campaigns.Select(c => (c.CampaignId, c.AttributionDays)));
        var tally = new CampaignTally(catalog, clock, catalog.IndexOf(buyersOf));

        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var provider = DatabaseProvider.Of(connection);
        // The events are read alongside the orders on a second connection (PostgreSQL runs one reader per connection).
        await using (var second = await provider.OpenReaderAsync(db.Database.GetConnectionString()!, ct))
        {
            await provider.TuneForScanAsync(connection, ct);
            await provider.TuneForScanAsync(second, ct);
            await StreamAsync(connection, second, catalog, tally, ct);
        }
        var buyers = await NameBuyersAsync(connection, tally.Buyers, ct);
        return new Pass(campaigns, catalog, tally, buyers);
    }

    private static async Task StreamAsync(DbConnection connection, DbConnection eventsConnection, CampaignCatalog catalog, CampaignTally tally, CancellationToken ct)
    {
        await using var ordersCommand = connection.CreateCommand();
        ordersCommand.CommandText = OrdersSql;
        var paid = ordersCommand.CreateParameter();
        paid.ParameterName = "@paid";
        paid.Value = (int)OrderStatus.Paid;
        ordersCommand.Parameters.Add(paid);
        await using var eventsCommand = eventsConnection.CreateCommand();
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

    /// <summary>Customer ids and nicknames for the listed buyers, in one query over a list of keys bound as one parameter.</summary>
    private static async Task<IReadOnlyList<CampaignBuyer>> NameBuyersAsync(DbConnection connection, IReadOnlyList<BuyerFacts> buyers, CancellationToken ct)
    {
        if (buyers.Count == 0)
        {
            return [];
        }
        var names = new Dictionary<int, (string Id, string? Nickname)>(buyers.Count);
        await using var command = connection.CreateCommand();
        var keys = DatabaseProvider.Of(connection).KeyList(command, "@keys", buyers.Select(b => b.CustomerKey).ToList());
        command.CommandText = $"SELECT \"Id\", \"CustomerId\", \"Nickname\" FROM customers WHERE \"Id\" IN {keys}";
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
