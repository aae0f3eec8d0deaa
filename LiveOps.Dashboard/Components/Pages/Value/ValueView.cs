using System.Globalization;
using LiveOps.Core.Value;

namespace LiveOps.Dashboard.Components.Pages.Value;

/// <summary>The value page's address: which list (an RFM segment, a quadrant cell, the churn-risk list) is open.</summary>
public static class ValueView
{
    public const string Path = "/value";

    /// <summary>Rows the churn-risk card previews; the full list on the page (scrolled, rendered as it comes into view) and the export have every customer.</summary>
    public const int ShownRows = 50;

    public static ValueListQuery? Parse(string? list, string? key)
    {
        ValueListKind? kind = list switch
        {
            "segment" when Enum.GetNames<RfmSegment>().Contains(key) => ValueListKind.Segment,
            "quadrant" when Enum.GetNames<ValueQuadrant>().Contains(key) => ValueListKind.Quadrant,
            "churn" => ValueListKind.ChurnRisk,
            _ => null,
        };
        return kind is null ? null : new ValueListQuery(kind.Value, kind == ValueListKind.ChurnRisk ? null : key);
    }

    public static string ListName(ValueListKind kind) => kind switch
    {
        ValueListKind.Segment => "segment",
        ValueListKind.Quadrant => "quadrant",
        _ => "churn",
    };

    public static string Url(ValueListKind kind, string? key) =>
        key is null ? $"{Path}?list={ListName(kind)}" : $"{Path}?list={ListName(kind)}&key={Uri.EscapeDataString(key)}";

    public static string Export(ValueListQuery query, string format) =>
        $"/export/value/customers.{format}?list={ListName(query.Kind)}" + (query.Key is null ? "" : $"&key={Uri.EscapeDataString(query.Key)}");

    public static string Number(double value, int decimals = 2) => value.ToString("N" + decimals, CultureInfo.CurrentCulture);

    public static string Bounds(QuintileBounds b, int decimals = 0) =>
        string.Join(" / ", new[] { b.P20, b.P40, b.P60, b.P80 }.Select(v => Number(v, decimals)));
}
