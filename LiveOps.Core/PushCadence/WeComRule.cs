namespace LiveOps.Core.PushCadence;

/// <summary>Which WeCom limit a send would have broken.</summary>
public enum WeComLimitKind
{
    PerCustomerPerDay,
    PerAudiencePerMonth,
}

/// <summary>A send to one audience, as the WeCom rule sees it: every kind counts.</summary>
public readonly record struct GroupSend(string PushId, DateTimeOffset SentAt);

/// <summary>A send the WeCom limit would have refused: it was the <c>Count</c>-th of its day or month.</summary>
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
        var perDay = new Dictionary<DateOnly, int>();
        var perMonth = new Dictionary<(int, int), int>();
        foreach (var send in sends.OrderBy(s => s.SentAt).ThenBy(s => s.PushId, StringComparer.Ordinal))
        {
            var day = localDate(send.SentAt);
            var month = (day.Year, day.Month);
            var dayCount = perDay.GetValueOrDefault(day) + 1;
            var monthCount = perMonth.GetValueOrDefault(month) + 1;
            if (maxPerDay is not null && dayCount > maxPerDay)
            {
                blocked.Add(new WeComBlockedSend(send.PushId, send.SentAt, WeComLimitKind.PerCustomerPerDay, dayCount));
                continue;
            }
            if (maxPerMonth is not null && monthCount > maxPerMonth)
            {
                blocked.Add(new WeComBlockedSend(send.PushId, send.SentAt, WeComLimitKind.PerAudiencePerMonth, monthCount));
                continue;
            }
            perDay[day] = dayCount;
            perMonth[month] = monthCount;
        }
        return blocked;
    }
}
