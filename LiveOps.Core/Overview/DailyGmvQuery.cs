namespace LiveOps.Core.Overview;

/// <summary>
/// Daily paid GMV over local days <see cref="From"/> (inclusive) to <see cref="To"/> (exclusive),
/// days being calendar days in <c>LiveOps:TimeZone</c>.
/// </summary>
public sealed record DailyGmvQuery(DateOnly From, DateOnly To)
{
    /// <summary>The longest range one report covers (about ten years), which bounds its memory.</summary>
    public const int MaxDays = Common.QueryDates.MaxDays;

    /// <summary>The ranges the Overview offers.</summary>
    public static readonly IReadOnlyList<int> Ranges = [30, 90, 365];

    public const int DefaultDays = 90;

    /// <summary>The last <paramref name="days"/> local days, today included.</summary>
    public static DailyGmvQuery LastDays(int days, DateOnly today)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxDays);
        return new DailyGmvQuery(today.AddDays(1 - days), today.AddDays(1));
    }

    public int Days => To.DayNumber - From.DayNumber;
}
