namespace LiveOps.Core.PushCadence;

/// <summary>Which WeCom limit a send would have broken.</summary>
public enum WeComLimitKind
{
    PerCustomerPerDay,
    PerAudiencePerMonth,
}

/// <summary>A send to one audience, as the WeCom rule sees it: every kind counts.</summary>
public readonly record struct GroupSend(string PushId, DateTimeOffset SentAt);

/// <summary>A send the WeCom limit would have refused: it was the <c>Count</c>-th send tried that day (or month).</summary>
public sealed record WeComBlockedSend(string PushId, DateTimeOffset SentAt, WeComLimitKind Limit, int Count);

/// <summary>
/// WeCom's group-send limit as a pure rule. WeCom refuses a send once the limit is reached, so sends are
/// taken in time order and the first N of each local day (or month) pass; the rest would have been blocked.
/// A send every member of the audience receives counts once per customer, so the per-customer daily limit
/// is evaluated per audience. A blocked send does not use up quota (WeCom never delivered it).
/// </summary>
public static class WeComRule
{
    public static IReadOnlyList<WeComBlockedSend> Blocked(
        IEnumerable<GroupSend> sends, Func<DateTimeOffset, DateOnly> localDate, int? maxPerDay, int? maxPerMonth)
    {
        var blocked = new List<WeComBlockedSend>();
        var passedPerDay = new Dictionary<DateOnly, int>();
        var passedPerMonth = new Dictionary<(int, int), int>();
        // What the operator reads: "the 3rd send of the day", blocked ones included.
        var triedPerDay = new Dictionary<DateOnly, int>();
        var triedPerMonth = new Dictionary<(int, int), int>();
        foreach (var send in sends.OrderBy(s => s.SentAt).ThenBy(s => s.PushId, StringComparer.Ordinal))
        {
            var day = localDate(send.SentAt);
            var month = (day.Year, day.Month);
            triedPerDay[day] = triedPerDay.GetValueOrDefault(day) + 1;
            triedPerMonth[month] = triedPerMonth.GetValueOrDefault(month) + 1;
            if (maxPerDay is not null && passedPerDay.GetValueOrDefault(day) >= maxPerDay)
            {
                blocked.Add(new WeComBlockedSend(send.PushId, send.SentAt, WeComLimitKind.PerCustomerPerDay, triedPerDay[day]));
                continue;
            }
            if (maxPerMonth is not null && passedPerMonth.GetValueOrDefault(month) >= maxPerMonth)
            {
                blocked.Add(new WeComBlockedSend(send.PushId, send.SentAt, WeComLimitKind.PerAudiencePerMonth, triedPerMonth[month]));
                continue;
            }
            passedPerDay[day] = passedPerDay.GetValueOrDefault(day) + 1;
            passedPerMonth[month] = passedPerMonth.GetValueOrDefault(month) + 1;
        }
        return blocked;
    }
}
