using LiveOps.Core.Data;
using LiveOps.Core.Data.Entities;

namespace LiveOps.Tests.Core.Content;

/// <summary>
/// Two planted shops over [Mon 2 Nov, Sun 22 Nov 2026) (+08:00). Audience g1: 20 members m1..m20 joined on 1 Nov, plus
/// m21 (leaves 5 Nov 10:00, 24 h after the first content push) and m22 (leaves 9 Nov 10:00, 24 h after the promotion).
/// g1's pushes: content 4 Nov 10:00, promotion 8 Nov 10:00, content 12 Nov 10:00; each window is 72 h, so a full
/// member spends 6 days in content windows, 3 in promotion windows and 11 on baseline days.
/// <para>Lifting shop: every m1..m20 orders on 5, 6 and 13 Nov (content windows), on 9 Nov (promotion) and once on one
/// of 16–20 Nov (baseline): content 60 orders / 124 member-days, promotion 20 / 61, baseline 20 / 225.8333….</para>
/// <para>Flat shop: m1..m10 order once on 5 Nov, every m1..m20 twice on 16 and 17 Nov: content 10 / 124, baseline 40 / 225.8333….</para>
/// Both: a refunded order in a content window, an order from before the range and a non-member's order in a window never count.
/// Audience g2 has no members and only pushes: W45 2 promotions + 1 content (ok), W46 4 promotions (over), W47 2 promotions (no content).
/// </summary>
public static class ContentFixture
{
    public static DateTimeOffset At(int day, int hour = 12, int month = 11) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    public static readonly DateTimeOffset From = At(2, 0);
    public static readonly DateTimeOffset To = At(22, 0);

    /// <summary>Baseline member-days: 20 × 11 + m21's 2 d 10 h + m22's 3 d 10 h (24 h days).</summary>
    public const double BaselineDays = 220 + (2 + 10 / 24.0) + (3 + 10 / 24.0);

    public const double ContentDays = 120 + 1 + 3;

    public const double PromotionDays = 60 + 1;

    public static async Task SeedAsync(LiveOpsDbContext db, bool lifting)
    {
        db.Audiences.AddRange(new Audience { AudienceId = "g1", Name = "老客群" }, new Audience { AudienceId = "g2", Name = "新客群" });
        var members = Enumerable.Range(1, 22).Select(i => new Customer { CustomerId = $"m{i}" }).ToList();
        var outsider = new Customer { CustomerId = "x1" };
        db.Customers.AddRange(members);
        db.Customers.Add(outsider);
        await db.SaveChangesAsync();
        foreach (var m in members)
        {
            db.AudienceEvents.Add(new AudienceEvent { AudienceId = "g1", CustomerKey = m.Id, At = At(1), Event = AudienceEventType.Joined });
        }
        db.AudienceEvents.Add(new AudienceEvent { AudienceId = "g1", CustomerKey = members[20].Id, At = At(5, 10), Event = AudienceEventType.Left });
        db.AudienceEvents.Add(new AudienceEvent { AudienceId = "g1", CustomerKey = members[21].Id, At = At(9, 10), Event = AudienceEventType.Left });
        var p = 0;
        Push P(string audience, DateTimeOffset at, PushKind kind) => new() { PushId = $"p{++p}", AudienceId = audience, SentAt = at, Kind = kind };
        db.Pushes.AddRange(
            P("g1", At(4, 10), PushKind.Content), P("g1", At(8, 10), PushKind.Promotion), P("g1", At(12, 10), PushKind.Content),
            P("g2", At(2, 10), PushKind.Promotion), P("g2", At(3, 10), PushKind.Promotion), P("g2", At(4, 10), PushKind.Content),
            P("g2", At(9, 10), PushKind.Promotion), P("g2", At(10, 10), PushKind.Promotion), P("g2", At(11, 10), PushKind.Promotion), P("g2", At(12, 10), PushKind.Promotion),
            P("g2", At(16, 10), PushKind.Promotion), P("g2", At(17, 10), PushKind.Promotion));
        var n = 0;
        Order O(Customer c, DateTimeOffset at, OrderStatus status = OrderStatus.Paid) =>
            new() { OrderId = $"o{++n}", CustomerKey = c.Id, PlacedAt = at, Amount = 50m, Status = status };
        for (var i = 0; i < 20; i++)
        {
            var m = members[i];
            db.Orders.Add(O(m, At(20, 12, 10))); // before the range
            if (lifting)
            {
                db.Orders.AddRange(O(m, At(5)), O(m, At(6)), O(m, At(13)), O(m, At(9)), O(m, At(16 + i % 5)));
            }
            else
            {
                db.Orders.AddRange(O(m, At(16)), O(m, At(17)));
                if (i < 10)
                {
                    db.Orders.Add(O(m, At(5)));
                }
            }
        }
        db.Orders.Add(O(members[0], At(6, 13), OrderStatus.Refunded));
        db.Orders.Add(O(outsider, At(5)));
        await db.SaveChangesAsync();
    }
}
