using LiveOps.Core.Value;
using MathNet.Numerics.Distributions;

namespace LiveOps.Tests.Core.Value;

/// <summary>Customers simulated from known BG/NBD and Gamma-Gamma parameters (seeded), refitted: the fit finds them again.</summary>
public class PlantedModelTests
{
    [Fact]
    public void FitBgNbd_SimulatedCustomers_RecoversPlantedParameters()
    {
        var planted = new BgNbdParameters(0.6, 12, 0.9, 4);
        var random = new Random(20261204);
        const int n = 20_000;
        var x = new int[n];
        var tx = new double[n];
        var t = new double[n];
        for (var i = 0; i < n; i++)
        {
            // λ ~ Gamma(r, rate α), p ~ Beta(a, b); purchases a Poisson(λ) process, dropout with probability p after each one.
            var lambda = Gamma.Sample(random, planted.R, planted.Alpha);
            var p = Beta.Sample(random, planted.A, planted.B);
            t[i] = random.Next(60, 721);
            var now = 0.0;
            while (true)
            {
                now += Exponential.Sample(random, lambda);
                if (now > t[i])
                {
                    break;
                }
                x[i]++;
                tx[i] = now;
                if (random.NextDouble() < p)
                {
                    break;
                }
            }
        }
        var fit = ModelFitter.FitBgNbd(RepeatGroups.Ungrouped(x, tx, t));

        Assert.NotNull(fit.Parameters);
        Assert.InRange(fit.Parameters!.R, 0.6 * 0.9, 0.6 * 1.1);
        Assert.InRange(fit.Parameters.Alpha, 12 * 0.85, 12 * 1.15);
        Assert.InRange(fit.Parameters.A, 0.9 * 0.8, 0.9 * 1.2);
        Assert.InRange(fit.Parameters.B, 4 * 0.8, 4 * 1.2);
    }

    [Fact]
    public void FitGammaGamma_SimulatedSpend_RecoversPlantedParameters()
    {
        var random = new Random(7);
        const int n = 10_000;
        var x = new int[n];
        var m = new double[n];
        for (var i = 0; i < n; i++)
        {
            // ν ~ Gamma(q, rate v); each spend ~ Gamma(p, rate ν); m is the mean of x spends.
            var nu = Gamma.Sample(random, 3, 20);
            x[i] = random.Next(1, 11);
            var sum = 0.0;
            for (var k = 0; k < x[i]; k++)
            {
                sum += Gamma.Sample(random, 4, nu);
            }
            m[i] = sum / x[i];
        }
        var fit = ModelFitter.FitGammaGamma(x, m);

        Assert.NotNull(fit.Parameters);
        Assert.InRange(fit.Parameters!.P, 4 * 0.9, 4 * 1.1);
        Assert.InRange(fit.Parameters.Q, 3 * 0.9, 3 * 1.1);
        Assert.InRange(fit.Parameters.V, 20 * 0.85, 20 * 1.15);
    }

    [Fact]
    public void FitBgNbd_TooFewCustomers_IsMissingWithReason()
    {
        var fit = ModelFitter.FitBgNbd(RepeatGroups.Ungrouped([1, 0, 2], [3, 0, 9], [10, 10, 10]));
        Assert.Null(fit.Parameters);
        Assert.Equal(ModelGap.TooFewCustomers, fit.Gap);
        Assert.Equal("3 customers with a paid order; the model needs at least 30", fit.Reason);
    }

    [Fact]
    public void RfmScores_Quintiles_ShareScoresOnTies()
    {
        var bounds = Rfm.Bounds([1, 1, 1, 1, 1, 1, 2, 2, 3, 5]);
        Assert.Equal(new QuintileBounds(1, 1, 1, 2), bounds);
        Assert.Equal(1, Rfm.ScoreHigher(1, bounds));
        Assert.Equal(4, Rfm.ScoreHigher(2, bounds));
        Assert.Equal(5, Rfm.ScoreHigher(3, bounds));
        var recency = Rfm.Bounds([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
        Assert.Equal(5, Rfm.ScoreLower(0, recency));
        Assert.Equal(1, Rfm.ScoreLower(90, recency));
        Assert.Equal(RfmSegment.WinBack, Rfm.Segment(2, 4, 5));
        Assert.Equal(RfmSegment.New, Rfm.Segment(5, 1, 2));
    }
}
