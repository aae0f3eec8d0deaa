using LiveOps.Core.Common;

namespace LiveOps.Core.Cohorts;

/// <summary>
/// Turns the raw sums of a scan into the report: the full rectangular grid, cumulative or in-period cells,
/// incomplete cells flagged, a size-weighted average row per group, and the KPIs. Pure: no clock reads, no I/O.
/// </summary>
internal static class CohortShape
{
    private const long DayMs = 86_400_000;

    /// <param name="tally">The scan's sums.</param>
    /// <param name="query">The request (mode decides how cells are summed).</param>
    /// <param name="clock">Only for period boundaries in the configured zone.</param>
    /// <param name="horizon">The end of observed time: the earlier of now and To. Periods not over by then are incomplete.</param>
    public static CohortReport Shape(CohortTally tally, CohortQuery query, ZoneClock clock, DateTimeOffset horizon)
    {
        var horizonMs = horizon.ToUnixTimeMilliseconds();
        var incompleteFrom = Period.Containing(query.Period, horizon, clock);
        var cohortEnds = new long[tally.CohortCount];
        for (var ci = 0; ci < tally.CohortCount; ci++)
        {
            cohortEnds[ci] = new Period(query.Period, tally.FirstCohort + ci).End(clock).ToUnixTimeMilliseconds();
        }
        bool LtvObserved(int ci, int window) => cohortEnds[ci] + CohortScan.LtvDays[window] * DayMs <= horizonMs;

        var groups = new List<CohortGroup>();
        for (var g = 0; g < tally.GroupKeys.Length; g++)
        {
            var rows = new List<CohortRow>();
            for (var ci = 0; ci < tally.CohortCount; ci++)
            {
                if (tally.Rows[g * tally.CohortCount + ci] is { Size: > 0 } row)
                {
                    rows.Add(ShapeRow(tally, query, row, ci, incompleteFrom.Ordinal, w => LtvObserved(ci, w)));
                }
            }
            if (rows.Count > 0)
            {
                groups.Add(new CohortGroup(tally.GroupKeys[g], rows.Sum(r => r.Size), rows, Average(tally, g, rows, LtvObserved)));
            }
        }
        if (query.Breakdown == CohortBreakdown.FirstOrderCampaign)
        {
            // Campaign ids in ordinal order, orders without a campaign last.
            groups = [.. groups.OrderBy(x => x.Key == CohortGroups.NoCampaign).ThenBy(x => x.Key, StringComparer.Ordinal)];
        }
        var last = new Period(query.Period, tally.FirstCohort + tally.Columns - 1);
        return new CohortReport(query, clock.ZoneId, tally.Columns, last,
            incompleteFrom <= last ? incompleteFrom : null, Kpis(tally, LtvObserved), groups);
    }

    private static CohortRow ShapeRow(CohortTally tally, CohortQuery query, RowTally row, int ci, int incompleteFrom, Func<int, bool> ltvObserved)
    {
        var cohort = new Period(query.Period, tally.FirstCohort + ci);
        var cells = new CohortCell?[tally.Columns];
        var observed = tally.Columns - ci;
        var cumulative = query.Mode == CohortMode.Cumulative;
        long stillActive = row.LastActive.Sum(), orders = 0, revenue = 0;
        for (var k = 0; k < observed; k++)
        {
            orders = cumulative ? orders + row.Orders[k] : row.Orders[k];
            revenue = cumulative ? revenue + row.RevenueUnits[k] : row.RevenueUnits[k];
            var active = cumulative ? stillActive : row.Active[k];
            stillActive -= row.LastActive[k];
            cells[k] = new CohortCell(k, active, orders, Money.FromUnits(revenue), row.Size, 1, cohort.Ordinal + k >= incompleteFrom);
        }
        var ltv = new decimal?[3];
        for (var w = 0; w < ltv.Length; w++)
        {
            ltv[w] = ltvObserved(w) ? Money.FromUnits(row.LtvUnits[w]) / row.Size : null;
        }
        return new CohortRow(cohort, row.Size, cells, new CohortLtv(ltv[0], ltv[1], ltv[2]));
    }

    /// <summary>
    /// Size-weighted average across the group's cohorts: at offset k it sums the cohorts that have a complete cell k,
    /// so a young cohort or the running period never drags the curve down.
    /// </summary>
    private static CohortRow Average(CohortTally tally, int group, List<CohortRow> rows, Func<int, int, bool> ltvObserved)
    {
        var cells = new CohortCell?[tally.Columns];
        for (var k = 0; k < tally.Columns; k++)
        {
            long active = 0, orders = 0, size = 0;
            decimal revenue = 0;
            var cohorts = 0;
            foreach (var row in rows)
            {
                if (row.Cells[k] is { Incomplete: false } cell)
                {
                    active += cell.Active;
                    orders += cell.Orders;
                    revenue += cell.Revenue;
                    size += row.Size;
                    cohorts++;
                }
            }
            cells[k] = cohorts == 0 ? null : new CohortCell(k, active, orders, revenue, size, cohorts, false);
        }
        var ltv = new decimal?[3];
        for (var w = 0; w < ltv.Length; w++)
        {
            long units = 0, size = 0;
            for (var ci = 0; ci < tally.CohortCount; ci++)
            {
                if (tally.Rows[group * tally.CohortCount + ci] is { Size: > 0 } row && ltvObserved(ci, w))
                {
                    units += row.LtvUnits[w];
                    size += row.Size;
                }
            }
            ltv[w] = size == 0 ? null : Money.FromUnits(units) / size;
        }
        return new CohortRow(null, rows.Sum(r => r.Size), cells, new CohortLtv(ltv[0], ltv[1], ltv[2]));
    }

    private static CohortKpis Kpis(CohortTally tally, Func<int, int, bool> ltvObserved)
    {
        var ltv = new decimal?[3];
        for (var w = 0; w < ltv.Length; w++)
        {
            long units = 0, size = 0;
            for (var ci = 0; ci < tally.CohortCount; ci++)
            {
                if (tally.CohortSizes[ci] > 0 && ltvObserved(ci, w))
                {
                    units += tally.LtvUnits[w][ci];
                    size += tally.CohortSizes[ci];
                }
            }
            ltv[w] = size == 0 ? null : Money.FromUnits(units) / size;
        }
        return new CohortKpis(
            tally.Customers,
            tally.Orders,
            tally.Customers == 0 ? null : tally.Repeaters / (double)tally.Customers,
            Median(tally.SecondOrderGaps),
            tally.Customers == 0 ? null : Money.FromUnits(tally.FirstOrderUnits) / tally.Customers,
            tally.RepeatOrders == 0 ? null : Money.FromUnits(tally.RepeatOrderUnits) / tally.RepeatOrders,
            new CohortLtv(ltv[0], ltv[1], ltv[2]));
    }

    /// <summary>Median in fractional days; the mean of the two middle values for an even count.</summary>
    private static double? Median(List<long> gapsMs)
    {
        if (gapsMs.Count == 0)
        {
            return null;
        }
        gapsMs.Sort();
        var mid = gapsMs.Count / 2;
        var ms = gapsMs.Count % 2 == 1 ? gapsMs[mid] : (gapsMs[mid - 1] + gapsMs[mid]) / 2.0;
        return ms / DayMs;
    }
}
