using System.Globalization;

namespace LiveOps.Core.Common;

public enum PeriodKind
{
    Month,
    Week,
}

/// <summary>
/// Calendar months (<c>2026-11</c>) and ISO weeks (<c>2026-W46</c>, Monday first) in the configured zone.
/// A period is identified by a dense ordinal so offsets between periods are plain subtraction.
/// </summary>
public readonly record struct Period(PeriodKind Kind, int Ordinal) : IComparable<Period>
{
    // ISO week ordinals count Mondays from 0001-01-01 (a Monday).
    private static readonly DateOnly MondayZero = new(1, 1, 1);

    public static Period Containing(PeriodKind kind, DateOnly localDate) => kind switch
    {
        PeriodKind.Month => new Period(kind, localDate.Year * 12 + localDate.Month - 1),
        _ => new Period(kind, (localDate.DayNumber - MondayZero.DayNumber - IsoDayOffset(localDate)) / 7),
    };

    public static Period Containing(PeriodKind kind, DateTimeOffset instant, ZoneClock clock) =>
        Containing(kind, clock.LocalDate(instant));

    /// <summary>The first local day of the period.</summary>
    public DateOnly FirstDay => Kind switch
    {
        PeriodKind.Month => new DateOnly(Ordinal / 12, Ordinal % 12 + 1, 1),
        _ => MondayZero.AddDays(Ordinal * 7),
    };

    public DateTimeOffset Start(ZoneClock clock) => clock.StartOfDay(FirstDay);

    public DateTimeOffset End(ZoneClock clock) => Next.Start(clock);

    public Period Next => this with { Ordinal = Ordinal + 1 };

    public Period Add(int periods) => this with { Ordinal = Ordinal + periods };

    public int CompareTo(Period other) => Ordinal.CompareTo(other.Ordinal);

    public static bool operator <(Period a, Period b) => a.Ordinal < b.Ordinal;
    public static bool operator >(Period a, Period b) => a.Ordinal > b.Ordinal;
    public static bool operator <=(Period a, Period b) => a.Ordinal <= b.Ordinal;
    public static bool operator >=(Period a, Period b) => a.Ordinal >= b.Ordinal;

    /// <summary><c>2026-11</c> for a month, <c>2026-W46</c> for an ISO week.</summary>
    public override string ToString()
    {
        if (Kind == PeriodKind.Month)
        {
            return $"{Ordinal / 12:D4}-{Ordinal % 12 + 1:D2}";
        }
        var monday = FirstDay.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(monday):D4}-W{ISOWeek.GetWeekOfYear(monday):D2}";
    }

    private static int IsoDayOffset(DateOnly date) => ((int)date.DayOfWeek + 6) % 7;
}
