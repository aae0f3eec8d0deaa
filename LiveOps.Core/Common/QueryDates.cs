using System.Globalization;

namespace LiveOps.Core.Common;

/// <summary>
/// The one reader of dates that come from a URL (<c>?from=2026-01-01&amp;to=2026-02-01</c>) or the command line
/// (<c>--from</c>, <c>--to</c>, <c>--as-of</c>, <c>--starts</c>), and the one place of the limits on them: years
/// <see cref="FirstYear"/> to <see cref="LastYear"/>, and ranges of at most <see cref="MaxDays"/> days,
/// <see cref="MaxWeeks"/> weekly or <see cref="MaxMonths"/> monthly cohorts. Ranges run from inclusive to exclusive.
/// The limits keep a typed or crafted bound from overflowing the calendar or building a report no one can read.
/// </summary>
public static class QueryDates
{
    /// <summary>
    /// The first year a report covers: the epoch the column stores count from, so that older public datasets (the CDNOW
    /// sample of 1997) stay readable while a crafted year 1 or 1900 is refused.
    /// </summary>
    public const int FirstYear = 1970;

    public const int LastYear = 2100;

    /// <summary>The longest day-based range one report covers (about ten years), which bounds its memory.</summary>
    public const int MaxDays = 3700;

    /// <summary>The most weekly cohorts one matrix covers (about 7.7 years).</summary>
    public const int MaxWeeks = 400;

    /// <summary>The most monthly cohorts one matrix covers (ten years).</summary>
    public const int MaxMonths = 120;

    /// <summary>An optional local date written yyyy-MM-dd (empty means none), or the problem naming the field.</summary>
    public static bool TryDay(string? text, string field, out DateOnly? day, out QueryProblem? problem)
    {
        day = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        text = text.Trim();
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            problem = QueryProblem.Of("date.format", field, text);
            return false;
        }
        problem = YearProblem(parsed, field, text);
        day = problem is null ? parsed : null;
        return problem is null;
    }

    /// <summary>
    /// An optional instant from the command line: a bare date is 00:00 local, a date-time without an offset is local,
    /// one with an offset or Z is taken as given (see <see cref="ZoneClock.TryParseInstant"/>).
    /// </summary>
    public static bool TryInstant(string? text, string field, ZoneClock clock, out DateTimeOffset? instant, out QueryProblem? problem)
    {
        instant = null;
        problem = null;
        if (text is null)
        {
            return true;
        }
        var trimmed = text.Trim();
        // The year is checked on the text, before any conversion: 0001-01-01 in a zone east of UTC is not representable.
        if (trimmed.Length >= 10
            && DateOnly.TryParseExact(trimmed[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var written)
            && YearProblem(written, field, trimmed) is { } year)
        {
            problem = year;
            return false;
        }
        if (!clock.TryParseInstant(trimmed, out var parsed))
        {
            problem = QueryProblem.Of("date.instant", field, text);
            return false;
        }
        problem = YearProblem(clock.LocalDate(parsed), field, trimmed);
        instant = problem is null ? parsed : null;
        return problem is null;
    }

    /// <summary>The problem with a day range [from, to): reversed or empty, or longer than <paramref name="maxDays"/>.</summary>
    public static QueryProblem? CheckDays(DateOnly from, DateOnly to, int maxDays = MaxDays)
    {
        var days = to.DayNumber - from.DayNumber;
        return days < 1 ? QueryProblem.Of("range.order")
            : days > maxDays ? QueryProblem.Of("range.days", maxDays, days)
            : null;
    }

    /// <summary>The problem with optional bounds: a reversed or empty range (an open side is never a problem).</summary>
    public static QueryProblem? CheckOrder(DateOnly? from, DateOnly? to) =>
        from is { } f && to is { } t && f >= t ? QueryProblem.Of("range.order") : null;

    /// <summary>
    /// The problem with cohorts by <paramref name="kind"/> over local days [from, to): reversed, or more periods than
    /// <see cref="MaxWeeks"/> / <see cref="MaxMonths"/>.
    /// </summary>
    public static QueryProblem? CheckPeriods(PeriodKind kind, DateOnly from, DateOnly to)
    {
        if (from >= to)
        {
            return QueryProblem.Of("range.order");
        }
        var periods = Period.Containing(kind, to.AddDays(-1)).Ordinal - Period.Containing(kind, from).Ordinal + 1;
        return kind switch
        {
            PeriodKind.Week when periods > MaxWeeks => QueryProblem.Of("range.weeks", MaxWeeks, periods),
            PeriodKind.Month when periods > MaxMonths => QueryProblem.Of("range.months", MaxMonths, periods),
            _ => null,
        };
    }

    private static QueryProblem? YearProblem(DateOnly date, string field, string text) =>
        date.Year is < FirstYear or > LastYear ? QueryProblem.Of("date.year", field, text, FirstYear, LastYear) : null;
}
