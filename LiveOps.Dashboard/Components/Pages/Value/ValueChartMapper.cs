using LiveOps.Core.Value;
using LiveOps.Dashboard.Components.Charts;

namespace LiveOps.Dashboard.Components.Pages.Value;

/// <summary>ApexCharts options for the backtest: forecast and actual repeat purchases per month, side by side.</summary>
public static class ValueChartMapper
{
    public const int Height = 300;

    public static object Backtest(ValueBacktest backtest, string forecastName, string actualName) => new
    {
        chart = ChartOptions.Chart("bar", Height),
        colors = new[] { ChartOptions.Palette[1], ChartOptions.Palette[0] },
        series = new object[]
        {
            new { name = forecastName, data = backtest.Months.Select(m => m.PredictedPurchases is { } p ? Math.Round(p, 1) : (double?)null) },
            new { name = actualName, data = backtest.Months.Select(m => (double?)m.ActualPurchases) },
        },
        xaxis = new { categories = backtest.Months.Select(m => m.Month) },
        yaxis = new { min = 0, decimalsInFloat = 0 },
        plotOptions = new { bar = new { columnWidth = "55%" } },
        legend = new { position = "bottom" },
        dataLabels = new { enabled = false },
        tooltip = new { shared = true, intersect = false },
    };
}
