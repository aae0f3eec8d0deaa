using LiveOps.Core.Content;
using LiveOps.Dashboard.Components.Charts;

namespace LiveOps.Dashboard.Components.Pages.Cadence;

/// <summary>The names the mix chart's series carry, already localized.</summary>
public sealed record MixLabels(string Promotion, string Content, string Service, string Pushes);

/// <summary>ApexCharts options for an audience's weekly push mix; pure, so tests can read the series.</summary>
public static class ContentChartMapper
{
    /// <summary>Promotion, content and service pushes per week as stacked columns, with the guideline's promotion band (min–max) marked.</summary>
    public static object Mix(IReadOnlyList<ContentMixWeek> weeks, MixLabels labels, int minPerWeek, int maxPerWeek) => new
    {
        chart = ChartOptions.Chart("bar", 300, stacked: true),
        colors = new[] { "#d9480f", "#1864ab", "#2b8a3e" },
        series = new object[]
        {
            new { name = labels.Promotion, data = weeks.Select(w => w.Promotion).ToArray() },
            new { name = labels.Content, data = weeks.Select(w => w.Content).ToArray() },
            new { name = labels.Service, data = weeks.Select(w => w.Service).ToArray() },
        },
        xaxis = ChartOptions.CategoryAxis(weeks.Select(w => w.Week), ChartOptions.Format.WeekTick),
        yaxis = new { title = new { text = labels.Pushes }, min = 0, forceNiceScale = true, labels = ChartOptions.Labels(ChartOptions.Format.Count) },
        tooltip = ChartOptions.Tooltip(ChartOptions.Format.Week, ChartOptions.Format.CountExact),
        annotations = new
        {
            yaxis = new[] { new { y = minPerWeek, y2 = maxPerWeek, fillColor = "#d9480f", opacity = 0.12, borderColor = "#d9480f", strokeDashArray = 4 } },
        },
        dataLabels = new { enabled = false },
        legend = new { position = "top" },
    };
}
