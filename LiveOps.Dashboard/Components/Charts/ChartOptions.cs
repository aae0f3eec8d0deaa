using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveOps.Dashboard.Components.Charts;

/// <summary>Shared pieces of ApexCharts options; feature mappers build on these.</summary>
public static class ChartOptions
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static readonly string[] Palette = ["#d9480f", "#1864ab", "#2b8a3e", "#862e9c", "#e67700", "#0b7285", "#c2255c", "#5f3dc4"];

    public static object Chart(string type, int height, bool stacked = false) => new
    {
        type,
        height,
        stacked,
        toolbar = new { show = false },
        zoom = new { enabled = false },
        animations = new { enabled = false },
        fontFamily = "inherit",
    };
}
