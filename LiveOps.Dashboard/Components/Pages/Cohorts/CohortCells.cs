using System.Globalization;
using LiveOps.Core.Cohorts;

namespace LiveOps.Dashboard.Components.Pages.Cohorts;

/// <summary>How a matrix cell reads and is coloured; pure, so the heatmap and its tests agree.</summary>
public static class CohortCells
{
    public static string Text(CohortCell cell, CohortMetric metric, Formatting format) => metric switch
    {
        CohortMetric.Retention => format.Percent(cell.Retention),
        CohortMetric.RevenuePerCustomer => format.Money((decimal)cell.Value(metric)),
        _ when cell.Cohorts > 1 => cell.Value(metric).ToString("#,##0.0", CultureInfo.CurrentCulture),
        _ => format.Count((long)cell.Value(metric)),
    };

    /// <summary>0..1 intensity: retention as is, other metrics against the largest value in the report.</summary>
    public static double Intensity(CohortCell cell, CohortMetric metric, double max) => metric == CohortMetric.Retention
        ? Math.Clamp(cell.Retention, 0, 1)
        : max <= 0 ? 0 : Math.Clamp(cell.Value(metric) / max, 0, 1);

    /// <summary>
    /// Offset 0 is 100% by definition and would dominate the scale, so the largest value is taken over the later offsets
    /// (and offset 0 only when there is nothing else).
    /// </summary>
    public static double Max(CohortReport report, CohortMetric metric)
    {
        var cells = report.Groups.SelectMany(g => g.Rows).SelectMany(r => r.Cells).OfType<CohortCell>().ToList();
        var later = cells.Where(c => c.Offset > 0).Select(c => c.Value(metric)).DefaultIfEmpty(0).Max();
        return later > 0 ? later : cells.Select(c => c.Value(metric)).DefaultIfEmpty(0).Max();
    }

    /// <summary>White to the brand orange; offset 0 and values above the scale are capped at full colour.</summary>
    public static string Background(double intensity)
    {
        var t = Math.Sqrt(Math.Clamp(intensity, 0, 1));
        static int Mix(int from, int to, double t) => (int)Math.Round(from + (to - from) * t);
        return $"rgb({Mix(255, 217, t)},{Mix(255, 72, t)},{Mix(255, 15, t)})";
    }

    public static string Foreground(double intensity) => intensity > 0.45 ? "#fff" : "inherit";
}
