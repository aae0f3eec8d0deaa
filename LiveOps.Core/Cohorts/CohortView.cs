using System.Globalization;
using LiveOps.Core.Common;

namespace LiveOps.Core.Cohorts;

/// <summary>
/// The page's state as a shareable URL: <c>/cohorts?period=week&amp;from=2026-01-01&amp;to=2026-07-01&amp;mode=cumulative&amp;metric=orders&amp;breakdown=membership</c>.
/// Values use the contract's spellings; unknown or malformed values fall back to the defaults.
/// </summary>
public static class CohortView
{
    public static CohortQuery Parse(string? period, string? from, string? to, string? mode, string? metric, string? breakdown, ZoneClock clock)
    {
        var query = new CohortQuery
        {
            Period = period == "week" ? PeriodKind.Week : PeriodKind.Month,
            From = Date(from, clock),
            To = Date(to, clock),
            Mode = ContractNames.TryParse<CohortMode>(mode, out var m) ? m : CohortMode.InPeriod,
            Metric = ContractNames.TryParse<CohortMetric>(metric, out var x) ? x : CohortMetric.Retention,
            Breakdown = ContractNames.TryParse<CohortBreakdown>(breakdown, out var b) ? b : CohortBreakdown.None,
        };
        return query.From is { } f && query.To is { } t && f >= t ? query with { To = null } : query;
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

    private static DateTimeOffset? Date(string? text, ZoneClock clock) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? clock.StartOfDay(date)
            : null;
}
