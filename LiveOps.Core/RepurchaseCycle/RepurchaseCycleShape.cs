using LiveOps.Core.Common;
using LiveOps.Core.Statistics;
using LiveOps.Core.Store;

namespace LiveOps.Core.RepurchaseCycle;

/// <summary>A campaign as the comparison needs it.</summary>
public sealed record CampaignInfo(string CampaignId, string Name, DateTimeOffset StartsAt);

/// <summary>
/// The definitions of the repurchase cycle (复购周期). A gap is the time between two consecutive paid orders of one
/// customer (both before as-of), in days of 24 h. By tier: the customer's tier at as-of. Membership: a gap is a member's
/// when the customer had joined the private domain at or before the later order. Campaign participants: customers with
/// any event of the campaign or a paid order naming it. Before: gaps whose later order is before the campaign's start;
/// after: gaps whose earlier order is at or after it.
/// </summary>
public static class RepurchaseCycleShape
{
    private const double DayMs = 86_400_000d;

    public static RepurchaseCycleReport Shape(
        DataSnapshot s, FunnelEvents events, IReadOnlyList<CampaignInfo> campaigns, IReadOnlyList<string> tiers, int[] ranks,
        DateTimeOffset asOf, ZoneClock clock)
    {
        var asOfMs = asOf.ToUnixTimeMilliseconds();
        var all = new Gaps();
        var byTier = Enumerable.Range(0, tiers.Count).Select(_ => new Gaps()).ToArray();
        var members = new Gaps();
        var others = new Gaps();
        for (var c = 0; c < s.CustomerCount; c++)
        {
            var joined = s.JoinedPrivateMs[c];
            for (var i = s.OrderStart[c] + 1; i < s.OrderStart[c + 1] && s.PlacedAtMs[i] < asOfMs; i++)
            {
                var gap = (s.PlacedAtMs[i] - s.PlacedAtMs[i - 1]) / DayMs;
                all.Add(c, gap);
                if (ranks[c] < byTier.Length)
                {
                    byTier[ranks[c]].Add(c, gap);
                }
                (joined != DataSnapshot.NoInstant && joined <= s.PlacedAtMs[i] ? members : others).Add(c, gap);
            }
        }
        return new RepurchaseCycleReport(clock.ToLocal(asOf), all.Distribution(),
            tiers.Select((t, r) => new TierCycle(t, r, byTier[r].Distribution())).ToList(),
            members.Distribution(), others.Distribution(),
            campaigns.Select(k => Campaign(s, events, k, asOfMs, clock)).ToList());
    }

    private static CampaignCycle Campaign(DataSnapshot s, FunnelEvents events, CampaignInfo campaign, long asOfMs, ZoneClock clock)
    {
        var startMs = campaign.StartsAt.ToUnixTimeMilliseconds();
        var inOrders = Array.IndexOf(s.CampaignIds, campaign.CampaignId);
        var inEvents = Array.IndexOf(events.CampaignIds, campaign.CampaignId);
        var before = new Gaps();
        var after = new Gaps();
        var changes = new List<double>();
        long participants = 0;
        var own = new List<double>();
        var later = new List<double>();
        for (var c = 0; c < s.CustomerCount; c++)
        {
            if (!Participates(s, events, c, inOrders, inEvents))
            {
                continue;
            }
            participants++;
            own.Clear();
            later.Clear();
            for (var i = s.OrderStart[c] + 1; i < s.OrderStart[c + 1] && s.PlacedAtMs[i] < asOfMs; i++)
            {
                var gap = (s.PlacedAtMs[i] - s.PlacedAtMs[i - 1]) / DayMs;
                if (s.PlacedAtMs[i] < startMs)
                {
                    own.Add(gap);
                }
                else if (s.PlacedAtMs[i - 1] >= startMs)
                {
                    later.Add(gap);
                }
            }
            if (own.Count == 0 || later.Count == 0)
            {
                continue;
            }
            own.ForEach(g => before.Add(c, g));
            later.ForEach(g => after.Add(c, g));
            changes.Add(Median(own) - Median(later));
        }
        var sorted = changes.Order().ToArray();
        double? estimate = sorted.Length == 0 ? null : Quantiles.Inclusive(sorted, 0.5);
        var interval = Intervals.Bootstrap(changes, d => Median(d));
        return new CampaignCycle(campaign.CampaignId, campaign.Name, clock.ToLocal(campaign.StartsAt), participants, changes.Count,
            before.Distribution(), after.Distribution(),
            Evidence.Check("cycle-shortened", estimate, interval, IntervalMethod.Bootstrap, changes.Count, 0));
    }

    private static bool Participates(DataSnapshot s, FunnelEvents events, int c, int inOrders, int inEvents)
    {
        if (inOrders >= 0)
        {
            for (var i = s.OrderStart[c]; i < s.OrderStart[c + 1]; i++)
            {
                if (s.Campaigns[i] == inOrders)
                {
                    return true;
                }
            }
        }
        if (inEvents >= 0 && c + 1 < events.Start.Length)
        {
            for (var e = events.Start[c]; e < events.Start[c + 1]; e++)
            {
                if (events.Campaigns[e] == inEvents)
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static double Median(IReadOnlyList<double> values) => Quantiles.Inclusive(values.Order().ToArray(), 0.5);

    private sealed class Gaps
    {
        private readonly List<double> _days = [];
        private long _customers;
        private int _last = -1;

        public void Add(int customer, double days)
        {
            _days.Add(days);
            if (customer != _last)
            {
                _last = customer;
                _customers++;
            }
        }

        public CycleDistribution Distribution()
        {
            if (_days.Count == 0)
            {
                return new CycleDistribution(0, 0, null, null, null, null);
            }
            var sorted = _days.Order().ToArray();
            return new CycleDistribution(sorted.Length, _customers, Quantiles.Inclusive(sorted, 0.25), Quantiles.Inclusive(sorted, 0.5),
                Quantiles.Inclusive(sorted, 0.75), sorted.Average());
        }
    }
}
