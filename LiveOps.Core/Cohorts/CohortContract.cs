using System.Globalization;
using System.Text;
using LiveOps.Core.Common;

namespace LiveOps.Core.Cohorts;

/// <summary>
/// The JSON of <c>report cohorts</c> exactly as contract §4 shapes it. Undefined figures are null rather than NaN:
/// <c>repeatRate</c> and <c>averageOrderValue.first</c> without customers, <c>medianDaysToSecondOrder</c> without a
/// second order, <c>averageOrderValue.repeat</c> without a repeat order.
/// </summary>
public sealed record CohortsJson(
    string Period,
    string TimeZone,
    int Customers,
    long Orders,
    double? RepeatRate,
    double? MedianDaysToSecondOrder,
    AverageOrderValueJson AverageOrderValue,
    IReadOnlyList<CohortJsonRow> Cohorts)
{
    /// <summary>Maps an in-period, unbroken-down report; other modes and breakdowns are not part of the contract.</summary>
    public static CohortsJson From(CohortReport report)
    {
        var rows = report.Groups.SelectMany(g => g.Rows)
            .OrderBy(r => r.Cohort!.Value.Ordinal)
            .Select(r =>
            {
                var cells = r.Cells.TakeWhile(c => c is not null).Select(c => c!).ToList();
                return new CohortJsonRow(r.Cohort!.Value.ToString(), r.Size,
                    [.. cells.Select(c => c.Active)], [.. cells.Select(c => c.Retention)]);
            })
            .ToList();
        var k = report.Kpis;
        return new CohortsJson(
            report.Query.Period == PeriodKind.Week ? "week" : "month",
            report.TimeZone,
            k.Customers,
            k.Orders,
            k.RepeatRate,
            k.MedianDaysToSecondOrder,
            new AverageOrderValueJson(Trim(k.AverageFirstOrderValue), Trim(k.AverageRepeatOrderValue)),
            rows);
    }

    /// <summary>
    /// The matrix as CSV: <c>cohort,size,k0,k1,…</c> with active customer counts; cells after the last period are empty.
    /// </summary>
    public static string Csv(CohortsJson json)
    {
        var columns = json.Cohorts.Count == 0 ? 0 : json.Cohorts.Max(c => c.Active.Count);
        var text = new StringWriter(CultureInfo.InvariantCulture);
        CsvTable.Write(text, ["cohort", "size", .. Enumerable.Range(0, columns).Select(k => $"k{k}")],
            json.Cohorts.Select(row => new object?[] { row.Cohort, row.Size }
                .Concat(Enumerable.Range(0, columns).Select(k => k < row.Active.Count ? (object?)row.Active[k] : null)).ToArray()),
            "\n");
        return text.ToString();
    }

    /// <summary>Drops trailing zeros of the 1/10000-yuan scale (212.4000 → 212.4) without changing the value.</summary>
    private static decimal? Trim(decimal? value) => value is { } v ? v / 1.0000000000000000000000000000m : null;
}

public sealed record AverageOrderValueJson(decimal? First, decimal? Repeat);

public sealed record CohortJsonRow(string Cohort, int Size, IReadOnlyList<long> Active, IReadOnlyList<double> Retention);
