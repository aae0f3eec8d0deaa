using LiveOps.Core.LiveSessions;

namespace LiveOps.Core.Acquisition;

/// <summary>Paid orders placed before <see cref="AsOf"/> (default now) count; tiers are those held at it.</summary>
public sealed record AcquisitionQuery(DateTimeOffset? AsOf = null);

/// <summary>
/// Live-session acquisition cohorts (see <see cref="AcquisitionShape"/>): per broadcast the first-time buyers it
/// brought and what became of them; buyers acquired outside any session; and the plain cohort of every first-time
/// buyer, which the sessions plus <see cref="Outside"/> add up to exactly.
/// </summary>
public sealed record AcquisitionReport(
    DateTimeOffset AsOf,
    IReadOnlyList<string> Tiers,
    IReadOnlyList<SessionCohort> Sessions,
    AcquisitionCohort Outside,
    AcquisitionCohort Total,
    AcquisitionBenchmarks Benchmarks)
{
    public SessionCohort? Find(string liveSessionId) => Sessions.FirstOrDefault(s => s.LiveSessionId == liveSessionId);
}

public sealed record SessionCohort(string LiveSessionId, string? Title, DateTimeOffset StartedAt, AcquisitionCohort Cohort);

/// <summary>
/// A group of first-time buyers: <see cref="Buyers"/>; repeat within 30/90/180 days; <see cref="Ltv"/> = all their paid
/// orders' amounts (and per buyer); <see cref="Joined"/> = those in the private domain by as-of (and their share);
/// <see cref="TierCustomers"/> = buyers per tier rank at as-of.
/// </summary>
public sealed record AcquisitionCohort(
    long Buyers,
    RepeatWithin Repeat30,
    RepeatWithin Repeat90,
    RepeatWithin Repeat180,
    decimal Ltv,
    decimal? LtvPerBuyer,
    long Joined,
    double? JoinShare,
    IReadOnlyList<long> TierCustomers);

/// <summary>
/// Of the <see cref="Eligible"/> buyers whose first order is at least the window old at as-of, <see cref="Repeaters"/>
/// placed another paid order within the window after it (0 ≤ Δ ≤ N × 24 h); <see cref="Rate"/> is null without eligible buyers.
/// </summary>
public sealed record RepeatWithin(int Days, long Eligible, long Repeaters, double? Rate);

/// <summary>The shop's median and top quartile over its sessions with first-time buyers.</summary>
public sealed record AcquisitionBenchmarks(Benchmark NewBuyers, Benchmark Repeat90Rate, Benchmark LtvPerBuyer, Benchmark JoinShare);
