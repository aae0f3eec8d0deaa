using LiveOps.Core.Common;

namespace LiveOps.Core.Value;

/// <summary>
/// Compares a model fitted at a cutoff with what happened in the H days after it. Pure over the fitted model and the
/// same snapshot: actual repeat purchases are distinct order days in (E', E' + H] (E' the cutoff's last observed day)
/// of the customers who had bought by the cutoff, and actual ¥ their paid amounts on those days, before
/// the end instant.
/// </summary>
public static class Backtest
{
    public static ValueBacktest Run(ValueModel model, DateTimeOffset end, int horizonDays)
    {
        var data = model.Data;
        var orders = data.Orders;
        var clock = orders.Clock;
        var endMs = end.ToUnixTimeMilliseconds();
        var firstDay = data.LastObservedDay.AddDays(1);
        var lastDay = data.LastObservedDay.AddDays(horizonDays);

        // Months of the window, each as its last day's offset from E'.
        var months = new List<(string Label, int FromOffset, int ToOffset)>();
        for (var day = firstDay; day <= lastDay;)
        {
            var monthEnd = new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(-1);
            var to = monthEnd < lastDay ? monthEnd : lastDay;
            months.Add((day.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
                day.DayNumber - data.LastObservedDay.DayNumber, to.DayNumber - data.LastObservedDay.DayNumber));
            day = to.AddDays(1);
        }
        var actualByMonth = new int[months.Count];
        var actualUnitsByMonth = new long[months.Count];
        var actual = new int[data.Count];
        var actualUnits = new long[data.Count];
        var cutoffMs = data.AsOf.ToUnixTimeMilliseconds();
        var start = orders.OrderStart;
        var e = data.LastObservedDay.DayNumber;
        for (var i = 0; i < data.Count; i++)
        {
            var c = data.Customer[i];
            var previous = int.MinValue;
            for (var o = start[c]; o < start[c + 1] && orders.PlacedAtMs[o] < endMs; o++)
            {
                if (orders.PlacedAtMs[o] < cutoffMs)
                {
                    continue;
                }
                var offset = clock.LocalDate(DateTimeOffset.FromUnixTimeMilliseconds(orders.PlacedAtMs[o])).DayNumber - e;
                if (offset < 1 || offset > horizonDays)
                {
                    continue;
                }
                var month = months.FindIndex(m => offset >= m.FromOffset && offset <= m.ToOffset);
                if (offset != previous)
                {
                    actual[i]++;
                    actualByMonth[month]++;
                    previous = offset;
                }
                actualUnits[i] += orders.AmountUnits[o];
                actualUnitsByMonth[month] += orders.AmountUnits[o];
            }
        }

        var summary = ValueService.Summary(model);
        var predicted = model.PurchasesByGroup(horizonDays);
        var spend = model.ExpectedSpend;
        var monthRows = new List<BacktestMonth>();
        for (var k = 0; k < months.Count; k++)
        {
            double? p = null, v = null;
            if (predicted is not null)
            {
                var upTo = model.PurchasesByGroup(months[k].ToOffset)!;
                var before = months[k].FromOffset > 1 ? model.PurchasesByGroup(months[k].FromOffset - 1) : null;
                double sumP = 0, sumV = 0;
                for (var i = 0; i < data.Count; i++)
                {
                    var g = data.GroupIndex[i];
                    var n = upTo[g] - (before?[g] ?? 0);
                    sumP += n;
                    sumV += spend is null ? 0 : n * spend[i];
                }
                p = sumP;
                v = spend is null ? null : sumV;
            }
            monthRows.Add(new BacktestMonth(months[k].Label, p, actualByMonth[k], v, Money.FromUnits(actualUnitsByMonth[k])));
        }

        var deciles = new List<BacktestDecile>();
        double? totalP = null, totalV = null;
        if (predicted is not null)
        {
            var ranked = Enumerable.Range(0, data.Count)
                .OrderByDescending(i => predicted[data.GroupIndex[i]])
                .ThenBy(i => data.CustomerId(i), StringComparer.Ordinal)
                .ToArray();
            for (var d = 0; d < 10; d++)
            {
                var from = d * ranked.Length / 10;
                var to = (d + 1) * ranked.Length / 10;
                double p = 0, v = 0;
                var a = 0;
                long units = 0;
                for (var k = from; k < to; k++)
                {
                    var i = ranked[k];
                    var n = predicted[data.GroupIndex[i]];
                    p += n;
                    v += spend is null ? 0 : n * spend[i];
                    a += actual[i];
                    units += actualUnits[i];
                }
                deciles.Add(new BacktestDecile(d + 1, to - from, p, a, spend is null ? null : v, Money.FromUnits(units)));
            }
            (totalP, totalV) = model.Totals(horizonDays);
        }
        return new ValueBacktest(horizonDays, clock.ToLocal(data.AsOf), summary, model.Reason, data.Count, totalP, actual.Sum(), totalV,
            Money.FromUnits(actualUnits.Sum()), monthRows, deciles);
    }
}
