using LiveOps.Core.PushCadence;
using LiveOps.Dashboard.Components.Charts;

namespace LiveOps.Dashboard.Components.Pages.Cadence;

/// <summary>The names the timeline's series carry, already localized.</summary>
public sealed record TimelineLabels(string Promotion, string Content, string Service, string Leaves, string Members, string Pushes);

/// <summary>ApexCharts options for an audience's timeline; pure, so tests can read the series.</summary>
public static class CadenceChartMapper
{
    /// <summary>
    /// Pushes by kind per week as bars, leaves per week as a line on the same axis, and members at each
    /// week's start as a line on its own axis (a group of 400 would flatten a handful of pushes).
    /// </summary>
    public static object Timeline(CadenceAudience audience, TimelineLabels labels, int maxPerWeek)
    {
        var weeks = audience.Weeks;
        return new
        {
            chart = ChartOptions.Chart("line", 320),
            colors = new[] { "#d9480f", "#1864ab", "#2b8a3e", "#c2255c", "#5f3dc4" },
            series = new object[]
            {
                new { name = labels.Promotion, type = "column", data = weeks.Select(w => (int?)w.Pushes).ToArray() },
                new { name = labels.Content, type = "column", data = weeks.Select(w => (int?)w.ContentPushes).ToArray() },
                new { name = labels.Service, type = "column", data = weeks.Select(w => (int?)w.ServicePushes).ToArray() },
                new { name = labels.Leaves, type = "line", data = weeks.Select(w => (int?)w.Leaves).ToArray() },
                new { name = labels.Members, type = "line", data = weeks.Select(w => w.MembersAtStart).ToArray() },
            },
            xaxis = ChartOptions.CategoryAxis(weeks.Select(w => w.Week), ChartOptions.Format.WeekTick),
            yaxis = new object[]
            {
                new { seriesName = labels.Promotion, title = new { text = labels.Pushes }, min = 0, forceNiceScale = true, labels = ChartOptions.Labels(ChartOptions.Format.Count) },
                new { seriesName = labels.Promotion, show = false, labels = ChartOptions.Labels(ChartOptions.Format.Count) },
                new { seriesName = labels.Promotion, show = false, labels = ChartOptions.Labels(ChartOptions.Format.Count) },
                new { seriesName = labels.Promotion, show = false, labels = ChartOptions.Labels(ChartOptions.Format.Count) },
                new { seriesName = labels.Members, opposite = true, title = new { text = labels.Members }, min = 0, labels = ChartOptions.Labels(ChartOptions.Format.Count) },
            },
            tooltip = ChartOptions.Tooltip(ChartOptions.Format.Week, ChartOptions.Format.CountExact),
            annotations = new
            {
                yaxis = new[] { new { y = maxPerWeek, borderColor = "#e03131", strokeDashArray = 4 } },
            },
            stroke = new { width = new[] { 0, 0, 0, 2, 2 } },
            dataLabels = new { enabled = false },
            legend = new { position = "top" },
        };
    }
}
