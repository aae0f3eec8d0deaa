using System.Collections.Concurrent;

namespace LiveOps.Core.Value;

/// <summary>
/// The per-customer data at one as-of with the BG/NBD and Gamma-Gamma fits over it (time in days), and the figures that
/// follow per customer. Built once per data version and as-of by <see cref="ValueService"/>, then shared: immutable
/// apart from the per-horizon expectations it computes on first use.
/// </summary>
public sealed class ValueModel
{
    private readonly ConcurrentDictionary<int, double[]> _purchasesByGroup = new();
    private readonly ConcurrentDictionary<(Type, int), Lazy<object>> _derived = new();

    /// <summary>Data derived from this model at one horizon, built once on first use and dropped with the model.</summary>
    public T Derived<T>(int horizonDays, Func<T> build) where T : class =>
        (T)_derived.GetOrAdd((typeof(T), horizonDays), _ => new Lazy<object>(() => build())).Value;

    private ValueModel(ValueData data, ModelFit<BgNbdParameters> purchases, ModelFit<GammaGammaParameters> spend, TimeSpan fitTime)
    {
        Data = data;
        Purchases = purchases;
        Spend = spend;
        FitTime = fitTime;
        if (purchases.Parameters is { } p)
        {
            var groups = data.Groups;
            var alive = new double[groups.Length];
            for (var g = 0; g < alive.Length; g++)
            {
                alive[g] = BgNbd.PAlive(p, groups.X[g], groups.Tx[g], groups.T[g]);
            }
            PAliveByGroup = alive;
        }
        if (spend.Parameters is { } s)
        {
            ExpectedSpend = new double[data.Count];
            for (var i = 0; i < data.Count; i++)
            {
                ExpectedSpend[i] = GammaGamma.ExpectedSpend(s, data.X[i], data.MonetaryDouble(i));
            }
        }
    }

    public ValueData Data { get; }

    public ModelFit<BgNbdParameters> Purchases { get; }

    public ModelFit<GammaGammaParameters> Spend { get; }

    /// <summary>Wall time of both fits (for the benchmark).</summary>
    public TimeSpan FitTime { get; }

    private double[]? PAliveByGroup { get; }

    /// <summary>Gamma-Gamma expected spend per purchase day per customer; null without a spend model.</summary>
    public double[]? ExpectedSpend { get; }

    public bool HasPurchaseModel => Purchases.Parameters is not null;

    public bool HasValueModel => Purchases.Parameters is not null && Spend.Parameters is not null;

    /// <summary>Why a figure is missing: the purchase model's reason, else the spend model's; null when both are fitted.</summary>
    public string? Reason => Purchases.Reason is { } r ? $"purchase model: {r}" : Spend.Reason is { } s ? $"spend model: {s}" : null;

    public double? PAlive(int i) => PAliveByGroup?[Data.GroupIndex[i]];

    /// <summary>Expected repeat days in the next <paramref name="horizonDays"/> days; null without a purchase model.</summary>
    public double? ExpectedPurchases(int i, int horizonDays) => PurchasesByGroup(horizonDays)?[Data.GroupIndex[i]];

    public double? ExpectedValue(int i, int horizonDays) =>
        ExpectedSpend is { } spend && ExpectedPurchases(i, horizonDays) is { } n ? n * spend[i] : null;

    /// <summary>Expected purchases of every (x, recency, age) row over a horizon, computed once per horizon.</summary>
    public double[]? PurchasesByGroup(int horizonDays)
    {
        if (Purchases.Parameters is not { } p)
        {
            return null;
        }
        return _purchasesByGroup.GetOrAdd(horizonDays, h =>
        {
            var groups = Data.Groups;
            var result = new double[groups.Length];
            for (var g = 0; g < result.Length; g++)
            {
                result[g] = BgNbd.ExpectedPurchases(p, groups.X[g], groups.Tx[g], groups.T[g], h);
            }
            return result;
        });
    }

    /// <summary>Σ expected purchases and Σ expected value over all customers for a horizon (value null without a spend model).</summary>
    public (double? Purchases, double? Value) Totals(int horizonDays)
    {
        if (PurchasesByGroup(horizonDays) is not { } byGroup)
        {
            return (null, null);
        }
        double purchases = 0, value = 0;
        for (var i = 0; i < Data.Count; i++)
        {
            var n = byGroup[Data.GroupIndex[i]];
            purchases += n;
            if (ExpectedSpend is { } s)
            {
                value += n * s[i];
            }
        }
        return (purchases, ExpectedSpend is null ? null : value);
    }

    /// <summary>Fits both models over the data (no minimum history beyond the customer counts of <see cref="ModelFitter"/>).</summary>
    public static ValueModel Fit(ValueData data)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var purchases = ModelFitter.FitBgNbd(data.Groups);
        var m = new double[data.Count];
        for (var i = 0; i < m.Length; i++)
        {
            m[i] = data.MonetaryDouble(i);
        }
        var spend = ModelFitter.FitGammaGamma(data.X, m);
        return new ValueModel(data, purchases, spend, System.Diagnostics.Stopwatch.GetElapsedTime(started));
    }
}
