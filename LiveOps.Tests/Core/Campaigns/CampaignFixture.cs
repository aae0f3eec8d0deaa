using LiveOps.Core.Data;
using LiveOps.Core.Data.Entities;

namespace LiveOps.Tests.Core.Campaigns;

/// <summary>
/// A small shop whose campaign numbers are worked out by hand (see the expected JSON in CampaignsReportCliTests):
/// k1 exclusive_coupon (7-day window, cost 100), k2 hook_product (3-day window, no cost),
/// k3 lottery_join named like a formula (cost 50, nobody touched).
/// </summary>
public static class CampaignFixture
{
    public static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    public static DateTimeOffset At(int month, int day, int hour, int minute = 0, int second = 0) =>
        new(2026, month, day, hour, minute, second, Shanghai);

    public const string ExpectedJson =
        """{"campaigns":[""" +
        """{"campaignId":"k1","name":"九月专属券","type":"exclusive_coupon","exposed":3,"clicked":1,"joined":0,"claimed":1,"redeemed":0,"buyers":2,"orders":3,"revenue":180.15,"repeatBuyers90d":1,"cost":100,"roi":0.8015},""" +
        """{"campaignId":"k2","name":"钩子款","type":"hook_product","exposed":2,"clicked":1,"joined":0,"claimed":0,"redeemed":0,"buyers":1,"orders":2,"revenue":210,"repeatBuyers90d":1,"cost":null,"roi":null},""" +
        """{"campaignId":"k3","name":"=1+2","type":"lottery_join","exposed":0,"clicked":0,"joined":0,"claimed":0,"redeemed":0,"buyers":0,"orders":0,"revenue":0,"repeatBuyers90d":0,"cost":50,"roi":-1}""" +
        "]}";

    public static async Task SeedAsync(LiveOpsDbContext db)
    {
        db.Campaigns.AddRange(
            new Campaign { CampaignId = "k1", Name = "九月专属券", Type = CampaignType.ExclusiveCoupon, StartsAt = At(9, 15, 0), EndsAt = At(9, 22, 0), Cost = 100m, AttributionDays = 7 },
            new Campaign { CampaignId = "k2", Name = "钩子款", Type = CampaignType.HookProduct, StartsAt = At(10, 1, 0), EndsAt = At(10, 3, 0), AttributionDays = 3 },
            new Campaign { CampaignId = "k3", Name = "=1+2", Type = CampaignType.LotteryJoin, StartsAt = At(11, 1, 0), Cost = 50m, AttributionDays = 7 });
        var customers = Enumerable.Range(1, 5).Select(i => new Customer { CustomerId = $"c{i}", Nickname = $"顾客{i}" }).ToArray();
        db.Customers.AddRange(customers);
        await db.SaveChangesAsync();
        int Key(int i) => customers[i - 1].Id;

        CampaignEvent Event(string campaign, int customer, DateTimeOffset at, CampaignStage stage) =>
            new() { CampaignId = campaign, CustomerKey = Key(customer), At = at, Stage = stage };
        db.CampaignEvents.AddRange(
            Event("k1", 1, At(9, 15, 10), CampaignStage.Exposed),
            Event("k1", 1, At(9, 15, 10, 5), CampaignStage.Clicked),
            Event("k1", 1, At(9, 15, 10, 10), CampaignStage.Claimed),
            Event("k1", 2, At(9, 16, 9), CampaignStage.Exposed),
            Event("k2", 2, At(10, 1, 9), CampaignStage.Exposed),
            Event("k2", 3, At(10, 2, 12), CampaignStage.Exposed),
            Event("k2", 3, At(10, 2, 12, 1), CampaignStage.Clicked),
            Event("k1", 4, At(9, 17, 8), CampaignStage.Exposed),
            Event("unknown", 5, At(8, 30, 8), CampaignStage.Exposed));

        Order Order(string id, int customer, DateTimeOffset at, decimal amount, string? campaign = null, OrderStatus status = OrderStatus.Paid) =>
            new() { OrderId = id, CustomerKey = Key(customer), PlacedAt = at, Amount = amount, CampaignId = campaign, Status = status };
        db.Orders.AddRange(
            Order("o1", 1, At(9, 15, 12), 100.10m),                     // k1 touch 2 h before: k1, first order ever
            Order("o2", 1, At(9, 20, 12), 50.05m),                      // still inside k1's 7 days: k1, and c1 repeats
            Order("o3", 2, At(10, 1, 10), 200m),                        // latest touch k2 (k1 touch is older): k2
            Order("o4", 2, At(10, 4, 9), 10m),                          // exactly 3 × 24 h after the k2 touch: in
            Order("o5", 3, At(10, 5, 12, 1, 1), 70m),                   // 3 × 24 h + 1 s after c3's latest k2 touch: out
            Order("o6", 4, At(9, 18, 9), 999m, status: OrderStatus.Refunded),
            Order("o7", 4, At(12, 30, 9), 30m, "k1"),                   // explicit campaign id, months after the touch
            Order("o8", 5, At(9, 1, 9), 40m, "nope"),                   // names no known campaign and no touch: nobody's
            Order("o9", 1, At(9, 16, 9), 500m, "k1", OrderStatus.Cancelled));
        await db.SaveChangesAsync();
    }
}
