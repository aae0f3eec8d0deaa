using System.Globalization;
using LiveOps.Core.Actions;
using LiveOps.Dashboard.Resources;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LiveOps.Dashboard.Components.Pages.Actions;

/// <summary>How the actions pages word and colour the Core figures; pure, so tests can read it.</summary>
public static class ActionView
{
    public static string Detail(int id) => $"/actions/{id}";

    public static string ContactList(int id, string format) => $"/actions/{id}/contacts.{format}";

    /// <summary>A fraction as signed percentage points with two decimals: 0.006805 → "+0.68".</summary>
    public static string Points(double fraction) =>
        (fraction * 100).ToString("+0.00;-0.00;0.00", CultureInfo.CurrentCulture);

    public static string Difference(IStringLocalizer<ActionsResource> t, GroupComparison c) =>
        t["PointsInterval", Points(c.Difference), Points(c.Ci95[0]), Points(c.Ci95[1])];

    public static string Verdict(IStringLocalizer<ActionsResource> t, ActionVerdict verdict) => t[$"Verdict.{verdict}"];

    public static Color VerdictColor(ActionVerdict verdict) => verdict switch
    {
        ActionVerdict.Significant => Color.Success,
        ActionVerdict.NoLift => Color.Default,
        _ => Color.Warning,
    };

    public static string Source(IStringLocalizer<ActionsResource> t, string source)
    {
        var text = t[$"Source.{source}"];
        return text.ResourceNotFound ? source : text.Value;
    }

    /// <summary>
    /// The plain-language reading of a minimum detectable difference in whole points (0.091 → “这个名单只能看出 ≥ 9 个百分点的提升”).
    /// </summary>
    public static string MdeVerdict(IStringLocalizer<ActionsResource> t, double? mde) => mde is { } value
        ? t["Form.MdeVerdict", WholePoints(value)]
        : t["Form.MdeUnknown"];

    /// <summary>Percentage points shown to a person: below 1 point with one decimal, otherwise whole points, rounded half up.</summary>
    public static string WholePoints(double fraction)
    {
        var points = fraction * 100;
        return points < 1
            ? Math.Round(points, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.CurrentCulture)
            : Math.Round(points, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.CurrentCulture);
    }
}
