using LiveOps.Core.Data.Entities;

namespace LiveOps.Core.Data.Demo;

/// <summary>
/// Campaign funnels: customers exposed while a campaign runs, fewer at each later stage
/// (exposed → clicked → joined → claimed → redeemed). A redemption is an order naming the campaign;
/// some claimers who did not redeem still buy inside the attribution window, without naming it.
/// </summary>
internal static class CampaignGenerator
{
    private const int MeanExposedPerCampaign = 1000;
    private const double WindowOrderChance = 0.35;

    public static void Funnels(DemoPlan plan, Random rng, DemoDataset data)
    {
        var customers = data.Customers;
        var seen = new HashSet<int>();
        for (var c = 0; c < data.Campaigns.Count; c++)
        {
            var campaign = data.Campaigns[c];
            var membersOnly = campaign.Type is CampaignType.ExclusiveCoupon or CampaignType.MemberPresale;
            var exposed = (int)(MeanExposedPerCampaign * (0.5 + rng.NextDouble()));
            var clickRate = 0.55 + 0.2 * rng.NextDouble();
            var joinRate = 0.5 + 0.2 * rng.NextDouble();
            var claimRate = 0.6 + 0.2 * rng.NextDouble();
            var redeemRate = campaign.Type == CampaignType.Content ? 0.2 + 0.15 * rng.NextDouble() : 0.45 + 0.2 * rng.NextDouble();
            seen.Clear();
            for (var e = 0; e < exposed; e++)
            {
                var at = campaign.StartMs + (long)((campaign.EndMs - campaign.StartMs) * rng.NextDouble());
                var customer = PickCustomer(customers, at, membersOnly, rng);
                if (customer < 0 || !seen.Add(customer))
                {
                    continue;
                }
                Funnel(plan, rng, data, c, customer, at, clickRate, joinRate, claimRate, redeemRate);
            }
        }
    }

    private static void Funnel(DemoPlan plan, Random rng, DemoDataset data, int campaign, int customer, long at,
        double clickRate, double joinRate, double claimRate, double redeemRate)
    {
        data.CampaignEvents.Add(new DemoCampaignEvent(campaign, customer, at, CampaignStage.Exposed));
        (CampaignStage Stage, double Rate, long MaxDelayMinutes)[] steps =
        [
            (CampaignStage.Clicked, clickRate, 180),
            (CampaignStage.Joined, joinRate, 120),
            (CampaignStage.Claimed, claimRate, 60),
            (CampaignStage.Redeemed, redeemRate, 3 * 24 * 60),
        ];
        foreach (var (stage, rate, maxDelay) in steps)
        {
            var next = at + DemoPlan.Minutes(1 + rng.Next((int)maxDelay));
            if (rng.NextDouble() >= rate || next >= plan.EndMs)
            {
                if (stage == CampaignStage.Redeemed)
                {
                    WindowOrder(plan, rng, data, campaign, customer, at);
                }
                return;
            }
            at = next;
            data.CampaignEvents.Add(new DemoCampaignEvent(campaign, customer, at, stage));
        }
        var orderAt = at + DemoPlan.Minutes(1 + rng.Next(10));
        if (orderAt < plan.EndMs)
        {
            data.OrderIntents.Add(new DemoOrderIntent(customer, orderAt, campaign, Explicit: true));
        }
    }

    /// <summary>A claimer who did not redeem but buys within the campaign's attribution window.</summary>
    private static void WindowOrder(DemoPlan plan, Random rng, DemoDataset data, int campaign, int customer, long claimedAt)
    {
        if (rng.NextDouble() >= WindowOrderChance)
        {
            return;
        }
        var window = DemoPlan.DaysMs(data.Campaigns[campaign].AttributionDays * 0.9);
        var orderAt = claimedAt + DemoPlan.Hours(1) + (long)(window * rng.NextDouble());
        if (orderAt < plan.EndMs)
        {
            data.OrderIntents.Add(new DemoOrderIntent(customer, orderAt, campaign, Explicit: false));
        }
    }

    /// <summary>A customer already acquired at the instant (members only when asked), or -1.</summary>
    private static int PickCustomer(DemoCustomer[] customers, long at, bool membersOnly, Random rng)
    {
        var acquiredBefore = AcquiredUpTo(customers, at);
        if (acquiredBefore == 0)
        {
            return -1;
        }
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var i = rng.Next(acquiredBefore);
            if (!membersOnly || (customers[i].IsMember && customers[i].JoinedPrivateMs <= at))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>How many customers (sorted by acquisition) were acquired at or before the instant.</summary>
    private static int AcquiredUpTo(DemoCustomer[] customers, long at)
    {
        int lo = 0, hi = customers.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (customers[mid].AcquiredMs <= at)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }
}
