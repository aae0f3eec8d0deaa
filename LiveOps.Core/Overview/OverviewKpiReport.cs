using System.Text.Json.Serialization;
using LiveOps.Core.PushCadence;
using LiveOps.Core.Statistics;

namespace LiveOps.Core.Overview;

/// <summary>
/// The Overview's range: local days <see cref="From"/> (inclusive) to <see cref="To"/> (exclusive) in
/// <c>LiveOps:TimeZone</c>, compared with <see cref="Previous"/>, the range of the same number of days just before.
/// </summary>
public sealed record OverviewKpiQuery(DateOnly From, DateOnly To)
{
    public int Days => To.DayNumber - From.DayNumber;

    /// <summary>The same number of days just before (its own Previous would recurse in JSON, hence ignored there).</summary>
    [JsonIgnore]
    public OverviewKpiQuery Previous => new(From.AddDays(-Days), From);

    public static OverviewKpiQuery LastDays(int days, DateOnly today) => new(today.AddDays(1 - days), today.AddDays(1));

    /// <summary>
    /// A range from optional bounds: <paramref name="to"/> defaults to tomorrow (today included), <paramref name="from"/> to
    /// <see cref="DailyGmvQuery.DefaultDays"/> days before <paramref name="to"/>. False, with the reason, for an empty,
    /// reversed or too long range.
    /// </summary>
    public static bool TryCreate(DateOnly? from, DateOnly? to, DateOnly today, out OverviewKpiQuery query, out Common.QueryProblem? problem)
    {
        var end = to ?? today.AddDays(1);
        query = new OverviewKpiQuery(from ?? end.AddDays(-DailyGmvQuery.DefaultDays), end);
        problem = Common.QueryDates.CheckDays(query.From, query.To);
        return problem is null;
    }
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
    long MembersJoined)
{
    /// <summary>Paid GMV per paid order; null without orders.</summary>
    public decimal? AverageOrderValue => Orders == 0 ? null : PaidGmv / Orders;
}

/// <summary>
/// The rules of thumb checked against the shop's own paid orders placed before the range's end, each with its sample:
/// the average of repeat orders (every paid order after a customer's first) against first orders; the repeat rate
/// (2+ orders / 1+) of customers who had joined the private domain by then against those who had not; the share of
/// first-time buyers who never ordered again, among those whose first order is at least
/// <see cref="OverviewKpiService.ComeBackDays"/> days old (younger ones have not had the time to come back);
/// and the cadence feature's leave rate in over-pushed weeks against weeks within the guideline, over the
/// <see cref="PushCadence.CadenceService.FatigueWeeks"/> completed weeks before the range's end (<see cref="FatigueWeeks"/>).
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
    LeaveRateComparison LeaveRates)
{
    /// <summary>
    /// Each rule with its 95% interval, sample and verdict (see <see cref="EvidenceChecks"/>), in the order of the cards:
    /// <c>aov</c>, <c>members</c>, <c>never-back</c>, <c>fatigue</c>.
    /// </summary>
    public IReadOnlyList<RuleCheck> Checks { get; init; } = [];

    /// <summary>The weeks <see cref="LeaveRates"/> covers: the same figure the cadence page shows.</summary>
    [System.Text.Json.Serialization.JsonIgnore] public PushCadence.FatigueWindow? FatigueWeeks { get; init; }
}

/// <summary>The Overview: the range against the previous one, campaigns running in the range, and the evidence.</summary>
public sealed record OverviewKpiReport(
    OverviewKpiQuery Query,
    RangeKpis Current,
    RangeKpis Previous,
    int CampaignsRunning,
    OverviewEvidence Evidence,
    IReadOnlyList<NewReturningDay> Days,
    IReadOnlyList<WeeklyJoins> JoinsByWeek,
    MembershipSplit Membership,
    IReadOnlyList<WeeklyShare> ShareByWeek)
{
    /// <summary>The range compared with (the same number of days just before).</summary>
    public OverviewKpiQuery PreviousQuery => Query.Previous;

    /// <summary>First orders' (new buyers') paid GMV in the range; with <see cref="ReturningGmv"/> it adds up to the range's paid GMV.</summary>
    public decimal NewGmv => Days.Sum(d => d.NewGmv);

    public decimal ReturningGmv => Days.Sum(d => d.ReturningGmv);

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

/// <summary>
/// The range's buyers split by private-domain membership: a member is a customer whose joined_private_at is before
/// the range's end (the same membership the evidence uses). Members and non-members add up to the range's totals.
/// </summary>
public sealed record MembershipSplit(BuyerGroup Members, BuyerGroup NonMembers);

/// <summary>
/// Paid GMV, paid orders and buyers of one group in the range; <see cref="RepeatRate"/> is defined as in
/// <see cref="RangeKpis"/> (buyers with an order in the range that is not their first ever, over buyers).
/// </summary>
public sealed record BuyerGroup(decimal PaidGmv, long Orders, long Buyers, long RepeatBuyers, double? RepeatRate);

/// <summary>Paid GMV and private-domain GMV (see <see cref="RangeKpis"/>) of one ISO week, clipped to the range; <see cref="Share"/> is null without GMV.</summary>
public sealed record WeeklyShare(string Week, decimal PaidGmv, decimal PrivateDomainGmv, double? Share);
