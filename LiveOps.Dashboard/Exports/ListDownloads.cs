using LiveOps.Core.Actions;
using LiveOps.Core.Cohorts;
using LiveOps.Core.Common;
using LiveOps.Core.Tiers;
using LiveOps.Core.Value;
using LiveOps.Dashboard.Resources;
using Microsoft.Extensions.Localization;

namespace LiveOps.Dashboard.Exports;

/// <summary>
/// The customer lists the pages download (tier upgrade and downgrade-risk lists, a cohort cell's customers, the value
/// lists, an action's send list) as page downloads (<see cref="PageDownload"/>): headers and labels in the page's
/// language, tiers by their display names, money to the fen, people whole. The command line keeps the contract's codes.
/// </summary>
public static class ListDownloads
{
    public static IReadOnlyList<DownloadColumn> UpgradeColumns(IStringLocalizer<TiersResource> t) =>
    [
        new(t["Col.Customer"], CellKind.Text, 16), new(t["Col.Tier"], CellKind.Text, 12), new(t["Col.NextTier"], CellKind.Text, 12),
        new(t["Col.Spend12m"], CellKind.Money, 14), new(t["Dl.Threshold"], CellKind.Money, 18), new(t["Col.Gap"], CellKind.Money, 14),
    ];

    /// <param name="tierName">The tier's display name (<see cref="DownloadTierNames"/>).</param>
    public static IEnumerable<object?[]> UpgradeRows(IEnumerable<UpgradeCandidate> rows, Func<string?, string?> tierName) =>
        rows.Select(u => new object?[] { u.CustomerId, tierName(u.Tier), tierName(u.NextTier), u.Spend12m, u.Threshold, u.Gap });

    public static IReadOnlyList<DownloadColumn> DowngradeRiskColumns(IStringLocalizer<TiersResource> t) =>
    [
        new(t["Col.Customer"], CellKind.Text, 16), new(t["Col.Tier"], CellKind.Text, 12), new(t["Col.DropsTo"], CellKind.Text, 12),
        new(t["Col.Spend12m"], CellKind.Money, 14), new(t["Col.Orders12m"], CellKind.Count, 12),
        new(t["Dl.SpendKept"], CellKind.Money, 20), new(t["Dl.OrdersKept"], CellKind.Count, 18),
        new(t["Col.SpendToKeep"], CellKind.Money, 16), new(t["Col.OrdersToKeep"], CellKind.Count, 14),
    ];

    public static IEnumerable<object?[]> DowngradeRiskRows(IEnumerable<DowngradeRisk> rows, Func<string?, string?> tierName) =>
        rows.Select(d => new object?[]
        {
            d.CustomerId, tierName(d.Tier), tierName(d.DropsTo), d.Spend12m, d.Orders12m, d.SpendKept, d.OrdersKept, d.SpendToKeep, d.OrdersToKeep,
        });

    public static IReadOnlyList<DownloadColumn> CohortCustomerColumns(IStringLocalizer<CohortsResource> t) =>
    [
        new(t["Customers.CustomerId"], CellKind.Text, 16), new(t["Customers.Nickname"], CellKind.Text, 16),
        new(t["Customers.FirstOrder"], CellKind.Text, 18), new(t["Customers.OrdersInCell"], CellKind.Count, 12),
        new(t["Dl.RevenueInCell"], CellKind.Money, 14), new(t["Customers.Orders"], CellKind.Count, 12), new(t["Dl.Revenue"], CellKind.Money, 14),
    ];

    public static IEnumerable<object?[]> CohortCustomerRows(IEnumerable<CohortCustomer> rows, ZoneClock clock) =>
        rows.Select(c => new object?[] { c.CustomerId, c.Nickname, PageDownload.LocalTime(c.FirstOrderAt, clock), c.OrdersInCell, c.RevenueInCell, c.Orders, c.Revenue });

    public static IReadOnlyList<DownloadColumn> ValueCustomerColumns(IStringLocalizer<ValueResource> t, int horizonDays) =>
    [
        new(t["Col.Customer"], CellKind.Text, 16), new(t["Dl.Nickname"], CellKind.Text, 16), new(t["Dl.Segment"], CellKind.Text, 16),
        new("R", CellKind.Count, 5), new("F", CellKind.Count, 5), new("M", CellKind.Count, 5),
        new(t["Col.X"], CellKind.Count, 10), new(t["Dl.RecencyDays"], CellKind.Count, 14), new(t["Dl.AgeDays"], CellKind.Count, 14),
        new(t["Dl.Spend"], CellKind.Money, 14), new(t["Dl.Monetary"], CellKind.Money, 16),
        new(t["Col.LastOrder"], CellKind.Text, 12), new(t["Col.DaysSince"], CellKind.Count, 10), new(t["Col.Interval"], CellKind.Decimal, 14),
        new(t["Col.NextOrder"], CellKind.Text, 14), new(t["Col.PAlive"], CellKind.Percent, 10),
        new(t["Dl.ExpectedPurchases", horizonDays], CellKind.Decimal, 18), new(t["Dl.ExpectedValue", horizonDays], CellKind.Money, 18),
        new(t["Dl.AtRisk"], CellKind.Money, 14), new(t["Col.Channel"], CellKind.Text, 12), new(t["Col.Tier"], CellKind.Text, 12),
        new(t["Col.Private"], CellKind.Text, 8),
    ];

    public static object?[] ValueCustomerRow(ValueCustomerRow c, IStringLocalizer<ValueResource> t, Func<string?, string?> tierName) =>
    [
        c.CustomerId, c.Nickname, t[$"Segment.{c.Segment}"].Value, c.R, c.F, c.M,
        c.X, c.RecencyDays, c.AgeDays, c.Spend, c.Monetary,
        PageDownload.Day(c.LastOrderDay), c.DaysSinceLast, c.UsualIntervalDays,
        c.ExpectedNextOrderDay is { } d ? PageDownload.Day(d) : null, c.PAlive,
        c.ExpectedPurchases, c.ExpectedValue,
        c.AtRisk, c.LastChannel is { } ch ? t[$"Channel.{ch}"].Value : null, tierName(c.Tier),
        c.PrivateDomain ? t["Yes"].Value : t["No"].Value,
    ];

    /// <summary>The send list of an action: contacted customers only, so no holdout member can be messaged from it.</summary>
    public static IReadOnlyList<DownloadColumn> ContactColumns(IStringLocalizer<ActionsResource> t) =>
    [
        new(t["Dl.Customer"], CellKind.Text, 16), new(t["Dl.Nickname"], CellKind.Text, 16), new(t["Dl.Tier"], CellKind.Text, 12),
        new(t["Dl.AudienceId"], CellKind.Text, 16), new(t["Dl.AudienceName"], CellKind.Text, 20),
    ];

    public static IEnumerable<object?[]> ContactRows(IEnumerable<ContactRow> rows, Func<string?, string?> tierName) =>
        rows.Select(r => new object?[] { r.CustomerId, r.Nickname, tierName(r.Tier), r.AudienceId, r.AudienceName });
}
