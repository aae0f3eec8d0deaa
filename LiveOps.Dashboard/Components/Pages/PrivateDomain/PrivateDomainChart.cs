using LiveOps.Core.Overview;
using LiveOps.Dashboard.Components.Charts;

namespace LiveOps.Dashboard.Components.Pages.PrivateDomain;

/// <summary>ApexCharts options for the private-domain share per week; pure, so tests can read the points.</summary>
public static class PrivateDomainChart
{
    public const int Height = 280;

    /// <summary>One point per ISO week (share as a percentage with full precision; a week without GMV is a gap).</summary>
    public static object Share(IReadOnlyList<WeeklyShare> weeks, string seriesName) => new
    {
        chart = ChartOptions.Chart("line", Height),
        colors = new[] { ChartOptions.Palette[0] },
        series = new[] { new { name = seriesName, data = weeks.Select(w => w.Share * 100).ToArray() } },
        xaxis = ChartOptions.CategoryAxis(weeks.Select(w => w.Week), ChartOptions.Format.WeekTick),
        yaxis = new { min = 0, max = 100, tickAmount = 5, labels = ChartOptions.Labels(ChartOptions.Format.Percent) },
        tooltip = ChartOptions.Tooltip(ChartOptions.Format.Week, ChartOptions.Format.PercentExact),
        dataLabels = new { enabled = false },
        stroke = new { width = 2 },
        markers = new { size = 3 },
    };
}
