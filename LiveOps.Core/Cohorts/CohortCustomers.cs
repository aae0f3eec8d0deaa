using LiveOps.Core.Store;
using LiveOps.Core.Common;

namespace LiveOps.Core.Cohorts;

/// <summary>The customers behind one matrix cell, by the same membership rules as <see cref="CohortScan"/>.</summary>
internal static class CohortCustomers
{
    public static CohortCustomersPage Find(DataSnapshot data, CohortCellQuery cell)
    {
        var query = cell.Query;
        var groupKeys = CohortScan.GroupKeys(data, query.Breakdown);
        var group = Array.IndexOf(groupKeys, cell.Group);
        if (group < 0 || cell.Offset < 0 || CohortScan.Range(data, query) is not var (first, last))
        {
            return new CohortCustomersPage(0, []);
        }
        var cohort = Enumerable.Range(first, last - first + 1).Select(o => new Period(query.Period, o))
            .FirstOrDefault(p => p.ToString() == cell.Cohort);
        if (cohort == default)
        {
            return new CohortCustomersPage(0, []);
        }
        var target = cohort.Ordinal + cell.Offset;
        var fromMs = query.From?.ToUnixTimeMilliseconds() ?? long.MinValue;
        var toMs = query.To?.ToUnixTimeMilliseconds() ?? long.MaxValue;
        var ordinals = data.PeriodOrdinals(query.Period);
        var found = new List<CohortCustomer>();
        for (var c = 0; c < data.CustomerCount; c++)
        {
            var s = data.OrderStart[c];
            var e = data.OrderStart[c + 1];
            if (s == e || ordinals[s] != cohort.Ordinal || data.PlacedAtMs[s] < fromMs || data.PlacedAtMs[s] >= toMs
                || CohortScan.GroupOf(data, query.Breakdown, c, s) != group)
            {
                continue;
            }
            int inCell = 0, orders = 0;
            long inCellUnits = 0, units = 0;
            for (var j = s; j < e && data.PlacedAtMs[j] < toMs; j++)
            {
                orders++;
                units += data.AmountUnits[j];
                var hit = query.Mode == CohortMode.Cumulative ? ordinals[j] >= target : ordinals[j] == target;
                if (hit)
                {
                    inCell++;
                    inCellUnits += data.AmountUnits[j];
                }
            }
            if (inCell > 0)
            {
                found.Add(new CohortCustomer(data.CustomerIds[c], data.Nicknames[c], DateTimeOffset.FromUnixTimeMilliseconds(data.PlacedAtMs[s]),
                    inCell, Money.FromUnits(inCellUnits), orders, Money.FromUnits(units)));
            }
        }
        // Biggest spenders in the cell first: the ones an operator reaches out to.
        var page = found
            .OrderByDescending(x => x.RevenueInCell).ThenBy(x => x.CustomerId, StringComparer.Ordinal)
            .Skip(Math.Max(0, cell.Skip)).Take(Math.Max(0, cell.Take)).ToList();
        return new CohortCustomersPage(found.Count, page);
    }
}
