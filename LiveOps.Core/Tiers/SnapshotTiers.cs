using LiveOps.Core.Common;
using LiveOps.Core.Store;

namespace LiveOps.Core.Tiers;

/// <summary>Every customer's tier rank at an instant, from the paid-order snapshot (the window of <c>report tiers</c>).</summary>
public static class SnapshotTiers
{
    /// <summary>Ranks by customer index: spend and orders over paid orders in (asOf − 365 days, asOf], evaluated by <see cref="TierEvaluator"/>.</summary>
    public static int[] Ranks(DataSnapshot s, IReadOnlyList<TierRuleDraft> rulesByRank, long asOfMs)
    {
        var after = asOfMs - 365 * 86_400_000L;
        var ranks = new int[s.CustomerCount];
        for (var c = 0; c < ranks.Length; c++)
        {
            long units = 0;
            var orders = 0;
            for (var i = s.OrderStart[c]; i < s.OrderStart[c + 1]; i++)
            {
                var at = s.PlacedAtMs[i];
                if (at > after && at <= asOfMs)
                {
                    units += s.AmountUnits[i];
                    orders++;
                }
            }
            ranks[c] = orders == 0 ? 0 : TierEvaluator.EvaluateRank(rulesByRank, Money.FromUnits(units), orders);
        }
        return ranks;
    }
}
