using System.Text.Json.Serialization;
using LiveOps.Core.Common;
using LiveOps.Core.Data.Entities;

namespace LiveOps.Core.PushCadence;

/// <summary>
/// <c>report cadence</c>: <paramref name="From"/>/<paramref name="To"/> select the weeks listed (from inclusive,
/// to exclusive); <paramref name="AsOf"/> is the running week's instant, now when null.
/// <paramref name="AudienceId"/> narrows the report to one audience (the detail page).
/// </summary>
public sealed record CadenceQuery(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    DateTimeOffset? AsOf = null,
    string? AudienceId = null);

/// <summary>
/// The cadence report. The positional members are the contract's JSON shape exactly; the rest is what the
/// dashboard shows besides (fatigue evidence, the WeCom rule, planned pushes) and is left out of the JSON.
/// Audiences are ordered by audience id (ordinal); warnings by audience id, then week.
/// </summary>
public sealed record CadenceReport(
    int MinPerWeek,
    int MaxPerWeek,
    IReadOnlyList<CadenceAudience> Audiences,
    IReadOnlyList<CadenceWarning> Warnings)
{
    [JsonIgnore] public DateTimeOffset AsOf { get; init; }

    /// <summary>The week holding <see cref="AsOf"/>: the running, partial week.</summary>
    [JsonIgnore] public Period CurrentWeek { get; init; }

    [JsonIgnore] public FatigueSummary Fatigue { get; init; } = FatigueSummary.Empty;

    /// <summary>Whether the optional WeCom limit is configured; when not, no send is ever blocked.</summary>
    [JsonIgnore] public bool WeComRuleEnabled { get; init; }
}

/// <summary>One audience and its weeks. An audience known only from pushes is named by its id.</summary>
public sealed record CadenceAudience(string AudienceId, string Name, IReadOnlyList<CadenceWeek> Weeks)
{
    [JsonIgnore] public AudienceKind? Kind { get; init; }

    [JsonIgnore] public int? MemberCount { get; init; }

    /// <summary>Planned pushes in weeks after the listed ones (the grid shows them as planned columns).</summary>
    [JsonIgnore] public IReadOnlyList<PlannedWeek> PlannedLater { get; init; } = [];

    /// <summary>Sends the WeCom limit would have refused, within the listed weeks.</summary>
    [JsonIgnore] public IReadOnlyList<WeComBlockedSend> WeComBlocked { get; init; } = [];

    /// <summary>Mean weekly leave rate of this audience in over weeks and in ok weeks (completed weeks only).</summary>
    [JsonIgnore] public LeaveRateComparison LeaveRates { get; init; } = LeaveRateComparison.Empty;

    [JsonIgnore] public int OverWeeks => Weeks.Count(w => w.Status == CadenceStatus.Over);

    [JsonIgnore] public int UnderWeeks => Weeks.Count(w => w.Status == CadenceStatus.Under);
}

/// <summary>One ISO week of one audience: <c>pushes</c> counts promotion pushes only.</summary>
public sealed record CadenceWeek(string Week, int Pushes, CadenceStatus Status)
{
    [JsonIgnore] public Period Period { get; init; }

    [JsonIgnore] public int ContentPushes { get; init; }

    [JsonIgnore] public int ServicePushes { get; init; }

    /// <summary>Planned (not sent) pushes this week; never part of <see cref="Pushes"/>.</summary>
    [JsonIgnore] public int Planned { get; init; }

    /// <summary>All leave events this week.</summary>
    [JsonIgnore] public int Leaves { get; init; }

    /// <summary>Leaves within 48 h after one of this week's promotion pushes (each leave counted once, for the latest push before it).</summary>
    [JsonIgnore] public int LeavesAfterPromotion { get; init; }

    /// <summary>Members at 00:00 Monday, rebuilt from member_count and join/leave events (see <see cref="CadenceShaper"/>).</summary>
    [JsonIgnore] public int? MembersAtStart { get; init; }

    /// <summary><see cref="LeavesAfterPromotion"/> / <see cref="MembersAtStart"/>; null without members.</summary>
    [JsonIgnore] public double? LeaveRate { get; init; }
}

public sealed record CadenceWarning(string AudienceId, string Week, int Pushes, CadenceStatus Status);

public sealed record PlannedWeek(Period Period, int Planned)
{
    public string Week => Period.ToString();
}

/// <summary>
/// Mean weekly leave rate over the over-pushed weeks and over the weeks within the guideline
/// (status ok); null where there is no such week with members. The running week is left out.
/// </summary>
public sealed record LeaveRateComparison(double? OverWeeks, int OverWeekCount, double? OkWeeks, int OkWeekCount)
{
    /// <summary>The weekly leave rates averaged into <see cref="OverWeeks"/> (for its interval).</summary>
    [JsonIgnore] public IReadOnlyList<double> OverWeekRates { get; init; } = [];

    /// <summary>The weekly leave rates averaged into <see cref="OkWeeks"/>.</summary>
    [JsonIgnore] public IReadOnlyList<double> OkWeekRates { get; init; } = [];

    public bool Equals(LeaveRateComparison? other) =>
        other is not null && OverWeeks == other.OverWeeks && OverWeekCount == other.OverWeekCount && OkWeeks == other.OkWeeks
        && OkWeekCount == other.OkWeekCount; // the weekly rates are the detail behind these four, not part of the value

    public override int GetHashCode() => HashCode.Combine(OverWeeks, OverWeekCount, OkWeeks, OkWeekCount);

    public static readonly LeaveRateComparison Empty = new(null, 0, null, 0);
}

/// <summary>
/// The one fatigue figure the Overview and the cadence page both show: the leave rates of all audiences over the
/// <see cref="CadenceService.FatigueWeeks"/> completed weeks <see cref="FirstWeek"/> … <see cref="LastWeek"/>.
/// </summary>
public sealed record FatigueWindow(LeaveRateComparison Rates, Period FirstWeek, Period LastWeek)
{
    public int Weeks => LastWeek.Ordinal - FirstWeek.Ordinal + 1;
}

/// <summary>The fatigue evidence across all audiences of the report.</summary>
public sealed record FatigueSummary(LeaveRateComparison All, int LeavesAfterPromotion)
{
    public static readonly FatigueSummary Empty = new(LeaveRateComparison.Empty, 0);
}

/// <summary>The pre-send check of one planned promotion push to one audience.</summary>
public sealed record PreSendCheck(
    string AudienceId,
    string Name,
    DateTimeOffset PlannedAt,
    int PromotionsInWindow,
    PreSendVerdict Verdict,
    bool InQuietHours,
    WeComLimitKind? WeComLimit,
    int OtherPlansInWindow);
