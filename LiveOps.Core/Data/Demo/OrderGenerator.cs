using LiveOps.Core.Common;
using LiveOps.Core.Data.Entities;

namespace LiveOps.Core.Data.Demo;

/// <summary>
/// Each customer's orders: the first at acquisition, repeat orders later in the window, campaign
/// orders where a funnel led to a purchase. Live-room orders fall inside a live session; members'
/// group orders follow a promotion push. Repeat baskets are about 30% larger than first ones.
/// </summary>
internal static class OrderGenerator
{
    private const double FirstOrderMedianYuan = 140;
    private const double RepeatBasketFactor = 1.32;

    public static void Orders(DemoPlan plan, Random rng, DemoDataset data)
    {
        data.OrderIntents.Sort((a, b) => a.Customer != b.Customer ? a.Customer.CompareTo(b.Customer) : a.AtMs.CompareTo(b.AtMs));
        var sessionStarts = data.LiveSessions.Select(s => s.StartMs).ToList();
        var orders = new List<DemoOrder>((int)(plan.Customers * (1 + 2.1 * plan.RepeatIntensity)));
        var own = new List<DemoOrder>();
        var chosen = new List<DemoOrderIntent>();
        var cursor = 0;
        var customers = data.Customers;
        for (var i = 0; i < customers.Length; i++)
        {
            ref var c = ref customers[i];
            var intentsStart = cursor;
            while (cursor < data.OrderIntents.Count && data.OrderIntents[cursor].Customer == i)
            {
                cursor++;
            }
            var planned = c.PlannedOrders;
            if (planned == 0 && cursor > intentsStart)
            {
                planned = 1;
            }
            // Campaign orders take the customer's order slots, explicit redemptions first.
            chosen.Clear();
            for (var k = intentsStart; k < cursor; k++)
            {
                chosen.Add(data.OrderIntents[k]);
            }
            chosen.Sort((a, b) => a.Explicit != b.Explicit ? b.Explicit.CompareTo(a.Explicit) : a.AtMs.CompareTo(b.AtMs));
            own.Clear();
            for (var k = 0; k < Math.Min(planned, chosen.Count); k++)
            {
                var intent = chosen[k];
                var inGroup = c.IsMember && intent.AtMs >= c.JoinedPrivateMs;
                own.Add(new DemoOrder(i, intent.AtMs, 0, OrderStatus.Paid, inGroup ? OrderChannel.PrivateGroup : OrderChannel.MiniProgram,
                    intent.Explicit ? intent.Campaign : -1, -1));
            }
            for (var k = own.Count; k < planned; k++)
            {
                var intended = k == 0 ? c.AcquiredMs : plan.TimeAfter(rng, c.AcquiredMs + DemoPlan.Hours(12));
                own.Add(Place(plan, rng, data, sessionStarts, i, intended, first: k == 0));
            }
            own.Sort((a, b) => a.PlacedMs.CompareTo(b.PlacedMs));
            for (var k = 0; k < own.Count; k++)
            {
                var order = own[k];
                order.AmountUnits = Amount(rng, repeat: k > 0);
                order.Status = Status(rng);
                orders.Add(order);
            }
            if (own.Count > 0)
            {
                c.AcquiredMs = Math.Min(c.AcquiredMs, own[0].PlacedMs);
            }
        }
        // Order numbers follow time, as a shop system assigns them.
        orders.Sort((a, b) => a.PlacedMs != b.PlacedMs ? a.PlacedMs.CompareTo(b.PlacedMs) : a.Customer.CompareTo(b.Customer));
        data.Orders = orders;
    }

    private static DemoOrder Place(DemoPlan plan, Random rng, DemoDataset data, List<long> sessionStarts, int customer, long intended, bool first)
    {
        ref readonly var c = ref data.Customers[customer];
        var member = c.IsMember && intended >= c.JoinedPrivateMs;
        var u = rng.NextDouble();
        var channel = first
            ? (c.Channel == AcquisitionChannel.LiveRoom || u < 0.4 ? OrderChannel.LiveRoom : u < 0.7 ? OrderChannel.Shop : OrderChannel.MiniProgram)
            : member
                ? (u < 0.45 ? OrderChannel.PrivateGroup : u < 0.75 ? OrderChannel.LiveRoom : u < 0.95 ? OrderChannel.MiniProgram : OrderChannel.Shop)
                : (u < 0.55 ? OrderChannel.LiveRoom : u < 0.75 ? OrderChannel.MiniProgram : OrderChannel.Shop);
        if (channel == OrderChannel.LiveRoom)
        {
            var s = SessionFor(sessionStarts, intended, c.AcquiredMs);
            if (s < 0)
            {
                return new DemoOrder(customer, intended, 0, OrderStatus.Paid, OrderChannel.Shop, -1, -1);
            }
            var session = data.LiveSessions[s];
            var at = session.StartMs + (long)((session.EndMs - session.StartMs) * rng.NextDouble());
            return new DemoOrder(customer, at, 0, OrderStatus.Paid, channel, -1, s);
        }
        if (channel == OrderChannel.PrivateGroup)
        {
            // Group orders come in the day after a promotion push.
            var pushes = data.Audiences[c.Audience].PromotionMs;
            var next = CustomerGenerator.FirstAfter(pushes, intended);
            if (next < pushes.Count)
            {
                var at = pushes[next] + DemoPlan.Minutes(5 + rng.Next(24 * 60));
                intended = at < plan.EndMs ? at : intended;
            }
        }
        return new DemoOrder(customer, intended, 0, OrderStatus.Paid, channel, -1, -1);
    }

    /// <summary>The first live session starting at or after the instant, else the last one since acquisition, else -1.</summary>
    private static int SessionFor(List<long> starts, long intended, long acquiredMs)
    {
        var i = starts.BinarySearch(intended);
        i = i >= 0 ? i : ~i;
        if (i < starts.Count)
        {
            return i;
        }
        return starts.Count > 0 && starts[^1] >= acquiredMs - DemoPlan.Hours(4) ? starts.Count - 1 : -1;
    }

    /// <summary>A basket price ending in .9 yuan, log-normal around the median; repeat baskets are larger.</summary>
    private static long Amount(Random rng, bool repeat)
    {
        var normal = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        var yuan = FirstOrderMedianYuan * Math.Exp(0.55 * normal) * (repeat ? RepeatBasketFactor : 1);
        var tenths = Math.Max(99, (long)Math.Round(yuan) * 10 - 1);
        return tenths * (Money.UnitsPerYuan / 10);
    }

    private static OrderStatus Status(Random rng)
    {
        var u = rng.NextDouble();
        return u < 0.90 ? OrderStatus.Paid : u < 0.96 ? OrderStatus.Refunded : OrderStatus.Cancelled;
    }
}
