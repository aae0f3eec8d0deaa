namespace LiveOps.Core.Value;

/// <summary>
/// The eight RFM segments, by whether a customer's recency, frequency and monetary scores are high (3–5) or low (1–2).
/// Named the way Chinese private-domain operators name them (重要价值, 重要唤回, …); the page shows each rule.
/// </summary>
public enum RfmSegment
{
    /// <summary>R high, F high, M high: 重要价值.</summary>
    Champions,

    /// <summary>R high, F low, M high: 重要发展 — recent big spenders with few orders.</summary>
    Promising,

    /// <summary>R low, F high, M high: 重要唤回 — frequent big spenders who have gone quiet.</summary>
    WinBack,

    /// <summary>R low, F low, M high: 重要挽留 — big spenders of one or two orders, long ago.</summary>
    AtRisk,

    /// <summary>R high, F high, M low: 潜力客户 — regular small spenders.</summary>
    Potential,

    /// <summary>R high, F low, M low: 新客 — recent, few orders, small spend.</summary>
    New,

    /// <summary>R low, F high, M low: 一般保持 — regular small spenders going quiet.</summary>
    Fading,

    /// <summary>R low, F low, M low: 沉睡.</summary>
    Dormant,
}

/// <summary>The four quintile boundaries (P20, P40, P60, P80, nearest rank) of one RFM dimension, in its own unit.</summary>
public sealed record QuintileBounds(double P20, double P40, double P60, double P80);

/// <summary>
/// RFM scoring: R = days since the last order day (fewer is better), F = order days (x + 1), M = paid spend before
/// as-of. Each is scored 1–5 by its quintile boundaries: the score is 1 + the number of boundaries the value is better
/// than, so equal values share a score (many one-order customers all get F = 1).
/// </summary>
public static class Rfm
{
    public const int HighScore = 3;

    public static QuintileBounds Bounds(double[] values)
    {
        if (values.Length == 0)
        {
            return new QuintileBounds(0, 0, 0, 0);
        }
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        double At(int k) => sorted[Math.Max(0, (int)Math.Ceiling(k * sorted.Length / 5.0) - 1)];
        return new QuintileBounds(At(1), At(2), At(3), At(4));
    }

    /// <summary>Score of a value where larger is better (F, M).</summary>
    public static int ScoreHigher(double value, QuintileBounds b) =>
        1 + (value > b.P20 ? 1 : 0) + (value > b.P40 ? 1 : 0) + (value > b.P60 ? 1 : 0) + (value > b.P80 ? 1 : 0);

    /// <summary>Score of a value where smaller is better (R, days since the last order).</summary>
    public static int ScoreLower(double value, QuintileBounds b) =>
        1 + (value < b.P80 ? 1 : 0) + (value < b.P60 ? 1 : 0) + (value < b.P40 ? 1 : 0) + (value < b.P20 ? 1 : 0);

    public static RfmSegment Segment(int r, int f, int m) => (r >= HighScore, f >= HighScore, m >= HighScore) switch
    {
        (true, true, true) => RfmSegment.Champions,
        (true, false, true) => RfmSegment.Promising,
        (false, true, true) => RfmSegment.WinBack,
        (false, false, true) => RfmSegment.AtRisk,
        (true, true, false) => RfmSegment.Potential,
        (true, false, false) => RfmSegment.New,
        (false, true, false) => RfmSegment.Fading,
        (false, false, false) => RfmSegment.Dormant,
    };

    /// <summary>Which of R, F, M must be high for a segment (the rule the page shows).</summary>
    public static (bool R, bool F, bool M) Rule(RfmSegment segment) => segment switch
    {
        RfmSegment.Champions => (true, true, true),
        RfmSegment.Promising => (true, false, true),
        RfmSegment.WinBack => (false, true, true),
        RfmSegment.AtRisk => (false, false, true),
        RfmSegment.Potential => (true, true, false),
        RfmSegment.New => (true, false, false),
        RfmSegment.Fading => (false, true, false),
        _ => (false, false, false),
    };
}
