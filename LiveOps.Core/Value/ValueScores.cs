using LiveOps.Core.Store;
using LiveOps.Core.Common;

namespace LiveOps.Core.Value;

/// <summary>
/// Per-customer RFM scores, segments, quadrants and churn risk of one model at one horizon, computed once and kept with
/// the model. Pure: everything here follows from <see cref="ValueModel"/> alone.
/// </summary>
public sealed class ValueScores
{
    private ValueScores(ValueModel model, int horizonDays)
    {
        Model = model;
        HorizonDays = horizonDays;
        var n = model.Data.Count;
        R = new byte[n];
        F = new byte[n];
        M = new byte[n];
        Segment = new RfmSegment[n];
        Interval = new double[n];
        AtRisk = new decimal?[n];
    }

    public ValueModel Model { get; }

    public int HorizonDays { get; }

    public byte[] R { get; }

    public byte[] F { get; }

    public byte[] M { get; }

    public RfmSegment[] Segment { get; }

    public ValueQuadrant[]? Quadrant { get; private set; }

    /// <summary>The median expected ¥ over the horizon: the line between "high" and "low" value in the quadrants.</summary>
    public double? ValueThreshold { get; private set; }

    public RfmBoundsSet Bounds { get; private set; } = default!;

    /// <summary>The customer's usual gap between order days (recency / x), or the shop's P75 gap for one-order customers; NaN when unknown.</summary>
    public double[] Interval { get; }

    /// <summary>P75 of all gaps between consecutive order days (nearest rank); null when nobody bought twice.</summary>
    public double? ShopInterval { get; private set; }

    /// <summary>¥ at risk of the customers whose gap since the last order has passed their usual interval; null for the others.</summary>
    public decimal?[] AtRisk { get; }

    public AtRiskBasis Basis => Model.HasValueModel ? AtRiskBasis.Model : AtRiskBasis.History;

    /// <summary>The churn-risk customers (indexes into the model's data), most ¥ at risk first, then by customer id.</summary>
    public int[] ChurnRisk { get; private set; } = [];

    public static ValueScores Of(ValueModel model, int horizonDays) =>
        model.Derived(horizonDays, () => Build(model, horizonDays));

    private static ValueScores Build(ValueModel model, int horizonDays)
    {
        var data = model.Data;
        var n = data.Count;
        var scores = new ValueScores(model, horizonDays);
        var recency = new double[n];
        var frequency = new double[n];
        var spend = new double[n];
        for (var i = 0; i < n; i++)
        {
            recency[i] = data.DaysSinceLast(i);
            frequency[i] = data.X[i] + 1;
            spend[i] = data.TotalUnits[i];
        }
        var rb = Rfm.Bounds(recency);
        var fb = Rfm.Bounds(frequency);
        var mb = Rfm.Bounds(spend);
        scores.Bounds = new RfmBoundsSet(rb, fb, Scale(mb, 1.0 / Money.UnitsPerYuan));
        for (var i = 0; i < n; i++)
        {
            scores.R[i] = (byte)Rfm.ScoreLower(recency[i], rb);
            scores.F[i] = (byte)Rfm.ScoreHigher(frequency[i], fb);
            scores.M[i] = (byte)Rfm.ScoreHigher(spend[i], mb);
            scores.Segment[i] = Rfm.Segment(scores.R[i], scores.F[i], scores.M[i]);
        }
        if (model.HasValueModel)
        {
            var values = new double[n];
            for (var i = 0; i < n; i++)
            {
                values[i] = model.ExpectedValue(i, horizonDays)!.Value;
            }
            var sorted = (double[])values.Clone();
            Array.Sort(sorted);
            var threshold = n == 0 ? 0 : sorted[(n - 1) / 2];
            scores.ValueThreshold = threshold;
            scores.Quadrant = new ValueQuadrant[n];
            for (var i = 0; i < n; i++)
            {
                scores.Quadrant[i] = ValueQuadrants.Of(model.PAlive(i)!.Value, values[i], threshold);
            }
        }
        Churn(scores);
        return scores;
    }

