using LiveOps.Core.Data;
using LiveOps.Core.Data.Entities;
using LiveOps.Core.Tiers;
using Microsoft.EntityFrameworkCore;

namespace LiveOps.Core.Actions;

/// <summary>
/// The send list of an action: its contacted customers only, so the holdout can never be messaged from it, with the
/// nickname, the tier held now and the private-domain audience (WeCom group or contacts) where the data knows them.
/// </summary>
public sealed class ContactListService(IDbContextFactory<LiveOpsDbContext> factory, TierService tiers)
{
    /// <summary>The contacted customers in id order; null when there is no such action.</summary>
    public async Task<IReadOnlyList<ContactRow>?> ContactedAsync(int actionId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.Set<ActionRecord>().AnyAsync(a => a.Id == actionId, ct))
        {
            return null;
        }
        var rows = await (
                from m in db.Set<ActionMember>()
                where m.ActionId == actionId && m.Group == ActionGroup.Contacted
                join c in db.Customers on m.CustomerKey equals c.Id
                join a in db.Audiences on c.PrivateAudienceId equals a.AudienceId into audiences
                from a in audiences.DefaultIfEmpty()
                select new { c.CustomerId, c.Nickname, c.PrivateAudienceId, AudienceName = a == null ? null : a.Name })
            .AsNoTracking().ToListAsync(ct);
        var tierOf = (await tiers.RunAsync(new TierQuery(), ct)).Customers.ToDictionary(t => t.CustomerId, t => t.Tier, StringComparer.Ordinal);
        return rows
            .OrderBy(r => r.CustomerId, StringComparer.Ordinal)
            .Select(r => new ContactRow(r.CustomerId, r.Nickname, tierOf.GetValueOrDefault(r.CustomerId), r.PrivateAudienceId, r.AudienceName))
            .ToList();
    }
}
