using LiveOps.Core.Common;
using LiveOps.Core.LiveSessions;

namespace LiveOps.Dashboard.Exports;

/// <summary>The date range of the live-session download (<c>/export/live-sessions.csv?from=&amp;to=</c>).</summary>
public static class OverviewExportEndpoints
{
    /// <summary>Sessions starting from local date <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), either optional.</summary>
    public static bool TrySessionQuery(string? from, string? to, ZoneClock clock, out LiveSessionQuery query, out QueryProblem? problem)
    {
        query = new LiveSessionQuery();
        if (!QueryDates.TryDay(from, "from", out var start, out problem) || !QueryDates.TryDay(to, "to", out var end, out problem))
        {
            return false;
        }
        problem = QueryDates.CheckOrder(start, end);
        if (problem is not null)
        {
            return false;
        }
        query = new LiveSessionQuery(start is { } s ? clock.StartOfDay(s) : null, end is { } e ? clock.StartOfDay(e) : null);
        return true;
    }
}