    private static void Churn(ValueScores scores)
    {
        var model = scores.Model;
        var data = model.Data;
        if (data.Gaps.Length > 0)
        {
            var gaps = (int[])data.Gaps.Clone();
            Array.Sort(gaps);
            scores.ShopInterval = gaps[Math.Max(0, (int)Math.Ceiling(0.75 * gaps.Length) - 1)];
        }
        var risky = new List<int>();
        for (var i = 0; i < data.Count; i++)
        {
            var interval = data.X[i] > 0 ? data.RecencyDays[i] / (double)data.X[i] : scores.ShopInterval ?? double.NaN;
            scores.Interval[i] = interval;
            if (double.IsNaN(interval) || data.DaysSinceLast(i) <= interval)
            {
                continue;
            }
            scores.AtRisk[i] = model.HasValueModel
                ? (decimal)model.ExpectedValue(i, scores.HorizonDays)!.Value
                : Money.FromUnits(data.TotalUnits[i]) / (data.X[i] + 1);
            risky.Add(i);
        }
        risky.Sort((a, b) =>
        {
            var byRisk = scores.AtRisk[b]!.Value.CompareTo(scores.AtRisk[a]!.Value);
            return byRisk != 0 ? byRisk : string.CompareOrdinal(data.CustomerId(a), data.CustomerId(b));
        });
        scores.ChurnRisk = [.. risky];
    }

    private static QuintileBounds Scale(QuintileBounds b, double factor) => new(b.P20 * factor, b.P40 * factor, b.P60 * factor, b.P80 * factor);

    /// <summary>The customer's row as the page and exports list it; <paramref name="tier"/> names the tier held at as-of.</summary>
    public ValueCustomerRow Row(int i, string? tier)
    {
        var data = Model.Data;
        var orders = data.Orders;
        var c = data.Customer[i];
        var interval = Interval[i];
        var channel = orders.Channels[data.LastOrder[i]];
        var joined = orders.JoinedPrivateMs[c];
        return new ValueCustomerRow(
            data.CustomerId(i), orders.Nicknames[c], data.X[i], data.RecencyDays[i], data.AgeDays[i],
            Money.FromUnits(data.TotalUnits[i]), data.Monetary(i), data.LastDay(i), data.DaysSinceLast(i),
            double.IsNaN(interval) ? null : interval,
            double.IsNaN(interval) ? null : data.LastDay(i).AddDays((int)Math.Ceiling(interval)),
            Model.PAlive(i), Model.ExpectedPurchases(i, HorizonDays), Model.ExpectedValue(i, HorizonDays), AtRisk[i],
            R[i], F[i], M[i], Segment[i], Quadrant?[i],
            channel == DataSnapshot.None ? null : (Data.Entities.OrderChannel)channel,
            tier,
            joined != DataSnapshot.NoInstant && joined < data.AsOf.ToUnixTimeMilliseconds());
    }

    /// <summary>The customers (indexes into the model's data) of a list, in the order the page shows them.</summary>
    public int[] Members(ValueListKind kind, string? key) => kind switch
    {
        ValueListKind.ChurnRisk => ChurnRisk,
        ValueListKind.Segment when Named(key, out RfmSegment segment) =>
            ByValue(Enumerable.Range(0, Model.Data.Count).Where(i => Segment[i] == segment)),
        ValueListKind.Quadrant when Quadrant is { } quadrants && Named(key, out ValueQuadrant quadrant) =>
            ByValue(Enumerable.Range(0, Model.Data.Count).Where(i => quadrants[i] == quadrant)),
        _ => throw new ArgumentException($"'{key}' names no {kind} list", nameof(key)),
    };

    /// <summary>A list key is the member's name (<c>Champions</c>), never its number.</summary>
    private static bool Named<T>(string? key, out T value) where T : struct, Enum
    {
        value = default;
        return key is not null && Enum.GetNames<T>().Contains(key, StringComparer.OrdinalIgnoreCase) && Enum.TryParse(key, ignoreCase: true, out value);
    }

    /// <summary>Most expected ¥ first (past spend without a model), then by customer id.</summary>
    private int[] ByValue(IEnumerable<int> members)
    {
        var data = Model.Data;
        return members
            .OrderByDescending(i => Model.ExpectedValue(i, HorizonDays) ?? 0)
            .ThenByDescending(i => data.TotalUnits[i])
            .ThenBy(i => data.CustomerId(i), StringComparer.Ordinal)
            .ToArray();
    }
}
