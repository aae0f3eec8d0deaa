using System.Globalization;
using LiveOps.Core.Overview;
using LiveOps.Dashboard.Components.Charts;

namespace LiveOps.Dashboard.Components.Pages.Overview;

/// <summary>The localized words of the Overview's two series charts.</summary>
public sealed record OverviewSeriesLabels(string New, string Returning, string Amount, string Joined);

/// <summary>ApexCharts options for the new/returning GMV split and the weekly joins; pure, so tests can read them.</summary>
public static class OverviewSeriesCharts
{
    public const int Height = 300;

    /// <summary>Stacked columns per local day: first orders at the bottom, later orders on top.</summary>
    public static object NewReturning(IReadOnlyList<NewReturningDay> days, OverviewSeriesLabels labels) => new
    {
        chart = ChartOptions.Chart("bar", Height, stacked: true),
        colors = new[] { ChartOptions.Palette[2], ChartOptions.Palette[1] },
        series = new[]
        {
            new { name = labels.New, data = days.Select(d => d.NewGmv).ToArray() },
            new { name = labels.Returning, data = days.Select(d => d.ReturningGmv).ToArray() },
        },
        xaxis = ChartOptions.CategoryAxis(days.Select(d => d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ChartOptions.Format.DayTick),
        yaxis = new { min = 0, forceNiceScale = true, title = new { text = labels.Amount }, labels = ChartOptions.Labels(ChartOptions.Format.Yuan) },
        tooltip = ChartOptions.Tooltip(ChartOptions.Format.Day, ChartOptions.Format.YuanExact),
        dataLabels = new { enabled = false },
        legend = new { position = "top" },
    };

    /// <summary>One column per ISO week the range touches.</summary>
    public static object Joins(IReadOnlyList<WeeklyJoins> weeks, OverviewSeriesLabels labels) => new
    {
        chart = ChartOptions.Chart("bar", Height),
        colors = new[] { ChartOptions.Palette[3] },
        series = new[] { new { name = labels.Joined, data = weeks.Select(w => w.Joined).ToArray() } },
        xaxis = ChartOptions.CategoryAxis(weeks.Select(w => w.Week), ChartOptions.Format.WeekTick),
        yaxis = new { min = 0, forceNiceScale = true, labels = ChartOptions.Labels(ChartOptions.Format.Count) },
        tooltip = ChartOptions.Tooltip(ChartOptions.Format.Week, ChartOptions.Format.CountExact),
        dataLabels = new { enabled = false },
    };
}
