using MathNet.Numerics;

namespace LiveOps.Core.Value;

/// <summary>Gamma-Gamma spend parameters: spend per purchase ~ Gamma(p, ν), ν ~ Gamma(q, v).</summary>
public sealed record GammaGammaParameters(double P, double Q, double V)
{
    /// <summary>The population's mean spend per purchase, pv/(q − 1); infinite when q ≤ 1.</summary>
    public double MeanSpend => Q > 1 ? P * V / (Q - 1) : double.PositiveInfinity;
}

/// <summary>
/// The Gamma-Gamma model of spend per purchase (Fader, Hardie &amp; Lee 2005, "RFM and CLV"; Fader &amp; Hardie,
/// "The Gamma-Gamma Model of Monetary Value", 2013): its likelihood over customers with x &gt; 0 repeats of mean
/// spend m, and the expected spend per purchase given (x, m).
/// </summary>
public static class GammaGamma
{
    /// <summary>
    /// Σ ln[ Γ(px+q) / (Γ(px) Γ(q)) · v^q · x^(px) · m^(px−1) / (v + x m)^(px+q) ] over the customers (x &gt; 0, m &gt; 0).
    /// </summary>
    public static double LogLikelihood(GammaGammaParameters parameters, int[] x, double[] m) =>
        new GammaGammaLikelihood(x, m).Evaluate(parameters);

    /// <summary>E[Z | x, m] = p (v + x m) / (p x + q − 1); for x = 0 the population mean pv/(q − 1).</summary>
    public static double ExpectedSpend(GammaGammaParameters parameters, int x, double m)
    {
        var (p, q, v) = (parameters.P, parameters.Q, parameters.V);
        return x == 0 ? parameters.MeanSpend : p * (v + x * m) / (p * x + q - 1);
    }
}

/// <summary>The Gamma-Gamma log-likelihood, with the gamma-function terms computed once per distinct x.</summary>
internal sealed class GammaGammaLikelihood
{
    private readonly int[] _x;
    private readonly double[] _lnM;
    private readonly double[] _lnX;
    private readonly double[] _xm;
    private readonly int _maxX;
    private readonly double[] _gammaTerm;

    public GammaGammaLikelihood(int[] x, double[] m)
    {
        _x = x;
        _lnM = m.Select(v => Math.Log(v)).ToArray();
        _lnX = x.Select(v => Math.Log(v)).ToArray();
        _xm = x.Zip(m, (a, b) => a * b).ToArray();
        _maxX = x.Length == 0 ? 0 : x.Max();
        _gammaTerm = new double[_maxX + 1];
    }

    public int Customers => _x.Length;

    public double Evaluate(GammaGammaParameters parameters)
    {
        var (p, q, v) = (parameters.P, parameters.Q, parameters.V);
        var lnGammaQ = SpecialFunctions.GammaLn(q);
        var lnV = Math.Log(v);
        for (var x = 1; x <= _maxX; x++)
        {
            _gammaTerm[x] = SpecialFunctions.GammaLn(p * x + q) - SpecialFunctions.GammaLn(p * x) - lnGammaQ + q * lnV;
        }
        var sum = 0.0;
        for (var i = 0; i < _x.Length; i++)
        {
            var px = p * _x[i];
            sum += _gammaTerm[_x[i]] + (px - 1) * _lnM[i] + px * _lnX[i] - (px + q) * Math.Log(v + _xm[i]);
        }
        return sum;
    }
}
