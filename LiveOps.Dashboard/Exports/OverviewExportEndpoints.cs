using LiveOps.Core.Common;
using LiveOps.Core.LiveSessions;
using LiveOps.Core.Overview;

namespace LiveOps.Dashboard.Exports;

/// <summary>The date range of the live-session download (<c>/export/live-sessions.csv?from=&amp;to=</c>).</summary>
public static class OverviewExportEndpoints
{
    /// <summary>Sessions starting from local date <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), either optional.</summary>
    public static bool TrySessionQuery(string? from, string? to, ZoneClock clock, out LiveSessionQuery query, out string? problem)
    {
        query = new LiveSessionQuery();
        if (!OverviewRange.TryDate(from, "from", out var start, out problem) || !OverviewRange.TryDate(to, "to", out var end, out problem))
        {
            return false;
        }
        if (start is not null && end is not null && start >= end)
        {
            problem = "from must be before to";
            return false;
        }
        query = new LiveSessionQuery(start is { } s ? clock.StartOfDay(s) : null, end is { } e ? clock.StartOfDay(e) : null);
        return true;
    }
}
