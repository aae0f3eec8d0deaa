using LiveOps.Core.Common;
using LiveOps.Core.Data;
using LiveOps.Core.Data.Entities;

namespace LiveOps.Tests.Dashboard.Exports;

/// <summary>
/// The two customers the tier lists name, as the download tests seed them: <c>near</c> 300 short of silver's 2,000 (an
/// upgrade candidate) and <c>lapsing</c>, silver from one order of 2,100 that leaves the 365-day window in 15 days (a
/// downgrade risk keeping nothing). Whatever else the test put in <paramref name="db"/> is saved with them.
/// </summary>
internal static class TierListCustomers
{
    /// <returns>The cohort month (<c>yyyy-MM</c>) of <c>near</c>'s first order.</returns>
    public static async Task<string> AddAsync(LiveOpsDbContext db, ZoneClock clock, Customer near, Customer lapsing, string? nearCampaignId = null)
    {
        var now = clock.UtcNow;
        db.Customers.AddRange(near, lapsing);
        await db.SaveChangesAsync();
        db.Orders.AddRange(
            new Order { OrderId = "o1", CustomerKey = near.Id, PlacedAt = now.AddDays(-10), Amount = 1700m, Status = OrderStatus.Paid, CampaignId = nearCampaignId },
            new Order { OrderId = "o2", CustomerKey = lapsing.Id, PlacedAt = now.AddDays(-350), Amount = 2100m, Status = OrderStatus.Paid });
        await db.SaveChangesAsync();
        var firstOrder = clock.LocalDate(now.AddDays(-10));
        return $"{firstOrder.Year:D4}-{firstOrder.Month:D2}";
    }
}
