using System.Globalization;
using LiveOps.Core.Common;

namespace LiveOps.Core.Overview;

/// <summary>
/// The Overview's range as it travels in a URL (<c>?from=2026-01-01&amp;to=2026-02-01</c>): local dates, from inclusive,
/// to exclusive, read the same way by the private-domain page and the overview downloads, so a link or a file holds
/// exactly the numbers on screen. Missing bounds default to the last 90 days, today included.
/// </summary>
public sealed record OverviewRange(string? From, string? To)
{
    /// <summary>The service query, or a problem naming the field and why it is wrong (<see cref="QueryDates"/>).</summary>
    public bool TryToQuery(ZoneClock clock, out OverviewKpiQuery query, out QueryProblem? problem)
    {
        query = OverviewKpiQuery.LastDays(DailyGmvQuery.DefaultDays, clock.Today);
        if (!QueryDates.TryDay(From, "from", out var from, out problem) || !QueryDates.TryDay(To, "to", out var to, out problem))
        {
            return false;
        }
        return OverviewKpiQuery.TryCreate(from, to, clock.Today, out query, out problem);
    }

    /// <summary>The query string of a range, starting with <c>?</c>.</summary>
    public static string QueryString(OverviewKpiQuery query) =>
        string.Create(CultureInfo.InvariantCulture, $"?from={query.From:yyyy-MM-dd}&to={query.To:yyyy-MM-dd}");
}
