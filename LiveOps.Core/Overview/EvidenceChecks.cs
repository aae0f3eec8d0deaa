using LiveOps.Core.PushCadence;
using LiveOps.Core.Statistics;

namespace LiveOps.Core.Overview;

/// <summary>
/// The rules of thumb as claims with a threshold, each judged by its 95% interval (<see cref="Evidence.Judge"/>):
/// <list type="bullet">
/// <item><c>aov</c>: repeat orders are worth more than first orders — mean repeat amount / mean first amount − 1 above 0
/// (the guide says about +30%); Welch on the log ratio, n = first + repeat orders.</item>
/// <item><c>members</c>: private-domain members repurchase more — member repeat rate − others' above 0; Newcombe's
/// hybrid Wilson interval, n = buyers.</item>
/// <item><c>never-back</c>: most first-time buyers are lost without follow-up — the share that never came back above
/// one half (the guide says about 80%); Wilson, n = first-time buyers old enough to have come back.</item>
/// <item><c>fatigue</c>: over-pushing drives people out — mean weekly leave rate of over-pushed weeks − within-guideline
/// weeks above 0; Welch over the weeks, n = weeks.</item>
/// </list>
/// </summary>
public static class EvidenceChecks
{
    public const double NeverBackThreshold = 0.5;

    public static IReadOnlyList<RuleCheck> Of(
        Moments firstOrders,
        Moments repeatOrders,
        (long Repeaters, long Buyers) members,
        (long Repeaters, long Buyers) others,
        (long NeverBack, long Mature) firstTimers,
        LeaveRateComparison fatigue)
    {
        double? Rate((long Part, long Whole) x) => x.Whole == 0 ? null : (double)x.Part / x.Whole;
        double? premium = repeatOrders.N > 0 && firstOrders.N > 0 && firstOrders.Mean > 0 ? repeatOrders.Mean / firstOrders.Mean - 1 : null;
        double? memberGap = Rate(members) is { } m && Rate(others) is { } o ? m - o : null;
        var over = Moments.Of([.. fatigue.OverWeekRates]);
        var ok = Moments.Of([.. fatigue.OkWeekRates]);
        double? fatigueGap = fatigue.OverWeeks is { } a && fatigue.OkWeeks is { } b ? a - b : null;
        return
        [
            Evidence.Check("aov", premium, Intervals.RatioOfMeansMinusOne(repeatOrders, firstOrders), IntervalMethod.WelchLogRatio,
                firstOrders.N + repeatOrders.N, 0),
            Evidence.Check("members", memberGap, Intervals.DifferenceOfProportions(members.Repeaters, members.Buyers, others.Repeaters, others.Buyers),
                IntervalMethod.NewcombeWilson, members.Buyers + others.Buyers, 0),
            Evidence.Check("never-back", Rate(firstTimers), Intervals.Wilson(firstTimers.NeverBack, firstTimers.Mature), IntervalMethod.Wilson,
                firstTimers.Mature, NeverBackThreshold),
            Evidence.Check("fatigue", fatigueGap, Intervals.Welch(over, ok), IntervalMethod.Welch, over.N + ok.N, 0),
        ];
    }
}
