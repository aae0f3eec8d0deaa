namespace LiveOps.Core.Actions;

/// <summary>Results as of an instant (default now): orders placed before it count.</summary>
public sealed record ActionsQuery(DateTimeOffset? AsOf = null);

/// <summary>One group of an action in its window (contract §7), with its paid orders counted too.</summary>
public sealed record GroupResult(int Customers, int Buyers, double Rate, decimal Revenue, double RevenuePerCustomer, int Orders)
{
    public static GroupResult Of(GroupTally tally, int orders) =>
        new(tally.Customers, tally.Buyers, tally.Rate, tally.Revenue, tally.RevenuePerCustomer, orders);
}

/// <summary>What an action's numbers say, in the words a page shows.</summary>
public enum ActionVerdict
{
    /// <summary>The 95% interval of the difference lies above zero.</summary>
    Significant,

    /// <summary>The interval includes zero (or lies below it) and is narrow enough to have shown a doubling.</summary>
    NoLift,

    /// <summary>Nobody bought, or the interval is so wide that even a doubling of the holdout's rate could hide in it.</summary>
    SampleTooSmall,
}

/// <summary>
/// One action's results as of <see cref="ActionsReport.AsOf"/>. <c>Complete</c> is false while the window
/// [StartsAt, EndsAt) is still open at the as-of instant; <c>BaselineRate</c> is the share of the whole list with a paid
/// order in the window of the same length before the start; <c>MinimumDetectableDifference</c> the smallest lift this
/// split could detect at that baseline (null when undefined).
/// </summary>
public sealed record ActionResult(
    int Id,
    string ActionId,
    string Name,
    string Source,
    DateTimeOffset StartsAt,
    int WindowDays,
    DateTimeOffset EndsAt,
    bool Complete,
    long? Seed,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    GroupResult Contacted,
    GroupResult Holdout,
    GroupComparison Comparison,
    ActionVerdict Verdict,
    double BaselineRate,
    double? MinimumDetectableDifference);

/// <summary>
/// The programme holdout of one list source: every completed action of that source added up, customer by customer
/// (a customer in two actions counts in both), so small lists together still measure something.
/// </summary>
public sealed record PooledResult(string Source, int Actions, GroupResult Contacted, GroupResult Holdout, GroupComparison Comparison, ActionVerdict Verdict);

public sealed record ActionsReport(DateTimeOffset AsOf, IReadOnlyList<ActionResult> Actions, IReadOnlyList<PooledResult> Pooled);

/// <summary>Day <paramref name="Day"/> (1-based) of the window: buyers so far in each group and their rates.</summary>
public sealed record ActionDay(int Day, DateTimeOffset EndsAt, int ContactedBuyers, int HoldoutBuyers, double ContactedRate, double HoldoutRate);

/// <summary>One action with its daily cumulative buyers, for the days that have begun by the as-of instant.</summary>
public sealed record ActionDetail(ActionResult Result, IReadOnlyList<ActionDay> Days);

/// <summary>A contacted customer as the send list carries them; nickname, tier and audience where known.</summary>
public sealed record ContactRow(string CustomerId, string? Nickname, string? Tier, string? AudienceId, string? AudienceName);
