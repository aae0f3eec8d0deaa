using LiveOps.Core.Statistics;

namespace LiveOps.Tests.Core.Statistics;

/// <summary>Published values: Newcombe (1998), Statistics in Medicine 17, 857–872 (single proportion) and 873–890 (difference).</summary>
public sealed class IntervalsTests
{
    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0000, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void Wilson_MatchesNewcombesTable(long x, long n, double low, double high)
    {
        var i = Intervals.Wilson(x, n)!;

        Assert.Equal(low, i.Low, 4);
        Assert.Equal(high, i.High, 4);
    }

    [Theory]
    [InlineData(56, 70, 48, 80, 0.0524, 0.3339)]
    [InlineData(9, 10, 3, 10, 0.1705, 0.8090)]
    [InlineData(6, 7, 2, 7, 0.0582, 0.8062)]
    [InlineData(5, 56, 0, 29, -0.0381, 0.1926)]
    [InlineData(0, 10, 0, 20, -0.1611, 0.2775)]
    [InlineData(10, 10, 0, 20, 0.6791, 1.0000)]
    public void DifferenceOfProportions_MatchesNewcombesMethodTen(long x1, long n1, long x2, long n2, double low, double high)
    {
        var i = Intervals.DifferenceOfProportions(x1, n1, x2, n2)!;

        Assert.Equal(low, i.Low, 4);
        Assert.Equal(high, i.High, 4);
    }

    [Fact]
    public void Welch_EqualSizesAndVariances_UsesTheTQuantileOfTwiceNMinusOneDegrees()
    {
        // {1..6} and {3..8}: means 3.5 and 5.5, variances 3.5, df = 10, t(0.975, 10) = 2.228138851986 (tables),
        // half width = 2.228138851986 × √(7/6) = 2.4066650232949.
        var i = Intervals.Welch(Moments.Of([1, 2, 3, 4, 5, 6]), Moments.Of([3, 4, 5, 6, 7, 8]))!;

        Assert.Equal(-2 - 2.4066650232949, i.Low, 9);
        Assert.Equal(-2 + 2.4066650232949, i.High, 9);
    }

    [Fact]
    public void Welch_NeedsTwoObservationsPerGroup()
    {
        Assert.Null(Intervals.Welch(Moments.Of([1]), Moments.Of([3, 4, 5])));
        Assert.Null(Intervals.RatioOfMeansMinusOne(Moments.Of([2, 4]), Moments.Of([3])));
    }

    [Fact]
    public void RatioOfMeans_IsWelchOnTheLogRatio()
    {
        // means 13 and 10, variances 1 and 1 (n = 3 each): a = 1/(3·169), b = 1/(3·100), equal sizes.
        var first = Moments.Of([12, 13, 14]);
        var second = Moments.Of([9, 10, 11]);
        var i = Intervals.RatioOfMeansMinusOne(first, second)!;

        double a = 1.0 / (3 * 169), b = 1.0 / (3 * 100);
        var se = Math.Sqrt(a + b);
        var df = (a + b) * (a + b) / (a * a / 2 + b * b / 2);
        var t = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, df, 0.975);
        Assert.Equal(Math.Exp(Math.Log(1.3) - t * se) - 1, i.Low, 12);
        Assert.Equal(Math.Exp(Math.Log(1.3) + t * se) - 1, i.High, 12);
        Assert.Equal(3.7530665698503665, df, 9);
    }

    [Fact]
    public void RateRatio_IsLogNormalWithTheEventCounts()
    {
        // 40 events in 100 member-days against 10 in 100: ratio 4, se = √(1/40 + 1/10) = √0.125.
        var i = Intervals.RateRatio(40, 100, 10, 100)!;

        Assert.Equal(4 * Math.Exp(-1.959963984540054 * Math.Sqrt(0.125)), i.Low, 9);
        Assert.Equal(4 * Math.Exp(1.959963984540054 * Math.Sqrt(0.125)), i.High, 9);
    }

    [Fact]
    public void Bootstrap_WithTheSameSeed_GivesTheSameInterval_AroundTheSampleMean()
    {
        double[] sample = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        var a = Intervals.Bootstrap(sample, d => d.Average())!;
        var b = Intervals.Bootstrap(sample, d => d.Average())!;

        Assert.Equal(a, b);
        Assert.True(a.Low < 5.5 && a.High > 5.5 && a.Low > 3 && a.High < 8, $"{a}");
    }

    [Theory]
    [InlineData(0.01, 0.2, 0.0, Verdict.Supported)]
    [InlineData(-0.2, -0.01, 0.0, Verdict.NotSupported)]
    [InlineData(-0.2, 0.0, 0.0, Verdict.NotSupported)]
    [InlineData(-0.01, 0.2, 0.0, Verdict.InsufficientData)]
    [InlineData(0.45, 0.9, 0.5, Verdict.InsufficientData)]
    public void Judge_SupportedOnlyWhenTheWholeIntervalIsAboveTheThreshold(double low, double high, double threshold, Verdict expected)
    {
        Assert.Equal(expected, Evidence.Judge(new Interval(low, high), threshold));
        Assert.Equal(Verdict.InsufficientData, Evidence.Judge(null, threshold));
    }

    [Fact]
    public void Quantiles_InterpolateBetweenClosestRanks()
    {
        double[] sorted = [1, 2, 4, 8];
        Assert.Equal(1.75, Quantiles.Inclusive(sorted, 0.25), 12);
        Assert.Equal(3, Quantiles.Inclusive(sorted, 0.5), 12);
        Assert.Equal(5, Quantiles.Inclusive(sorted, 0.75), 12);
    }
}
