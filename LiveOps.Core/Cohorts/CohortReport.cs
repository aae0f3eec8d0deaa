using LiveOps.Core.Common;

namespace LiveOps.Core.Cohorts;

/// <summary>
/// A cohort matrix with its KPIs. Every row has <see cref="Columns"/> cells (offsets 0..Columns-1); a cell is null
/// where the period cohort+k lies after the last period, so the grid is always complete and rectangular.
/// </summary>
public sealed record CohortReport(
    CohortQuery Query,
    string TimeZone,
    int Columns,
    Period? LastPeriod,
    Period? IncompleteFrom,
    CohortKpis Kpis,
    IReadOnlyList<CohortGroup> Groups)
{
    public bool IsEmpty => Kpis.Customers == 0;

    public static CohortReport Empty(CohortQuery query, string timeZone) => new(
        query, timeZone, 0, null, null,
        new CohortKpis(0, 0, null, null, null, null, new CohortLtv(null, null, null)), []);
}

/// <summary>
/// Headline figures over the shown cohorts' customers and their counted orders (contract §4); null where undefined
/// (no customers, nobody with a second order, no repeat orders, no cohort old enough for an LTV window).
/// </summary>
public sealed record CohortKpis(
    int Customers,
    long Orders,
    double? RepeatRate,
    double? MedianDaysToSecondOrder,
    decimal? AverageFirstOrderValue,
    decimal? AverageRepeatOrderValue,
    CohortLtv Ltv);

/// <summary>
/// Revenue per customer from orders within N days of the first order (0 ≤ t − first ≤ N × 24 h, before To).
/// Null unless every customer of the cohort has had the full N days observed.
/// </summary>
public sealed record CohortLtv(decimal? Days30, decimal? Days90, decimal? Days180);

/// <summary>One breakdown group (<c>all</c> without a breakdown) with its cohorts and their size-weighted average.</summary>
public sealed record CohortGroup(string Key, int Customers, IReadOnlyList<CohortRow> Rows, CohortRow Average);

/// <summary>A cohort (or, with a null <see cref="Cohort"/>, the group's weighted average across cohorts).</summary>
public sealed record CohortRow(Period? Cohort, int Size, IReadOnlyList<CohortCell?> Cells, CohortLtv Ltv);

/// <summary>
/// One cell. <see cref="Base"/> is the number of customers the cell is measured against (the cohort size, or for
/// the average row the summed size of the cohorts included) and <see cref="Cohorts"/> how many cohorts it sums.
/// </summary>
public sealed record CohortCell(int Offset, long Active, long Orders, decimal Revenue, long Base, int Cohorts, bool Incomplete)
{
    public double Retention => Base == 0 ? 0 : Active / (double)Base;

    /// <summary>The value the metric shows; count metrics of an average row are means per cohort.</summary>
    public double Value(CohortMetric metric) => metric switch
    {
        CohortMetric.Retention => Retention,
        CohortMetric.Customers => Active / (double)Math.Max(1, Cohorts),
        CohortMetric.RevenuePerCustomer => Base == 0 ? 0 : (double)(Revenue / Base),
        _ => Orders / (double)Math.Max(1, Cohorts),
    };
}
