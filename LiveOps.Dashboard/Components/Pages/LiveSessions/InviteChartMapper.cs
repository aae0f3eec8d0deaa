using System.Globalization;
using LiveOps.Core.InviteTiming;
using LiveOps.Dashboard.Components.Charts;

namespace LiveOps.Dashboard.Components.Pages.LiveSessions;

/// <summary>ApexCharts options for a broadcast's orders and joins per minute; pure, so tests can read the series.</summary>
public static class InviteChartMapper
{
    public static object Minutes(IReadOnlyList<BroadcastMinute> minutes, string orders, string joins, string minute) => new
    {
        chart = ChartOptions.Chart("line", 280),
        colors = new[] { "#d9480f", "#1864ab" },
        series = new object[]
        {
            new { name = orders, data = minutes.Select(m => m.Orders).ToArray() },
            new { name = joins, data = minutes.Select(m => m.Joins).ToArray() },
        },
        xaxis = ChartOptions.CategoryAxis(minutes.Select(m => m.Minute.ToString(CultureInfo.InvariantCulture)), ChartOptions.Format.Tick, minute),
        yaxis = new { min = 0, forceNiceScale = true },
        stroke = new { width = 2, curve = "stepline" },
        dataLabels = new { enabled = false },
        legend = new { position = "top" },
    };
}
