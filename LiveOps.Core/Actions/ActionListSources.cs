using LiveOps.Core.Campaigns;
using LiveOps.Core.Data;
using LiveOps.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LiveOps.Core.Actions;

/// <summary>The customer lists the product shows that have no list service of their own, for creating actions from them.</summary>
public sealed class ActionListSources(IDbContextFactory<LiveOpsDbContext> factory, CampaignService campaigns)
{
    /// <summary>
    /// A campaign's non-buyers: customers with any funnel event of the campaign and no order attributed to it
    /// (attribution as <c>report campaigns</c> defines it), in id order.
    /// </summary>
    public async Task<IReadOnlyList<string>> CampaignNonBuyersAsync(string campaignId, CancellationToken ct = default)
    {
        var buyers = (await campaigns.RunAsync(new CampaignQuery { BuyersOf = campaignId }, ct)).Buyers
            .Select(b => b.CustomerId).ToHashSet(StringComparer.Ordinal);
        await using var db = await factory.CreateDbContextAsync(ct);
        var reached = await (from e in db.CampaignEvents
                             where e.CampaignId == campaignId
                             join c in db.Customers on e.CustomerKey equals c.Id
                             select c.CustomerId).Distinct().ToListAsync(ct);
        return reached.Where(id => !buyers.Contains(id)).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>An audience's members now: customers whose latest event in it (by time, then import order) is a join.</summary>
    public async Task<IReadOnlyList<string>> AudienceMembersAsync(string audienceId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var events = await (from e in db.AudienceEvents
                            where e.AudienceId == audienceId
                            join c in db.Customers on e.CustomerKey equals c.Id
                            select new { c.CustomerId, e.At, e.Id, e.Event }).AsNoTracking().ToListAsync(ct);
        return events.GroupBy(e => e.CustomerId, StringComparer.Ordinal)
            .Where(g => g.MaxBy(e => (e.At, e.Id))!.Event == AudienceEventType.Joined)
            .Select(g => g.Key).Order(StringComparer.Ordinal).ToList();
    }
}
