namespace LiveOps.Core.InviteTiming;

/// <summary>One session (<see cref="LiveSessionId"/>) or, when null, every session's new buyers together.</summary>
public sealed record InviteTimingQuery(string? LiveSessionId = null);

/// <summary>
/// When buyers join the private domain relative to their first order (see <see cref="InviteTimingShape"/>), and for one
/// session its orders and joins minute by minute.
/// </summary>
public sealed record InviteTimingReport(
    string? LiveSessionId,
    long Buyers,
    IReadOnlyList<JoinDelayBucket> Buckets,
    IReadOnlyList<BroadcastMinute> Minutes);

/// <summary>
/// Buyers whose join came <see cref="FromMinutes"/> to before <see cref="ToMinutes"/> minutes after their first order
/// (null bounds: open; <see cref="Key"/> <c>before</c> = joined before ordering, <c>never</c> = not joined).
/// <see cref="Rate"/> = those buyers / all buyers, <see cref="Cumulative"/> = joined from the order up to this bucket's end / all buyers.
/// </summary>
public sealed record JoinDelayBucket(string Key, int? FromMinutes, int? ToMinutes, long Buyers, double? Rate, double? Cumulative);

/// <summary>
/// Minute <see cref="Minute"/> from the session's start: paid orders carrying the session id placed in it, and
/// private-domain joins (any customer's joined_private_at) in it.
/// </summary>
public sealed record BroadcastMinute(int Minute, int Orders, int Joins);
