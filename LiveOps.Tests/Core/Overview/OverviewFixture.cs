using LiveOps.Core.Data;
using LiveOps.Core.Data.Entities;

namespace LiveOps.Tests.Core.Overview;

/// <summary>
/// January 2026 against December 2025 (a year boundary), worked out by hand:
/// a joined 2025-12-15: 100 on 2025-11-01, 200 on 2025-12-31 23:59:59, 300 on 2026-01-01 00:00 (all paid);
/// b never joined: 50 on Jan 10 in a private group (first), 70 on Jan 20 in the live room;
/// c joined Jan 5: 60 on Jan 2 (before joining), 500 refunded on Jan 3;
/// d joined 2026-02-01 00:00 and ordered 10 then (both at the range end: outside);
/// e never joined: 80 on 2025-10-01 and nothing after.
/// </summary>
public static class OverviewFixture
{
    private static DateTimeOffset At(int year, int month, int day, int hour = 12, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.FromHours(8));

    public static async Task SeedAsync(LiveOpsDbContext db)
    {
        Customer C(string id, DateTimeOffset? joined = null) => new() { CustomerId = id, JoinedPrivateAt = joined };
        var customers = new[] { C("a", At(2025, 12, 15)), C("b"), C("c", At(2026, 1, 5)), C("d", At(2026, 2, 1, 0)), C("e") };
        db.Customers.AddRange(customers);
        await db.SaveChangesAsync();
        var n = 0;
        Order O(int customer, DateTimeOffset at, decimal amount, OrderChannel? channel = null, OrderStatus status = OrderStatus.Paid) =>
            new() { OrderId = $"o{++n}", CustomerKey = customers[customer].Id, PlacedAt = at, Amount = amount, Channel = channel, Status = status };
        db.Orders.AddRange(
            O(0, At(2025, 11, 1), 100m),
            O(0, At(2025, 12, 31, 23, 59, 59), 200m),
            O(0, At(2026, 1, 1, 0), 300m),
            O(1, At(2026, 1, 10), 50m, OrderChannel.PrivateGroup),
            O(1, At(2026, 1, 20), 70m, OrderChannel.LiveRoom),
            O(2, At(2026, 1, 2), 60m),
            O(2, At(2026, 1, 3), 500m, status: OrderStatus.Refunded),
            O(3, At(2026, 2, 1, 0), 10m),
            O(4, At(2025, 10, 1), 80m));
        db.Campaigns.AddRange(
            new Campaign { CampaignId = "in", Name = "一月券", Type = CampaignType.ExclusiveCoupon, StartsAt = At(2026, 1, 15), EndsAt = At(2026, 1, 20) },
            new Campaign { CampaignId = "open", Name = "常驻", Type = CampaignType.Content, StartsAt = At(2025, 6, 1) },
            new Campaign { CampaignId = "ended", Name = "年末", Type = CampaignType.HookProduct, StartsAt = At(2025, 12, 1), EndsAt = At(2025, 12, 31, 23) },
            new Campaign { CampaignId = "later", Name = "二月", Type = CampaignType.LotteryJoin, StartsAt = At(2026, 2, 1, 0) });
        await db.SaveChangesAsync();
    }
}
