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

    /// <summary>
    /// Names of the formatters the chart module maps to functions (ApexCharts formatters are JavaScript functions, so
    /// options carry a name, e.g. <c>"formatter": "yuan"</c>).
    /// </summary>
    public static class Format
    {
        /// <summary>Yuan, compact: ¥8,000, ¥12.5万.</summary>
        public const string Yuan = "yuan";
        /// <summary>Yuan to the fen: ¥1,234.56.</summary>
        public const string YuanExact = "yuanExact";
        /// <summary>A value in percent units (0–100): 12%.</summary>
        public const string Percent = "percent";
        /// <summary>A value in percent units with one decimal: 12.3%.</summary>
        public const string PercentExact = "percentExact";
        /// <summary>A fraction (0–1) as a percentage: 12.3%.</summary>
        public const string Fraction = "fraction";
        /// <summary>People or things, integers, compact when large: 1.2万.</summary>
        public const string Count = "count";
        /// <summary>People or things, exact: 12,345.</summary>
        public const string CountExact = "countExact";
        /// <summary>Seconds as m:ss.</summary>
        public const string Duration = "duration";
        /// <summary>A yyyy-MM-dd category: MM-dd, thinned so no two labels overlap.</summary>
        public const string DayTick = "dayTick";
        /// <summary>An ISO week category (2026-W36): 第36周, thinned.</summary>
        public const string WeekTick = "weekTick";
        /// <summary>A category already in the page's words (第 3 期, Month 3): shown as it is, thinned like dates.</summary>
        public const string Tick = "tick";
        /// <summary>The full date, for tooltip titles.</summary>
        public const string Day = "day";
        /// <summary>The full ISO week, for tooltip titles: 2026年第36周.</summary>
        public const string Week = "week";
    }

    /// <summary>A value axis whose tick labels use the named formatter.</summary>
    public static object Labels(string formatter) => new { formatter };

    /// <summary>
    /// A category x axis of dates or weeks: labels kept horizontal, thinned by the chart module to what fits the width,
    /// overlapping ones hidden as a second guard.
    /// </summary>
    public static object CategoryAxis(IEnumerable<string> categories, string tickFormatter, string? title = null) => new
    {
        type = "category",
        categories = categories.ToArray(),
        labels = new { rotate = 0, hideOverlappingLabels = true, formatter = tickFormatter },
        tickPlacement = "on",
        title = title is null ? null : new { text = title },
        tooltip = new { enabled = false },
    };

    /// <summary>A tooltip whose title and values use the named formatters.</summary>
    public static object Tooltip(string? x, string y, bool shared = true) => new
    {
        shared,
        intersect = false,
        x = x is null ? null : new { formatter = x },
        y = new { formatter = y },
    };

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
