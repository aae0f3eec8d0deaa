using LiveOps.Core.Statistics;

namespace LiveOps.Core.Content;

/// <summary>
/// Which span to measure: member time and orders in [<see cref="From"/>, <see cref="To"/>); <see cref="From"/> defaults
/// to the first push of any audience, <see cref="To"/> to <see cref="AsOf"/> (default now).
/// </summary>
public sealed record ContentQuery(DateTimeOffset? From = null, DateTimeOffset? To = null, DateTimeOffset? AsOf = null);

/// <summary>
/// Content-driven repurchase (see <see cref="ContentShape"/> for the definitions): per audience and over all
/// audiences, orders per member-day in the 72 h after content, promotion and service pushes and on the members'
/// other days, leave rates after each kind, and the weekly push mix against the guideline.
/// </summary>
public sealed record ContentReport(
    DateTimeOffset From,
    DateTimeOffset To,
    int WindowHours,
    int LeaveWindowHours,
    int MinPerWeek,
    int MaxPerWeek,
    ContentAudience Overall,
    IReadOnlyList<ContentAudience> Audiences);

/// <summary>One audience (or, with <see cref="AudienceId"/> null, all of them added up).</summary>
public sealed record ContentAudience(
    string? AudienceId,
    string Name,
    ContentBaseline Baseline,
    ContentKind Content,
    ContentKind Promotion,
    ContentKind Service,
    RuleCheck ContentLift,
    RuleCheck PromotionLift,
    IReadOnlyList<ContentMixWeek> Weeks);

/// <summary>Member time outside every push window, and the members' paid orders in it.</summary>
public sealed record ContentBaseline(double MemberDays, long Orders, double? OrdersPerMemberDay);

/// <summary>
/// Pushes of one kind in range; member time in their windows and the members' paid orders in it; members at the
/// pushes' send times (summed) and leaves attributed to the pushes, <see cref="LeaveRate"/> = leaves / members reached.
/// </summary>
public sealed record ContentKind(
    int Pushes,
    double MemberDays,
    long Orders,
    double? OrdersPerMemberDay,
    long MembersReached,
    long Leaves,
    double? LeaveRate);

/// <summary>
/// One ISO week's pushes by kind. <see cref="Status"/>: <c>over</c> / <c>under</c> when promotions are above / below
/// the guideline, else <c>no_content</c> when no content push was sent, else <c>ok</c> ("2–3 promotions, the rest content").
/// </summary>
public sealed record ContentMixWeek(string Week, int Promotion, int Content, int Service, ContentMixStatus Status);

public enum ContentMixStatus
{
    Ok,
    Over,
    Under,
    NoContent,
}
