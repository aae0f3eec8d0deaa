using LiveOps.Core.Data.Entities;

namespace LiveOps.Core.Data.Demo;

/// <summary>
/// Customers and their place in the private domain. The story the dashboard tells comes from here:
/// members come back far more often (about 1 in 2) than other buyers (about 1 in 5), and members
/// leave their group mostly in the two days after a promotion push of an over-pushed week.
/// </summary>
internal static class CustomerGenerator
{
    public const double BuyerShare = 0.97;
    public const double MemberRepeatChance = 0.52;
    public const double NonMemberRepeatChance = 0.19;
    private const double LeaveChance = 0.22;
    private const double LeaveAfterOverPushChance = 0.6;

    private static readonly (AcquisitionChannel Channel, double Weight, double MemberChance)[] Channels =
    [
        (AcquisitionChannel.LiveRoom, 45, 0.45),
        (AcquisitionChannel.ShortVideo, 20, 0.30),
        (AcquisitionChannel.Search, 10, 0.20),
        (AcquisitionChannel.Ad, 12, 0.25),
        (AcquisitionChannel.Referral, 8, 0.40),
        (AcquisitionChannel.Other, 5, 0.25),
    ];

    public static void Customers(DemoPlan plan, Random rng, DemoDataset data)
    {
        // A growing shop: acquisitions lean toward the recent months. Ids follow acquisition order.
        var acquired = new long[plan.Customers];
        for (var i = 0; i < acquired.Length; i++)
        {
            var day = Math.Min(DemoPlan.Days - 1, (int)(DemoPlan.Days * Math.Pow(rng.NextDouble(), 0.85)));
            acquired[i] = plan.TimeOnDay(rng, day);
        }
        Array.Sort(acquired);

        var width = Math.Max(6, plan.Customers.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        var channelTotal = Channels.Sum(c => c.Weight);
        var audienceTotal = data.Audiences.Sum(a => a.Weight);
        var customers = new DemoCustomer[plan.Customers];
        for (var i = 0; i < customers.Length; i++)
        {
            var (channel, _, memberChance) = Pick(Channels, c => c.Weight, channelTotal, rng);
            ref var c = ref customers[i];
            c.Id = "C" + (i + 1).ToString("D" + width, System.Globalization.CultureInfo.InvariantCulture);
            c.Nickname = DemoNames.Nickname(rng);
            c.AcquiredMs = acquired[i];
            c.Channel = channel;
            c.Audience = -1;
            if (rng.NextDouble() < memberChance)
            {
                c.Audience = PickIndex(data.Audiences, a => a.Weight, audienceTotal, rng);
                // Buyers are invited into a group or added on WeCom within days of their first order.
                c.JoinedPrivateMs = Math.Min(plan.EndMs - 1, c.AcquiredMs + DemoPlan.Minutes(10 + rng.Next(7 * 24 * 60)));
            }
            c.PlannedOrders = PlannedOrders(plan, rng, c);
        }
        data.Customers = customers;
    }

    private static int PlannedOrders(DemoPlan plan, Random rng, in DemoCustomer c)
    {
        if (rng.NextDouble() >= BuyerShare)
        {
            return 0;
        }
        // Customers acquired in the last weeks have had less time to come back.
        var remainingDays = (plan.EndMs - c.AcquiredMs) / (double)DemoPlan.DaysMs(1);
        var chance = (c.IsMember ? MemberRepeatChance : NonMemberRepeatChance) * Math.Min(1, remainingDays / 45);
        if (rng.NextDouble() >= chance)
        {
            return 1;
        }
        // Most repeat buyers come back once or twice; regulars buy monthly; a few fans buy almost weekly.
        var u = rng.NextDouble();
        var extra = u < 0.60 ? 1 + rng.Next(3) : u < 0.88 ? 4 + rng.Next(9) : 15 + rng.Next(36);
        return 1 + Math.Max(1, (int)Math.Round(extra * plan.RepeatIntensity));
    }

    /// <summary>Joins for every member, and leaves that cluster in the 48 h after over-pushed promotions.</summary>
    public static void AudienceEvents(DemoPlan plan, Random rng, DemoDataset data)
    {
        var customers = data.Customers;
        for (var i = 0; i < customers.Length; i++)
        {
            ref readonly var c = ref customers[i];
            if (!c.IsMember)
            {
                continue;
            }
            var audience = data.Audiences[c.Audience];
            data.AudienceEvents.Add(new DemoAudienceEvent(c.Audience, i, c.JoinedPrivateMs, AudienceEventType.Joined));
            audience.MemberCount++;
            if (rng.NextDouble() >= LeaveChance)
            {
                continue;
            }
            var leave = 0L;
            if (rng.NextDouble() < LeaveAfterOverPushChance)
            {
                var pushes = audience.OverPushedPromotionMs;
                var first = FirstAfter(pushes, c.JoinedPrivateMs);
                if (first < pushes.Count)
                {
                    leave = pushes[rng.Next(first, pushes.Count)] + DemoPlan.Minutes(30 + rng.Next(46 * 60));
                }
            }
            if (leave == 0 || leave >= plan.EndMs)
            {
                leave = plan.TimeAfter(rng, c.JoinedPrivateMs + DemoPlan.DaysMs(1));
            }
            if (leave > c.JoinedPrivateMs && leave < plan.EndMs)
            {
                data.AudienceEvents.Add(new DemoAudienceEvent(c.Audience, i, leave, AudienceEventType.Left));
                audience.MemberCount--;
            }
        }
    }

    /// <summary>The index of the first element greater than <paramref name="ms"/> in a sorted list.</summary>
    public static int FirstAfter(List<long> sorted, long ms)
    {
        var i = sorted.BinarySearch(ms + 1);
        return i >= 0 ? i : ~i;
    }

    private static T Pick<T>(T[] items, Func<T, double> weight, double total, Random rng) => items[PickIndex(items, weight, total, rng)];

    private static int PickIndex<T>(IReadOnlyList<T> items, Func<T, double> weight, double total, Random rng)
    {
        var u = rng.NextDouble() * total;
        for (var i = 0; i < items.Count - 1; i++)
        {
            u -= weight(items[i]);
            if (u < 0)
            {
                return i;
            }
        }
        return items.Count - 1;
    }
}
