using LiveOps.Core.Statistics;

namespace LiveOps.Core.RepurchaseCycle;

/// <summary>Paid orders placed before <see cref="AsOf"/> (default now); <see cref="CampaignId"/> limits the campaigns compared.</summary>
public sealed record RepurchaseCycleQuery(DateTimeOffset? AsOf = null, string? CampaignId = null);

/// <summary>Days between consecutive paid orders: overall, by tier at as-of, by membership, and before against after each campaign.</summary>
public sealed record RepurchaseCycleReport(
    DateTimeOffset AsOf,
    CycleDistribution Overall,
    IReadOnlyList<TierCycle> ByTier,
    CycleDistribution Members,
    CycleDistribution NonMembers,
    IReadOnlyList<CampaignCycle> Campaigns);

/// <summary>
/// <see cref="Gaps"/> gaps of <see cref="Customers"/> customers, in days (24 h, fractional); quartiles by the
/// PERCENTILE.INC rule, null without gaps.
/// </summary>
public sealed record CycleDistribution(long Gaps, long Customers, double? P25, double? P50, double? P75, double? Mean);

public sealed record TierCycle(string Tier, int Rank, CycleDistribution Cycle);

/// <summary>
/// The same customers before and after a campaign's start: participants with at least one gap ending before the start and
/// one starting at or after it. <see cref="Shortened"/>: the median of each customer's median-gap change (before − after),
/// in days, with a seeded bootstrap interval; supported when the whole interval is above 0.
/// </summary>
public sealed record CampaignCycle(
    string CampaignId,
    string Name,
    DateTimeOffset StartsAt,
    long Participants,
    long Customers,
    CycleDistribution Before,
    CycleDistribution After,
    RuleCheck Shortened);
