using System.Globalization;
using LiveOps.Core.Common;

namespace LiveOps.Core.Cohorts;

/// <summary>
/// The page's state as a shareable URL: <c>/cohorts?period=week&amp;from=2026-01-01&amp;to=2026-07-01&amp;mode=cumulative&amp;metric=orders&amp;breakdown=membership</c>.
/// Values use the contract's spellings; unknown or malformed values fall back to the defaults.
/// </summary>
public static class CohortView
{
    /// <summary>
    /// The view of a URL. Unknown period, mode, metric or breakdown values fall back to the defaults; dates go through
    /// <see cref="QueryDates"/>: a malformed or out-of-range date, a reversed range, or more cohorts than
    /// <see cref="QueryDates.MaxWeeks"/> / <see cref="QueryDates.MaxMonths"/> (an open <c>to</c> counts up to today)
    /// is a problem naming the field and the limit.
    /// </summary>
    public static bool TryParse(string? period, string? from, string? to, string? mode, string? metric, string? breakdown, ZoneClock clock,
        out CohortQuery query, out QueryProblem? problem)
    {
        query = new CohortQuery
        {
            Period = period == "week" ? PeriodKind.Week : PeriodKind.Month,
            Mode = ContractNames.TryParse<CohortMode>(mode, out var m) ? m : CohortMode.InPeriod,
            Metric = ContractNames.TryParse<CohortMetric>(metric, out var x) ? x : CohortMetric.Retention,
            Breakdown = ContractNames.TryParse<CohortBreakdown>(breakdown, out var b) ? b : CohortBreakdown.None,
        };
        if (!QueryDates.TryDay(from, "from", out var first, out problem) || !QueryDates.TryDay(to, "to", out var end, out problem))
        {
            return false;
        }
        problem = CheckRange(query.Period, first, end, clock);
        if (problem is not null)
        {
            return false;
        }
        query = query with
        {
            From = first is { } f ? clock.StartOfDay(f) : null,
            To = end is { } t ? clock.StartOfDay(t) : null,
        };
        return true;
    }

    /// <summary>
    /// The problem with cohort bounds (local days, either optional): reversed, or more cohorts than the cap. An open
    /// <c>to</c> counts up to today; an open <c>from</c> starts at the data's first order, which the years bound.
    /// </summary>
    public static QueryProblem? CheckRange(PeriodKind period, DateOnly? from, DateOnly? to, ZoneClock clock)
    {
        if (QueryDates.CheckOrder(from, to) is { } order)
        {
            return order;
        }
        var end = to ?? clock.Today.AddDays(1);
        return from is { } f && f < end ? QueryDates.CheckPeriods(period, f, end) : null;
    }

    /// <summary>The query-string pairs of a view; defaults are left out so short links stay short.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Parameters(CohortQuery query, ZoneClock clock)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (query.Period == PeriodKind.Week)
        {
            pairs.Add(new("period", "week"));
        }
        if (query.From is { } from)
        {
            pairs.Add(new("from", DateText(from, clock)));
        }
        if (query.To is { } to)
        {
            pairs.Add(new("to", DateText(to, clock)));
        }
        if (query.Mode != CohortMode.InPeriod)
        {
            pairs.Add(new("mode", ContractNames.Of(query.Mode)));
        }
        if (query.Metric != CohortMetric.Retention)
        {
            pairs.Add(new("metric", ContractNames.Of(query.Metric)));
        }
        if (query.Breakdown != CohortBreakdown.None)
        {
            pairs.Add(new("breakdown", ContractNames.Of(query.Breakdown)));
        }
        return pairs;
    }

    public static string Url(CohortQuery query, ZoneClock clock)
    {
        var pairs = Parameters(query, clock);
        return pairs.Count == 0 ? "/cohorts" : "/cohorts?" + string.Join('&', pairs.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
    }

    /// <summary>The CSV export of the customers behind a cell, for the same view.</summary>
    public static string CustomersCsvUrl(CohortQuery query, string group, string cohort, int offset, ZoneClock clock)
    {
        var pairs = Parameters(query, clock).ToList();
        pairs.Add(new("group", group));
        pairs.Add(new("cohort", cohort));
        pairs.Add(new("offset", offset.ToString(CultureInfo.InvariantCulture)));
        return "/export/cohorts/customers.csv?" + string.Join('&', pairs.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
    }

    public static string DateText(DateTimeOffset instant, ZoneClock clock) =>
        clock.LocalDate(instant).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
