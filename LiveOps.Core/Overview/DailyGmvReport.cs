namespace LiveOps.Core.Overview;

/// <summary>Paid GMV and paid orders of one local day; a day without paid orders is present with zeros.</summary>
public sealed record DailyGmvPoint(DateOnly Date, decimal Gmv, long Orders);

/// <summary>
/// One point per local day of the query, in order, and the range's totals: paid GMV (exact decimal sum),
/// paid orders and buyers (distinct customers with a paid order in the range).
/// </summary>
public sealed record DailyGmvReport(
    DateOnly From,
    DateOnly To,
    string TimeZone,
    IReadOnlyList<DailyGmvPoint> Days,
    decimal PaidGmv,
    long PaidOrders,
    long Buyers)
{
    public bool IsEmpty => PaidOrders == 0;

    /// <summary>Paid GMV per paid order; null without orders.</summary>
    public decimal? AverageOrderValue => PaidOrders == 0 ? null : PaidGmv / PaidOrders;
}
