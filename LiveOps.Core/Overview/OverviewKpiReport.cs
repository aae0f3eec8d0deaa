using LiveOps.Core.PushCadence;

namespace LiveOps.Core.Overview;

/// <summary>
/// The Overview's range: local days <see cref="From"/> (inclusive) to <see cref="To"/> (exclusive) in
/// <c>LiveOps:TimeZone</c>, compared with <see cref="Previous"/>, the range of the same number of days just before.
/// </summary>
public sealed record OverviewKpiQuery(DateOnly From, DateOnly To)
{
    public int Days => To.DayNumber - From.DayNumber;

    public OverviewKpiQuery Previous => new(From.AddDays(-Days), From);

    public static OverviewKpiQuery LastDays(int days, DateOnly today) => new(today.AddDays(1 - days), today.AddDays(1));
}

/// <summary>
/// The headline numbers of one range. <see cref="RepeatRate"/> = buyers in the range with at least one paid order
/// in it that is not their first paid order ever, over buyers in the range. <see cref="PrivateDomainShare"/> =
/// paid GMV of orders placed through channel private_group or by a customer who had already joined the private
/// domain (joined_private_at at or before the order), over paid GMV. <see cref="MembersJoined"/> counts customers
/// whose joined_private_at falls in the range.
/// </summary>
public sealed record RangeKpis(
    decimal PaidGmv,
    long Orders,
    long Buyers,
    long RepeatBuyers,
    double? RepeatRate,
    decimal PrivateDomainGmv,
    double? PrivateDomainShare,
    long MembersJoined);

/// <summary>
/// The rules of thumb checked against the shop's own paid orders placed before the range's end, each with its sample:
/// the average of repeat orders (every paid order after a customer's first) against first orders; the repeat rate
/// (2+ orders / 1+) of customers who had joined the private domain by then against those who had not; the share of
/// first-time buyers who never ordered again, among those whose first order is at least
/// <see cref="OverviewKpiService.ComeBackDays"/> days old (younger ones have not had the time to come back);
/// and the cadence feature's leave rate in over-pushed weeks against weeks within the guideline, over the range.
/// </summary>
public sealed record OverviewEvidence(
    decimal? FirstOrderAverage,
    long FirstOrders,
    decimal? RepeatOrderAverage,
    long RepeatOrders,
    double? RepeatPremium,
    double? MemberRepeatRate,
    long MemberBuyers,
    double? NonMemberRepeatRate,
    long NonMemberBuyers,
    double? NeverReturnedShare,
    long MatureFirstTimeBuyers,
    LeaveRateComparison LeaveRates);

/// <summary>The Overview: the range against the previous one, campaigns running in the range, and the evidence.</summary>
public sealed record OverviewKpiReport(
    OverviewKpiQuery Query,
    RangeKpis Current,
    RangeKpis Previous,
    int CampaignsRunning,
    OverviewEvidence Evidence,
    IReadOnlyList<NewReturningDay> Days,
    IReadOnlyList<WeeklyJoins> JoinsByWeek)
{
    /// <summary>Relative change from the previous range; null when the previous value is zero.</summary>
    public static double? Change(double current, double previous) => previous == 0 ? null : (current - previous) / previous;
}

/// <summary>
/// Paid GMV of one local day split by buyer: <see cref="NewGmv"/> is first orders ever (new buyers),
/// <see cref="ReturningGmv"/> every later order.
/// </summary>
public sealed record NewReturningDay(DateOnly Date, decimal NewGmv, decimal ReturningGmv);

/// <summary>Customers whose joined_private_at falls in the ISO week (clipped to the range at both ends).</summary>
public sealed record WeeklyJoins(string Week, long Joined);
