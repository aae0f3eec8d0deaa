using LiveOps.Core.Actions;
using LiveOps.Dashboard.Components.Charts;

namespace LiveOps.Dashboard.Components.Pages.Actions;

/// <summary>The names the daily chart carries, already localized.</summary>
public sealed record ActionChartLabels(string Contacted, string Holdout, string Rate, Func<int, string> Day);

/// <summary>ApexCharts options for an action's daily cumulative buying rate; pure, so tests can read the points.</summary>
public static class ActionChartMapper
{
    /// <summary>
    /// Two lines (contacted, holdout) of cumulative buying rate in percent, one point per day of the window that has begun;
    /// the x axis always spans the whole window, so an open window shows where it will end.
    /// </summary>
    public static object Daily(ActionDetail detail, ActionChartLabels labels)
    {
        var categories = Enumerable.Range(1, detail.Result.WindowDays).Select(labels.Day).ToArray();
        return new
        {
            chart = ChartOptions.Chart("line", 300),
            colors = new[] { ChartOptions.Palette[0], ChartOptions.Palette[1] },
            series = new[]
            {
                new { name = labels.Contacted, data = detail.Days.Select(d => Math.Round(d.ContactedRate * 100, 3)).ToArray() },
                new { name = labels.Holdout, data = detail.Days.Select(d => Math.Round(d.HoldoutRate * 100, 3)).ToArray() },
            },
            xaxis = ChartOptions.CategoryAxis(categories, ChartOptions.Format.Tick),
            yaxis = new { title = new { text = labels.Rate }, min = 0, forceNiceScale = true, labels = ChartOptions.Labels(ChartOptions.Format.Percent) },
            tooltip = ChartOptions.Tooltip(null, ChartOptions.Format.PercentExact),
            stroke = new { width = 2, curve = "stepline" },
            markers = new { size = 3 },
            dataLabels = new { enabled = false },
            legend = new { position = "top" },
        };
    }
}
