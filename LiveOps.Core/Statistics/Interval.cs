namespace LiveOps.Core.Statistics;

/// <summary>A two-sided 95% confidence interval [<see cref="Low"/>, <see cref="High"/>].</summary>
public sealed record Interval(double Low, double High)
{
    public double Width => High - Low;

    public bool Contains(double value) => Low <= value && value <= High;
}

/// <summary>How an interval was computed; shown in the tooltip beside it.</summary>
public enum IntervalMethod
{
    /// <summary>Wilson score interval of one proportion.</summary>
    Wilson,

    /// <summary>Newcombe's hybrid score interval (method 10) of a difference of two proportions, from their Wilson intervals.</summary>
    NewcombeWilson,

    /// <summary>Welch's t interval of a difference of two means (unequal variances, Welch–Satterthwaite degrees of freedom).</summary>
    Welch,

    /// <summary>Welch's t interval on the log of a ratio of two means (delta method), taken back to the ratio scale.</summary>
    WelchLogRatio,

    /// <summary>Normal interval on the log of a ratio of two Poisson rates (events per exposure).</summary>
    PoissonLogRatio,

    /// <summary>Percentile bootstrap with a fixed seed.</summary>
    Bootstrap,
}

/// <summary>
/// What a rule of thumb's 95% interval says. <see cref="Supported"/>: the whole interval lies on the claimed side of the
/// rule's threshold; <see cref="NotSupported"/>: the whole interval lies on the other side (or on it); otherwise, or
/// without an interval, <see cref="InsufficientData"/>: the data cannot tell the rule from noise.
/// </summary>
public enum Verdict
{
    InsufficientData,
    Supported,
    NotSupported,
}

/// <summary>
/// One rule of thumb checked on the shop's data: the estimate, its 95% interval and method, the sample size
/// <see cref="N"/>, the threshold the rule claims the value is above, and the verdict (<see cref="Evidence.Judge"/>).
/// </summary>
public sealed record RuleCheck(
    string Rule,
    double? Estimate,
    Interval? Interval,
    IntervalMethod Method,
    long N,
    double Threshold,
    Verdict Verdict);

public static class Evidence
{
    /// <summary>The verdict of an interval against "the value is above <paramref name="threshold"/>".</summary>
    public static Verdict Judge(Interval? interval, double threshold) =>
        interval is null || double.IsNaN(interval.Low) || double.IsNaN(interval.High) ? Verdict.InsufficientData
        : interval.Low > threshold ? Verdict.Supported
        : interval.High <= threshold ? Verdict.NotSupported
        : Verdict.InsufficientData;

    public static RuleCheck Check(string rule, double? estimate, Interval? interval, IntervalMethod method, long n, double threshold) =>
        new(rule, estimate, interval, method, n, threshold, Judge(interval, threshold));
}
