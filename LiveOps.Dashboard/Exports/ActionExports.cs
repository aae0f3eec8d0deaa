using LiveOps.Core.Actions;
using LiveOps.Core.Common;

namespace LiveOps.Dashboard.Exports;

/// <summary>
/// The shapes of contract §7 for the command line (<c>action create</c>, <c>report actions</c>) and the tables the
/// results are exported as (the contact list a page downloads is <see cref="ListDownloads.ContactColumns"/>). Numbers come from the Core services unchanged.
/// </summary>
public static class ActionExports
{
    public sealed record CreatedJson(string ActionId, string Name, DateTimeOffset StartsAt, int WindowDays, IReadOnlyList<string> Contacted, IReadOnlyList<string> Holdout);

    public sealed record GroupJson(int Customers, int Buyers, double Rate, decimal Revenue, double RevenuePerCustomer);

    public sealed record ActionJson(
        string ActionId, string Name, DateTimeOffset StartsAt, int WindowDays, bool Complete,
        GroupJson Contacted, GroupJson Holdout,
        double Difference, double[] Ci95, double? Z, double? PValue,
        double RevenueDifference, double[]? RevenueCi95, double IncrementalBuyers, double IncrementalRevenue);

    public sealed record ActionsJson(IReadOnlyList<ActionJson> Actions);

    public static CreatedJson Created(CreatedAction a, ZoneClock clock) =>
        new(a.ActionId, a.Name, clock.ToLocal(a.StartsAt), a.WindowDays, a.Contacted, a.Holdout);

    public static ActionsJson Report(ActionsReport report, ZoneClock clock) => new(report.Actions.Select(a => new ActionJson(
        a.ActionId, a.Name, clock.ToLocal(a.StartsAt), a.WindowDays, a.Complete, Group(a.Contacted), Group(a.Holdout),
        a.Comparison.Difference, a.Comparison.Ci95, a.Comparison.Z, a.Comparison.PValue, a.Comparison.RevenueDifference,
        a.Comparison.RevenueCi95, a.Comparison.IncrementalBuyers, a.Comparison.IncrementalRevenue)).ToList());

    private static GroupJson Group(GroupResult g) => new(g.Customers, g.Buyers, g.Rate, g.Revenue, g.RevenuePerCustomer);

    public static readonly IReadOnlyList<string> ReportColumns =
    [
        "action_id", "name", "starts_at", "window_days", "complete",
        "contacted_customers", "contacted_buyers", "contacted_rate", "contacted_revenue", "contacted_revenue_per_customer",
        "holdout_customers", "holdout_buyers", "holdout_rate", "holdout_revenue", "holdout_revenue_per_customer",
        "difference", "ci95_low", "ci95_high", "z", "p_value",
        "revenue_difference", "revenue_ci95_low", "revenue_ci95_high", "incremental_buyers", "incremental_revenue",
    ];

    public static IEnumerable<object?[]> ReportRows(ActionsReport report, ZoneClock clock) => report.Actions.Select(a => new object?[]
    {
        a.ActionId, a.Name, ExportTable.LocalTime(a.StartsAt, clock), a.WindowDays, a.Complete ? "true" : "false",
        a.Contacted.Customers, a.Contacted.Buyers, a.Contacted.Rate, a.Contacted.Revenue, a.Contacted.RevenuePerCustomer,
        a.Holdout.Customers, a.Holdout.Buyers, a.Holdout.Rate, a.Holdout.Revenue, a.Holdout.RevenuePerCustomer,
        a.Comparison.Difference, a.Comparison.Ci95[0], a.Comparison.Ci95[1], a.Comparison.Z, a.Comparison.PValue,
        a.Comparison.RevenueDifference, a.Comparison.RevenueCi95?[0], a.Comparison.RevenueCi95?[1],
        a.Comparison.IncrementalBuyers, a.Comparison.IncrementalRevenue,
    });
}
