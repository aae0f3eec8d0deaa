using System.Globalization;
using LiveOps.Core.Overview;
using LiveOps.Dashboard.Components.Charts;

namespace LiveOps.Dashboard.Components.Pages.Overview;

/// <summary>The localized words the daily GMV chart shows.</summary>
public sealed record DailyGmvChartLabels(string Series, string YAxis);

/// <summary>Maps a <see cref="DailyGmvReport"/> to ApexCharts options: one area series, one point per local day.</summary>
public static class DailyGmvChart
{
    public const int Height = 320;

    public static object Options(DailyGmvReport report, DailyGmvChartLabels labels) => new
    {
        chart = ChartOptions.Chart("area", Height),
        colors = new[] { ChartOptions.Palette[0] },
        series = new[]
        {
            new { name = labels.Series, data = report.Days.Select(d => d.Gmv).ToArray() },
        },
        // A label per day is unreadable over 90 or 365 days: the chart module thins them to what fits.
        xaxis = ChartOptions.CategoryAxis(report.Days.Select(d => d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ChartOptions.Format.DayTick),
        yaxis = new
        {
            min = 0,
            forceNiceScale = true,
            title = new { text = labels.YAxis },
            labels = ChartOptions.Labels(ChartOptions.Format.Yuan),
        },
        dataLabels = new { enabled = false },
        stroke = new { curve = "straight", width = 2 },
        fill = new { type = "solid", opacity = 0.15 },
        tooltip = ChartOptions.Tooltip(ChartOptions.Format.Day, ChartOptions.Format.YuanExact),
    };
}
