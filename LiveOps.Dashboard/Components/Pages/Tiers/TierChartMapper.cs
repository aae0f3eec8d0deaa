using LiveOps.Core.Tiers;
using LiveOps.Dashboard.Components.Charts;

namespace LiveOps.Dashboard.Components.Pages.Tiers;

/// <summary>ApexCharts options for the tier charts, as plain data that tests can read.</summary>
public static class TierChartMapper
{
    /// <summary>A donut of customers per tier, in rank order.</summary>
    public static object Distribution(IReadOnlyList<TierCount> tiers, string totalLabel, Func<string, string>? name = null) => new
    {
        chart = ChartOptions.Chart("donut", 300),
        series = tiers.Select(t => t.Customers).ToArray(),
        labels = tiers.Select(t => name is null ? t.Tier : name(t.Tier)).ToArray(),
        colors = tiers.Select((_, i) => ChartOptions.Palette[i % ChartOptions.Palette.Length]).ToArray(),
        legend = new { position = "bottom" },
        dataLabels = new { enabled = true },
        plotOptions = new { pie = new { donut = new { labels = new { show = true, total = new { show = true, label = totalLabel } } } } },
    };
}
