using LiveOps.Core.Common;

namespace LiveOps.Core.Cohorts;

/// <summary>How a cell counts a customer.</summary>
public enum CohortMode
{
    /// <summary>Active in period N: at least one paid order in the period cohort+N (the contract's definition).</summary>
    InPeriod,

    /// <summary>
    /// In or after period N: customers with an order in period cohort+N or any later counted period; orders and
    /// revenue become running totals through period N (revenue per customer is then the LTV curve).
    /// </summary>
    Cumulative,
}

/// <summary>What a cell shows; every metric comes from the same scan.</summary>
public enum CohortMetric
{
    /// <summary>Share of the cohort's customers active in the cell (retention).</summary>
    Retention,

    /// <summary>Number of the cohort's customers active in the cell.</summary>
    Customers,

    /// <summary>Revenue of the cell divided by the cohort size (revenue retention), in yuan.</summary>
    RevenuePerCustomer,

    /// <summary>Number of paid orders in the cell.</summary>
    Orders,
}

/// <summary>What splits the rows into groups; each group has its own cohorts and average row.</summary>
public enum CohortBreakdown
{
    None,

    /// <summary>The customer's acquisition channel from the customers file (<c>unknown</c> without one).</summary>
    AcquisitionChannel,

    /// <summary>
    /// Private-domain membership relative to the first paid order: <c>before</c> (joined at or before it),
    /// <c>after</c> (joined later), <c>never</c> (no joined_private_at).
    /// </summary>
    Membership,

    /// <summary>The channel of the customer's first paid order (<c>unknown</c> without one).</summary>
    FirstOrderChannel,

    /// <summary>The campaign_id of the customer's first paid order (<c>none</c> without one).</summary>
    FirstOrderCampaign,
}

/// <summary>
/// A cohort matrix request. <see cref="From"/>/<see cref="To"/> select cohorts whose first paid order lies in
/// [From, To) and bound the orders counted (before To); both are optional.
/// </summary>
public sealed record CohortQuery
{
    public PeriodKind Period { get; init; } = PeriodKind.Month;

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public CohortMode Mode { get; init; } = CohortMode.InPeriod;

    public CohortMetric Metric { get; init; } = CohortMetric.Retention;

    public CohortBreakdown Breakdown { get; init; } = CohortBreakdown.None;
}

/// <summary>The customers behind one cell: group key and cohort as the report names them, offset k.</summary>
public sealed record CohortCellQuery(CohortQuery Query, string Group, string Cohort, int Offset, int Skip = 0, int Take = 50);

/// <summary>One customer behind a cell. "In cell" follows the query's mode (in period N, or in or after it).</summary>
public sealed record CohortCustomer(
    string CustomerId,
    string? Nickname,
    DateTimeOffset FirstOrderAt,
    int OrdersInCell,
    decimal RevenueInCell,
    int Orders,
    decimal Revenue);

public sealed record CohortCustomersPage(int Total, IReadOnlyList<CohortCustomer> Items);
