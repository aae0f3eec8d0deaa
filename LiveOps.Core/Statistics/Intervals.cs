using MathNet.Numerics.Distributions;

namespace LiveOps.Core.Statistics;

/// <summary>
/// The 95% intervals the evidence uses, as pure functions of counts and moments. Each returns null when the sample
/// cannot give one (no observations, fewer than two per group for a variance, a zero mean under a log).
/// </summary>
public static class Intervals
{
    /// <summary>The normal quantile of 0.975 (two-sided 95%).</summary>
    public static readonly double Z95 = Normal.InvCDF(0, 1, 0.975);

    /// <summary>Wilson score interval of <paramref name="successes"/> / <paramref name="n"/> (Wilson 1927; Newcombe 1998, method 3).</summary>
    public static Interval? Wilson(long successes, long n, double? z = null)
    {
        if (n <= 0 || successes < 0 || successes > n)
        {
            return null;
        }
        var q = z ?? Z95;
        var p = (double)successes / n;
        var z2 = q * q;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var half = q * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return new Interval(Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>
    /// Newcombe's hybrid score interval for p₁ − p₂ (Newcombe 1998, "Interval estimation for the difference between
    /// independent proportions", method 10), built from the two Wilson intervals.
    /// </summary>
    public static Interval? DifferenceOfProportions(long x1, long n1, long x2, long n2)
    {
        if (Wilson(x1, n1) is not { } a || Wilson(x2, n2) is not { } b)
        {
            return null;
        }
        var p1 = (double)x1 / n1;
        var p2 = (double)x2 / n2;
        var d = p1 - p2;
        var low = d - Math.Sqrt(Square(p1 - a.Low) + Square(b.High - p2));
        var high = d + Math.Sqrt(Square(a.High - p1) + Square(p2 - b.Low));
        return new Interval(low, high);
    }

    /// <summary>Welch's interval for mean₁ − mean₂ from each group's mean, sample variance (n − 1) and size.</summary>
    public static Interval? Welch(Moments first, Moments second)
    {
        if (first.N < 2 || second.N < 2)
        {
            return null;
        }
        var a = first.Variance / first.N;
        var b = second.Variance / second.N;
        var se = Math.Sqrt(a + b);
        var d = first.Mean - second.Mean;
        if (se == 0)
        {
            return new Interval(d, d);
        }
        var df = Square(a + b) / (Square(a) / (first.N - 1) + Square(b) / (second.N - 1));
        var t = StudentT.InvCDF(0, 1, df, 0.975);
        return new Interval(d - t * se, d + t * se);
    }

    /// <summary>
    /// Interval for mean₁ / mean₂ − 1: Welch's t on log(mean₁ / mean₂) with the delta-method variances
    /// s²/(n·mean²), taken back by exp. Both means must be positive.
    /// </summary>
    public static Interval? RatioOfMeansMinusOne(Moments first, Moments second)
    {
        if (first.N < 2 || second.N < 2 || first.Mean <= 0 || second.Mean <= 0)
        {
            return null;
        }
        var a = first.Variance / (first.N * Square(first.Mean));
        var b = second.Variance / (second.N * Square(second.Mean));
        var log = Math.Log(first.Mean / second.Mean);
        var se = Math.Sqrt(a + b);
        if (se == 0)
        {
            return new Interval(Math.Exp(log) - 1, Math.Exp(log) - 1);
        }
        var df = Square(a + b) / (Square(a) / (first.N - 1) + Square(b) / (second.N - 1));
        var t = StudentT.InvCDF(0, 1, df, 0.975);
        return new Interval(Math.Exp(log - t * se) - 1, Math.Exp(log + t * se) - 1);
    }

    /// <summary>
    /// Interval for the ratio of two Poisson rates (events₁/exposure₁) / (events₂/exposure₂): normal on the log with
    /// standard error √(1/events₁ + 1/events₂). Needs at least one event on each side.
    /// </summary>
    public static Interval? RateRatio(long events1, double exposure1, long events2, double exposure2)
    {
        if (events1 <= 0 || events2 <= 0 || exposure1 <= 0 || exposure2 <= 0)
        {
            return null;
        }
        var log = Math.Log(events1 / exposure1 / (events2 / exposure2));
        var se = Math.Sqrt(1.0 / events1 + 1.0 / events2);
        return new Interval(Math.Exp(log - Z95 * se), Math.Exp(log + Z95 * se));
    }

    /// <summary>
    /// Percentile bootstrap interval of a statistic of one sample, from <paramref name="resamples"/> resamples drawn with
    /// a fixed <paramref name="seed"/>, so the same data always gives the same interval.
    /// </summary>
    public static Interval? Bootstrap(IReadOnlyList<double> sample, Func<double[], double> statistic, int resamples = 1000, int seed = 20261)
    {
        if (sample.Count < 2)
        {
            return null;
        }
        var random = new Random(seed);
        var values = new double[resamples];
        var draw = new double[sample.Count];
        for (var r = 0; r < resamples; r++)
        {
            for (var i = 0; i < draw.Length; i++)
            {
                draw[i] = sample[random.Next(sample.Count)];
            }
            values[r] = statistic(draw);
        }
        Array.Sort(values);
        return new Interval(Quantiles.Inclusive(values, 0.025), Quantiles.Inclusive(values, 0.975));
    }

    private static double Square(double x) => x * x;
}

/// <summary>Mean, sample variance (denominator n − 1) and size of one group, from running sums.</summary>
public readonly record struct Moments(long N, double Mean, double Variance)
{
    /// <summary>From Σx and Σx² (values of moderate size, such as yuan amounts or rates).</summary>
    public static Moments FromSums(long n, double sum, double sumOfSquares) =>
        n == 0 ? new Moments(0, double.NaN, double.NaN)
        : n == 1 ? new Moments(1, sum, double.NaN)
        : new Moments(n, sum / n, Math.Max(0, (sumOfSquares - sum * sum / n) / (n - 1)));

    public static Moments Of(IReadOnlyCollection<double> values)
    {
        double sum = 0, squares = 0;
        foreach (var v in values)
        {
            sum += v;
            squares += v * v;
        }
        return FromSums(values.Count, sum, squares);
    }
}

/// <summary>Quantiles by linear interpolation between closest ranks (the spreadsheet PERCENTILE.INC rule).</summary>
public static class Quantiles
{
    /// <summary>The p-quantile of ascending <paramref name="sorted"/>; NaN when empty.</summary>
    public static double Inclusive(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }
        var rank = p * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }
}
