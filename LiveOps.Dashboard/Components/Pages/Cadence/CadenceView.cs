using LiveOps.Core.Common;
using LiveOps.Core.PushCadence;

namespace LiveOps.Dashboard.Components.Pages.Cadence;

public enum CadenceSort
{
    WorstFirst,
    AudienceId,
}

/// <summary>How the cadence pages arrange the report; pure, so the grid's order and colours are testable.</summary>
public static class CadenceView
{
    /// <summary>Weeks the dashboard shows by default: the running one and the seven before it.</summary>
    public const int DefaultWeeks = 8;

    public static CadenceQuery PageQuery(ZoneClock clock, string? audienceId = null, int weeks = DefaultWeeks) =>
        new(From: Period.Containing(PeriodKind.Week, clock.UtcNow, clock).Add(-(weeks - 1)).Start(clock), AudienceId: audienceId);

    /// <summary>Every listed week, plus later weeks that only hold planned pushes, in order.</summary>
    public static IReadOnlyList<Period> Columns(CadenceReport report) =>
        report.Audiences.SelectMany(a => a.Weeks.Select(w => w.Period).Concat(a.PlannedLater.Select(p => p.Period)))
            .Distinct().Order().ToList();

    /// <summary>
    /// Worst first: most weeks outside the guideline, then most over-pushed weeks, then over in the running
    /// week; ties by audience id.
    /// </summary>
    public static IReadOnlyList<CadenceAudience> Sort(IEnumerable<CadenceAudience> audiences, CadenceSort sort, Period currentWeek) =>
        sort == CadenceSort.AudienceId
            ? audiences.OrderBy(a => a.AudienceId, StringComparer.Ordinal).ToList()
            : audiences.OrderByDescending(a => a.OverWeeks + a.UnderWeeks)
                .ThenByDescending(a => a.OverWeeks)
                .ThenByDescending(a => a.Weeks.Any(w => w.Period == currentWeek && w.Status == CadenceStatus.Over))
                .ThenBy(a => a.AudienceId, StringComparer.Ordinal)
                .ToList();

    /// <summary>This week's over-pushed audiences first, then the newest weeks; ties by audience id.</summary>
    public static IReadOnlyList<CadenceWarning> OrderWarnings(CadenceReport report)
    {
        var current = report.CurrentWeek.ToString();
        return report.Warnings
            .OrderByDescending(w => w.Week == current && w.Status == CadenceStatus.Over)
            .ThenByDescending(w => w.Week, StringComparer.Ordinal)
            .ThenBy(w => w.AudienceId, StringComparer.Ordinal)
            .ToList();
    }

    public static string Background(CadenceStatus status) => status switch
    {
        CadenceStatus.Over => "#ffc9c9",
        CadenceStatus.Under => "#ffe8cc",
        CadenceStatus.Ok => "#d3f9d8",
        _ => "#e7f5ff",
    };

    public static string StatusKey(CadenceStatus status) => "Status." + status;

    public static string ContractName(CadenceStatus status) => ContractNames.Of(status);
}
