using LiveOps.Core.Cohorts;
using LiveOps.Dashboard.Components.Charts;

namespace LiveOps.Dashboard.Components.Pages.Cohorts;

/// <summary>
/// ApexCharts options for the retention curves: one line per breakdown group (its weighted average row), or without a
/// breakdown one line per cohort (the latest twelve) plus the average. Incomplete cells are left out, so the running
/// period never shows as a drop.
/// </summary>
public static class CohortCurveMapper
{
    public const int MaxCohortLines = 12;

    public sealed record Series(string Name, IReadOnlyList<double?> Data);

    public static IReadOnlyList<Series> Lines(CohortReport report, Func<string, string> groupName, string averageName)
    {
        var metric = report.Query.Metric;
        static IReadOnlyList<double?> Points(CohortRow row, CohortMetric metric) =>
            [.. row.Cells.Select(c => c is { Incomplete: false } ? c.Value(metric) : (double?)null)];
        if (report.Query.Breakdown != CohortBreakdown.None)
        {
            return [.. report.Groups.Select(g => new Series(groupName(g.Key), Points(g.Average, metric)))];
        }
        if (report.Groups.Count == 0)
        {
            return [];
        }
        var group = report.Groups[0];
        return [.. group.Rows.TakeLast(MaxCohortLines).Select(r => new Series(r.Cohort!.Value.ToString(), Points(r, metric))),
            new Series(averageName, Points(group.Average, metric))];
    }

    public static object Options(CohortReport report, Func<string, string> groupName, string averageName, Func<int, string> offsetLabel)
    {
        var lines = Lines(report, groupName, averageName);
        var metric = report.Query.Metric;
        var percent = metric == CohortMetric.Retention;
        return new
        {
            chart = ChartOptions.Chart("line", 340),
            colors = ChartOptions.Palette,
            series = lines.Select(l => new { name = l.Name, data = l.Data }),
            xaxis = ChartOptions.CategoryAxis(Enumerable.Range(0, report.Columns).Select(offsetLabel), ChartOptions.Format.Tick),
            yaxis = new { min = 0, max = percent ? 1 : (double?)null, tickAmount = 5, labels = ChartOptions.Labels(AxisFormat(metric)) },
            stroke = new { width = lines.Select(l => l.Name == averageName ? 4 : 2), curve = "straight" },
            markers = new { size = 3 },
            legend = new { position = "bottom" },
            dataLabels = new { enabled = false },
            tooltip = ChartOptions.Tooltip(null, TooltipFormat(metric)),
        };
    }

    private static string AxisFormat(CohortMetric metric) => metric switch
    {
        CohortMetric.Retention => ChartOptions.Format.Fraction,
        CohortMetric.RevenuePerCustomer => ChartOptions.Format.Yuan,
        _ => ChartOptions.Format.Count,
    };

    private static string TooltipFormat(CohortMetric metric) => metric switch
    {
        CohortMetric.Retention => ChartOptions.Format.Fraction,
        CohortMetric.RevenuePerCustomer => ChartOptions.Format.YuanExact,
        _ => ChartOptions.Format.CountExact,
    };
}
