using LiveOps.Core.Data.Entities;

namespace LiveOps.Core.Value;

/// <summary>Everything the value page shows at one as-of: forecasts, quadrants, RFM segments, churn risk and the backtest.</summary>
public sealed record ValueInsights(
    DateTimeOffset AsOf,
    int HorizonDays,
    int Customers,
    int RepeatCustomers,
    ValueModelSummary? Model,
    ModelGap Gap,
    string? Reason,
    IReadOnlyList<ValueForecast> Forecasts,
    IReadOnlyList<ValueQuadrantCell>? Quadrants,
    RfmBoundsSet Bounds,
    IReadOnlyList<RfmSegmentSummary> Segments,
    ChurnRiskSummary ChurnRisk,
    ValueBacktest Backtest)
{
    /// <summary>True when no purchase model could be fitted: the page says so and keeps RFM and the churn list.</summary>
    public bool NotEnoughData => Model is null;

    /// <summary>The median expected ¥ over the horizon that splits high from low value in <see cref="Quadrants"/>.</summary>
    public double? ValueThreshold { get; init; }
}

/// <summary>Expected repeat purchases (order days) and ¥ over the next <see cref="Days"/> days; null without a model.</summary>
public sealed record ValueForecast(int Days, double? Purchases, double? Value);

/// <summary>
/// One cell of P(alive) × value: alive when P(alive) ≥ 0.5; valuable when the expected ¥ over the horizon is at least
/// the median over all customers (<see cref="ValueScores.ValueThreshold"/>).
/// </summary>
public sealed record ValueQuadrantCell(ValueQuadrant Quadrant, int Customers, double ExpectedValue, decimal Spend);

public enum ValueQuadrant
{
    /// <summary>Likely active, high expected value: keep close.</summary>
    KeepClose,

    /// <summary>Likely lapsed, high expected value: win back first.</summary>
    WinBackFirst,

    /// <summary>Likely active, low expected value: grow.</summary>
    Grow,

    /// <summary>Likely lapsed, low expected value: low priority.</summary>
    LowPriority,
}

public static class ValueQuadrants
{
    public const double AliveThreshold = 0.5;

    public static ValueQuadrant Of(double pAlive, double value, double valueThreshold) => (pAlive >= AliveThreshold, value >= valueThreshold) switch
    {
        (true, true) => ValueQuadrant.KeepClose,
        (false, true) => ValueQuadrant.WinBackFirst,
        (true, false) => ValueQuadrant.Grow,
        _ => ValueQuadrant.LowPriority,
    };
}

public sealed record RfmBoundsSet(QuintileBounds RecencyDays, QuintileBounds OrderDays, QuintileBounds Spend);

/// <summary>One RFM segment: its size, past spend, expected ¥ over the horizon (null without a model) and repeat rate.</summary>
public sealed record RfmSegmentSummary(RfmSegment Segment, int Customers, double Share, decimal Spend, double? ExpectedValue, double RepeatRate);

/// <summary>How the ¥ at risk of a churn-risk customer is valued.</summary>
public enum AtRiskBasis
{
    /// <summary>The model's expected ¥ over the horizon.</summary>
    Model,

    /// <summary>No model: the customer's own mean spend per order day.</summary>
    History,
}

public sealed record ChurnRiskSummary(int Customers, decimal AtRisk, AtRiskBasis Basis, double? ShopIntervalDays, IReadOnlyList<ValueCustomerRow> Top);

/// <summary>A customer as the value page lists them (a segment, a quadrant cell, the churn-risk list).</summary>
public sealed record ValueCustomerRow(
    string CustomerId,
    string? Nickname,
    int X,
    int RecencyDays,
    int AgeDays,
    decimal Spend,
    decimal? Monetary,
    DateOnly LastOrderDay,
    int DaysSinceLast,
    double? UsualIntervalDays,
    DateOnly? ExpectedNextOrderDay,
    double? PAlive,
    double? ExpectedPurchases,
    double? ExpectedValue,
    decimal? AtRisk,
    int R,
    int F,
    int M,
    RfmSegment Segment,
    ValueQuadrant? Quadrant,
    OrderChannel? LastChannel,
    string? Tier,
    bool PrivateDomain);

/// <summary>
/// The model refitted on the data up to (as-of − H days) and its forecast for the next H days against what happened:
/// repeat purchases are order days after the cutoff day of customers who had bought by the cutoff.
/// </summary>
public sealed record ValueBacktest(
    int HorizonDays,
    DateTimeOffset Cutoff,
    ValueModelSummary? Model,
    string? Reason,
    int Customers,
    double? PredictedPurchases,
    int ActualPurchases,
    double? PredictedValue,
    decimal ActualValue,
    IReadOnlyList<BacktestMonth> Months,
    IReadOnlyList<BacktestDecile> Deciles);

public sealed record BacktestMonth(string Month, double? PredictedPurchases, int ActualPurchases, double? PredictedValue, decimal ActualValue);

public sealed record BacktestDecile(int Decile, int Customers, double PredictedPurchases, int ActualPurchases, double? PredictedValue, decimal ActualValue);

/// <summary>Which customers a list holds: an RFM segment, a P(alive) × value cell, or the churn-risk list.</summary>
public enum ValueListKind { Segment, Quadrant, ChurnRisk }

public sealed record ValueListQuery(ValueListKind Kind, string? Key = null, DateTimeOffset? AsOf = null, int HorizonDays = ValueQuery.DefaultHorizonDays);
