using System.Globalization;
using LiveOps.Core.Value;

namespace LiveOps.Tests.Core.Value;

/// <summary>
/// The models against Fader, Hardie &amp; Lee (2005) on the CDNOW sample in the published units (weeks, t_x to two
/// decimals, from the fixture's summary table): r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4;
/// Gamma-Gamma p = 6.25, q = 3.74, v = 15.44; and 1.226 expected repeats in 39 weeks for x = 2, t_x = 30.43, T = 38.86.
/// </summary>
public class CdnowPublishedTests
{
    private static readonly BgNbdParameters Published = new(0.243, 4.414, 0.793, 2.426);

    internal static (int[] X, double[] Tx, double[] T, double[] M) Summary()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "cdnow", "cdnow_customers_summary_with_transactions.csv")).Skip(1).ToArray();
        var x = new int[lines.Length];
        var tx = new double[lines.Length];
        var t = new double[lines.Length];
        var m = new double[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            var f = lines[i].Split(',');
            x[i] = int.Parse(f[1], CultureInfo.InvariantCulture);
            tx[i] = double.Parse(f[2], CultureInfo.InvariantCulture);
            t[i] = double.Parse(f[3], CultureInfo.InvariantCulture);
            m[i] = double.Parse(f[4], CultureInfo.InvariantCulture);
        }
        return (x, tx, t, m);
    }

    [Fact]
    public void ExpectedPurchases_PublishedCustomer_Is1226()
    {
        var expected = BgNbd.ExpectedPurchases(Published, 2, 30.43, 38.86, 39);
        Assert.Equal(1.226, expected, 0.0005);
    }

    [Fact]
    public void ExpectedPurchases_NoTime_IsZero_AndGrowsWithHorizon()
    {
        Assert.Equal(0, BgNbd.ExpectedPurchases(Published, 2, 30.43, 38.86, 0));
        Assert.True(BgNbd.ExpectedPurchases(Published, 2, 30.43, 38.86, 52) > BgNbd.ExpectedPurchases(Published, 2, 30.43, 38.86, 39));
    }

    [Fact]
    public void PAlive_RecentRepeater_IsHigherThanLapsedOne()
    {
        // 1 / (1 + 0.793/3.426 × ((4.414+38.86)/(4.414+30.43))^2.243) = 0.7266, the figure of the contract's example.
        Assert.Equal(1 / (1 + 0.793 / 3.426 * Math.Pow((4.414 + 38.86) / (4.414 + 30.43), 2.243)), BgNbd.PAlive(Published, 2, 30.43, 38.86), 1e-12);
        Assert.Equal(0.7266, BgNbd.PAlive(Published, 2, 30.43, 38.86), 0.0005);
        Assert.Equal(1, BgNbd.PAlive(Published, 0, 0, 38.86));
    }

    [Fact]
    public void LogLikelihood_AtPublishedParameters_IsPublishedValue()
    {
        var (x, tx, t, _) = Summary();
        Assert.Equal(2357, x.Length);
        Assert.Equal(-9582.4, BgNbd.LogLikelihood(Published, RepeatGroups.Ungrouped(x, tx, t)), 0.1);
    }

    [Fact]
    public void LogLikelihood_GroupedRows_EqualsOneRowPerCustomer()
    {
        var (x, tx, t, _) = Summary();
        var grouped = ValueData.Group(x, tx, t);
        Assert.True(grouped.Length < x.Length);
        Assert.Equal(BgNbd.LogLikelihood(Published, RepeatGroups.Ungrouped(x, tx, t)), BgNbd.LogLikelihood(Published, grouped), 1e-7);
    }

    [Fact]
    public void FitBgNbd_Cdnow_RecoversPublishedParameters()
    {
        var (x, tx, t, _) = Summary();
        var fit = ModelFitter.FitBgNbd(ValueData.Group(x, tx, t));
        Assert.NotNull(fit.Parameters);
        Assert.Equal(0.243, fit.Parameters!.R, 0.0005);
        Assert.Equal(4.414, fit.Parameters.Alpha, 0.0005);
        Assert.Equal(0.793, fit.Parameters.A, 0.0005);
        Assert.Equal(2.426, fit.Parameters.B, 0.0005);
        Assert.Equal(-9582.4, fit.LogLikelihood, 0.05);
        Assert.True(fit.Iterations > 0);
    }

    [Fact]
    public void FitGammaGamma_Cdnow_RecoversPublishedParameters()
    {
        var (x, _, _, m) = Summary();
        var fit = ModelFitter.FitGammaGamma(x, m);
        Assert.NotNull(fit.Parameters);
        Assert.Equal(6.25, fit.Parameters!.P, 0.005);
        Assert.Equal(3.74, fit.Parameters.Q, 0.006);
        Assert.Equal(15.44, fit.Parameters.V, 0.01);
    }

    [Fact]
    public void ExpectedSpend_PublishedParameters_IsWeightedMean()
    {
        var p = new GammaGammaParameters(6.25, 3.74, 15.44);
        // (q − 1)/(px + q − 1) × pv/(q − 1) + px/(px + q − 1) × m, for x = 2, m = 22.35.
        var weight = 12.5 / (12.5 + 2.74);
        Assert.Equal((1 - weight) * 6.25 * 15.44 / 2.74 + weight * 22.35, GammaGamma.ExpectedSpend(p, 2, 22.35), 1e-10);
        Assert.Equal(6.25 * 15.44 / 2.74, GammaGamma.ExpectedSpend(p, 0, 0), 1e-10);
    }
}
