using LiveOps.Core.LiveSessions;
using LiveOps.Dashboard.Components.Charts;

namespace LiveOps.Dashboard.Components.Pages.LiveSessions;

/// <summary>The names the comparison chart carries, already localized.</summary>
public sealed record ComparisonLabels(string Sessions, string Watch, string JoinRate, string Median);

/// <summary>ApexCharts options for the sessions comparison; pure, so tests can read the points.</summary>
public static class LiveSessionChartMapper
{
    /// <summary>
    /// One point per session with both a watch time and a join rate (x = average watch seconds, y = join rate in
    /// percent), and dashed lines at the shop's medians so each session reads against its own shop.
    /// </summary>
    public static object Comparison(LiveSessionReport report, ComparisonLabels labels)
    {
        var points = report.Sessions
            .Where(s => s.AvgWatchSeconds is not null && s.JoinRate is not null)
            .Select(s => new { x = s.AvgWatchSeconds!.Value, y = s.JoinRate!.Value * 100, id = s.LiveSessionId, title = s.Title ?? s.LiveSessionId })
            .ToArray();
        var benchmarks = report.Benchmarks;
        return new
        {
            chart = ChartOptions.Chart("scatter", 340),
            colors = new[] { ChartOptions.Palette[1] },
            series = new[] { new { name = labels.Sessions, data = points } },
            xaxis = new { type = "numeric", title = new { text = labels.Watch }, tickAmount = 6, labels = ChartOptions.Labels(ChartOptions.Format.Duration) },
            yaxis = new { title = new { text = labels.JoinRate }, min = 0, forceNiceScale = true, labels = ChartOptions.Labels(ChartOptions.Format.Percent) },
            tooltip = new
            {
                x = new { formatter = ChartOptions.Format.Duration },
                y = new { formatter = ChartOptions.Format.PercentExact },
            },
            annotations = new
            {
                xaxis = MedianLine(benchmarks.AvgWatchSeconds.Median, labels.Median),
                yaxis = MedianLine(benchmarks.JoinRate.Median * 100, labels.Median),
            },
            markers = new { size = 6 },
            dataLabels = new { enabled = false },
        };
    }

    private static object[] MedianLine(double? at, string label) => at is { } value
        ? [new { x = value, y = value, borderColor = "#868e96", strokeDashArray = 4, label = new { text = label } }]
        : [];
}
