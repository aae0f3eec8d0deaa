using System.Globalization;
using LiveOps.Core.Common;
using LiveOps.Core.LiveSessions;

namespace LiveOps.Dashboard.Exports;

/// <summary>
/// The live sessions list as a table, one row per session (newest first, as on the page), under the JSON names of
/// <c>report live-sessions</c>; used by that report's <c>--format csv</c> and the page's CSV and Excel downloads.
/// </summary>
public static class LiveSessionExport
{
    public static readonly string[] Columns =
    [
        "liveSessionId", "title", "startedAt", "endedAt", "attributionEnd", "viewers", "peakConcurrent", "avgWatchSeconds",
        "orders", "gmv", "buyers", "newBuyers", "joins", "joinRate",
    ];

    public static IEnumerable<object?[]> Rows(LiveSessionReport report, ZoneClock clock) =>
        report.Sessions.Select(s => new object?[]
        {
            s.LiveSessionId, s.Title,
            ExportTable.LocalTime(s.StartedAt, clock), s.EndedAt is { } end ? ExportTable.LocalTime(end, clock) : null, ExportTable.LocalTime(s.AttributionEnd, clock),
            s.Viewers, s.PeakConcurrent, s.AvgWatchSeconds,
            s.Orders, s.Gmv, s.Buyers, s.NewBuyers, s.Joins, s.JoinRate,
        });
}
