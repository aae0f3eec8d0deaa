using System.Globalization;
using LiveOps.Core.Campaigns;
using LiveOps.Dashboard.Components.Charts;

namespace LiveOps.Dashboard.Components.Pages.Campaigns;

/// <summary>ApexCharts options for the campaign detail page, built from the report alone so tests can read them.</summary>
public static class CampaignCharts
{
    /// <summary>The funnel: one horizontal bar per stage (distinct customers), then buyers.</summary>
    /// <param name="labels">Exposed, clicked, joined, claimed, redeemed, buyers — already localized.</param>
    public static object Funnel(CampaignResult result, IReadOnlyList<string> labels, string seriesName) => new
    {
        chart = ChartOptions.Chart("bar", 320),
        series = new[]
        {
            new { name = seriesName, data = new[] { result.Exposed, result.Clicked, result.Joined, result.Claimed, result.Redeemed, result.Buyers } },
        },
        plotOptions = new { bar = new { horizontal = true, isFunnel = true, barHeight = "80%", distributed = true } },
        colors = ChartOptions.Palette.Take(6).ToArray(),
        legend = new { show = false },
        dataLabels = new { enabled = true, formatter = ChartOptions.Format.CountExact },
        xaxis = new { categories = labels.ToArray(), labels = ChartOptions.Labels(ChartOptions.Format.Count) },
        tooltip = new { y = new { formatter = ChartOptions.Format.CountExact } },
    };

    /// <summary>Credited revenue (columns, left axis) and buyers (line, right axis) per local day.</summary>
    public static object Daily(CampaignInsight insight, string revenueName, string buyersName) => new
    {
        chart = ChartOptions.Chart("line", 300),
        series = new object[]
        {
            new { name = revenueName, type = "column", data = insight.Days.Select(d => d.Revenue).ToArray() },
            new { name = buyersName, type = "line", data = insight.Days.Select(d => d.Buyers).ToArray() },
        },
        colors = new[] { ChartOptions.Palette[0], ChartOptions.Palette[1] },
        stroke = new { width = new[] { 0, 3 } },
        dataLabels = new { enabled = false },
        // A campaign credited for months (explicit campaign ids) has hundreds of days: the chart module thins the ticks.
        xaxis = ChartOptions.CategoryAxis(insight.Days.Select(d => d.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ChartOptions.Format.DayTick),
        yaxis = new object[]
        {
            new { title = new { text = revenueName }, min = 0, labels = ChartOptions.Labels(ChartOptions.Format.Yuan) },
            new { opposite = true, title = new { text = buyersName }, min = 0, labels = ChartOptions.Labels(ChartOptions.Format.Count) },
        },
        tooltip = new
        {
            shared = true,
            intersect = false,
            x = new { formatter = ChartOptions.Format.Day },
            y = new[] { new { formatter = ChartOptions.Format.YuanExact }, new { formatter = ChartOptions.Format.CountExact } },
        },
    };
}
