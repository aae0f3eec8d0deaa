using LiveOps.Core.Value;

namespace LiveOps.Tests.Core.Value;

public class HypergeometricTests
{
    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.95)]
    public void Gauss2F1_OneOneTwo_IsMinusLogOneMinusZOverZ(double z)
    {
        // Abramowitz & Stegun 15.1.3: F(1, 1; 2; z) = −ln(1 − z)/z.
        Assert.Equal(-Math.Log(1 - z) / z, Hypergeometric.Gauss2F1(1, 1, 2, z), 1e-12);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.9)]
    public void Gauss2F1_HalfHalfThreeHalves_IsArcsinOverZ(double z)
    {
        // A&S 15.1.6: F(1/2, 1/2; 3/2; z²) = arcsin(z)/z.
        Assert.Equal(Math.Asin(z) / z, Hypergeometric.Gauss2F1(0.5, 0.5, 1.5, z * z), 1e-12);
    }

    [Fact]
    public void Gauss2F1_BEqualsC_IsBinomialSeries()
    {
        // A&S 15.1.8: F(a, b; b; z) = (1 − z)^(−a).
        Assert.Equal(Math.Pow(1 - 0.7, -2.243), Hypergeometric.Gauss2F1(2.243, 3.1, 3.1, 0.7), 1e-10);
    }

    [Theory]
    // Reference values from mpmath.hyp2f1 (arbitrary precision); the first is the 2F1 of the CDNOW customer with
    // x = 2, T = 38.86 weeks at the published r, α, a, b over the next 39 weeks.
    [InlineData(2.243, 4.426, 4.219, 39 / (4.414 + 38.86 + 39), 4.57531589764369)]
    [InlineData(0.3, 1.7, 5.5, 0.9, 1.11637509741833)]
    [InlineData(12.5, 14.2, 13.9, 0.8, 862280051.487592)]
    public void Gauss2F1_MatchesReferenceValues(double a, double b, double c, double z, double expected)
    {
        Assert.Equal(expected, Hypergeometric.Gauss2F1(a, b, c, z), expected * 1e-12);
        Assert.Equal(expected, Hypergeometric.Gauss2F1Euler(a, b, c, z), expected * 1e-11);
    }

    [Fact]
    public void Gauss2F1_OutsideUnitInterval_IsNaN()
    {
        Assert.True(double.IsNaN(Hypergeometric.Gauss2F1(1, 1, 2, 1)));
        Assert.True(double.IsNaN(Hypergeometric.Gauss2F1(1, 1, 2, -0.1)));
    }
}
