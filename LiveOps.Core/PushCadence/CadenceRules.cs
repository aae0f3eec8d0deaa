namespace LiveOps.Core.PushCadence;

/// <summary>Where an audience-week stands against the push guideline (contract §4, <c>report cadence</c>).</summary>
public enum CadenceStatus
{
    /// <summary>Between MinPerWeek and MaxPerWeek promotion pushes.</summary>
    Ok,

    /// <summary>More than MaxPerWeek promotion pushes; also for the running week once it is already over.</summary>
    Over,

    /// <summary>Fewer than MinPerWeek promotion pushes in a completed week.</summary>
    Under,

    /// <summary>The week that holds the as-of instant and is not (yet) over: it can still reach the minimum.</summary>
    Partial,
}

/// <summary>The pre-send verdict for one planned push.</summary>
public enum PreSendVerdict
{
    Fine,
    OverMaximum,
    UnderMinimum,
}

/// <summary>
/// The push guideline as pure functions over plain values. The weekly report and the pre-send check
/// both go through <see cref="Status"/>, so they cannot disagree about a completed week.
/// </summary>
public static class CadenceRules
{
    /// <summary>The rolling window of the pre-send check.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    /// <summary>How long after a promotion push a leave counts as caused by it (fatigue evidence).</summary>
    public static readonly TimeSpan LeaveWindow = TimeSpan.FromHours(48);

    /// <summary>
    /// Status of a week with <paramref name="promotionPushes"/> promotion pushes. A running week
    /// (<paramref name="isRunningWeek"/>) is <see cref="CadenceStatus.Partial"/> unless it is already over; never under.
    /// </summary>
    public static CadenceStatus Status(int promotionPushes, int minPerWeek, int maxPerWeek, bool isRunningWeek)
    {
        if (promotionPushes > maxPerWeek)
        {
            return CadenceStatus.Over;
        }
        if (isRunningWeek)
        {
            return CadenceStatus.Partial;
        }
        return promotionPushes < minPerWeek ? CadenceStatus.Under : CadenceStatus.Ok;
    }

    /// <summary>
    /// The verdict on a planned promotion push, given the promotion pushes in the 7 days ending at the
    /// planned time, the planned one included. The 7 days are judged as a completed week.
    /// </summary>
    public static PreSendVerdict Verdict(int promotionsInWindowIncludingPlanned, int minPerWeek, int maxPerWeek) =>
        Status(promotionsInWindowIncludingPlanned, minPerWeek, maxPerWeek, isRunningWeek: false) switch
        {
            CadenceStatus.Over => PreSendVerdict.OverMaximum,
            CadenceStatus.Under => PreSendVerdict.UnderMinimum,
            _ => PreSendVerdict.Fine,
        };

    /// <summary>
    /// Promotion pushes sent in the 7 days ending at <paramref name="plannedAt"/> (after plannedAt − 7 days,
    /// up to and including plannedAt), plus the planned one.
    /// </summary>
    public static int PromotionsInWindow(IEnumerable<DateTimeOffset> promotionsSentAt, DateTimeOffset plannedAt)
    {
        var start = plannedAt - Window;
        return promotionsSentAt.Count(t => t > start && t <= plannedAt) + 1;
    }

    /// <summary>
    /// Whether a local time of day falls in quiet hours [start, end). A start after the end spans midnight
    /// (22:00–08:00 covers 23:30 and 07:59, not 08:00); start equal to end means no quiet hours.
    /// </summary>
    public static bool InQuietHours(TimeOnly localTime, TimeOnly start, TimeOnly end)
    {
        if (start == end)
        {
            return false;
        }
        return start < end
            ? localTime >= start && localTime < end
            : localTime >= start || localTime < end;
    }

    /// <summary>Leaves after promotion pushes over members at the week's start; null when the audience had no members to lose.</summary>
    public static double? LeaveRate(int leavesAfterPromotion, int? membersAtWeekStart) =>
        membersAtWeekStart is > 0 ? (double)leavesAfterPromotion / membersAtWeekStart.Value : null;
}
