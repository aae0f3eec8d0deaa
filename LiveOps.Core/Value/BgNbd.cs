using MathNet.Numerics;

namespace LiveOps.Core.Value;

/// <summary>BG/NBD parameters: purchase rates ~ Gamma(r, α) (α in the time unit of the data), dropout ~ Beta(a, b).</summary>
public sealed record BgNbdParameters(double R, double Alpha, double A, double B);

/// <summary>
/// Customers as the BG/NBD sees them: repeat count x, time of the last repeat t_x and age T (any one time unit),
/// customers with the same triple folded into one row with a count, so the likelihood has one term per row.
/// </summary>
public sealed class RepeatGroups
{
    public RepeatGroups(int[] x, double[] tx, double[] t, int[] count)
    {
        X = x;
        Tx = tx;
        T = t;
        Count = count;
    }

    public int[] X { get; }

    public double[] Tx { get; }

    public double[] T { get; }

    public int[] Count { get; }

    public int Length => X.Length;

    public int Customers => Count.Sum();

    public int RepeatCustomers
    {
        get
        {
            var n = 0;
            for (var i = 0; i < X.Length; i++)
            {
                n += X[i] > 0 ? Count[i] : 0;
            }
            return n;
        }
    }

    /// <summary>One row per customer (counts of 1), as a published table lists them.</summary>
    public static RepeatGroups Ungrouped(int[] x, double[] tx, double[] t) => new(x, tx, t, Enumerable.Repeat(1, x.Length).ToArray());
}

/// <summary>
/// The BG/NBD model of Fader, Hardie &amp; Lee (2005), "Counting Your Customers the Easy Way": its log-likelihood
/// (their eq. 6), P(alive) and the expected number of repeat purchases in the next t given (x, t_x, T) (eq. 10).
/// </summary>
public static class BgNbd
{
    /// <summary>Σ over rows of count × ln L(r, α, a, b | x, t_x, T).</summary>
    public static double LogLikelihood(BgNbdParameters p, RepeatGroups groups) => new BgNbdLikelihood(groups).Evaluate(p);

    /// <summary>P(alive | x, t_x, T) = 1 / (1 + δ(x&gt;0) a/(b+x−1) ((α+T)/(α+t_x))^(r+x)).</summary>
    public static double PAlive(BgNbdParameters p, int x, double tx, double t)
    {
        if (x == 0)
        {
            return 1;
        }
        return 1 / (1 + Math.Exp(DeadOdds(p, x, tx, t)));
    }

    /// <summary>
    /// E[Y(h) | x, t_x, T]: the expected number of repeat purchases in the next <paramref name="horizon"/>. The ₂F₁ is
    /// taken through Euler's transformation, which folds ((α+T)/(α+T+h))^(r+x) into (1 − z)^(a−1).
    /// </summary>
    public static double ExpectedPurchases(BgNbdParameters p, int x, double tx, double t, double horizon)
    {
        if (horizon <= 0)
        {
            return 0;
        }
        var (r, alpha, a, b) = (p.R, p.Alpha, p.A, p.B);
        var z = horizon / (alpha + t + horizon);
        var c = a + b + x - 1;
        var f = Hypergeometric.Gauss2F1(a + b - 1 - r, a - 1, c, z);
        var numerator = c / (a - 1) * (1 - Math.Pow(1 - z, a - 1) * f);
        if (x == 0)
        {
            return numerator;
        }
        var odds = DeadOdds(p, x, tx, t);
        return odds > 700 ? 0 : numerator / (1 + Math.Exp(odds));
    }

    /// <summary>ln(a/(b+x−1)) + (r+x) ln((α+T)/(α+t_x)): the log-odds that a customer with x &gt; 0 repeats has dropped out.</summary>
    private static double DeadOdds(BgNbdParameters p, int x, double tx, double t) =>
        Math.Log(p.A / (p.B + x - 1)) + (p.R + x) * (Math.Log(p.Alpha + t) - Math.Log(p.Alpha + tx));
}

/// <summary>
/// The BG/NBD log-likelihood over grouped customers, evaluated many times by the optimiser: the gamma-function terms
/// depend on x alone and the logarithms on T or t_x alone, so each is computed once per distinct value per evaluation
/// and a row costs a few multiplications, one exp and one log.
/// </summary>
internal sealed class BgNbdLikelihood
{
    private readonly RepeatGroups _groups;
    private readonly int[] _xValues;
    private readonly int[] _xIndex;
    private readonly double[] _tValues;
    private readonly int[] _tIndex;
    private readonly double[] _txValues;
    private readonly int[] _txIndex;
    private readonly double[] _a1;
    private readonly double[] _a4;
    private readonly double[] _lnT;
    private readonly double[] _lnTx;

    public BgNbdLikelihood(RepeatGroups groups)
    {
        _groups = groups;
        (_xValues, _xIndex) = Distinct(groups.X);
        (_tValues, _tIndex) = Distinct(groups.T);
        (_txValues, _txIndex) = Distinct(groups.Tx);
        _a1 = new double[_xValues.Length];
        _a4 = new double[_xValues.Length];
        _lnT = new double[_tValues.Length];
        _lnTx = new double[_txValues.Length];
    }

    public double Evaluate(BgNbdParameters p)
    {
        var (r, alpha, a, b) = (p.R, p.Alpha, p.A, p.B);
        var lnAlpha = Math.Log(alpha);
        var lnGammaR = SpecialFunctions.GammaLn(r);
        var lnBetaAb = SpecialFunctions.GammaLn(a + b) - SpecialFunctions.GammaLn(b);
        for (var k = 0; k < _xValues.Length; k++)
        {
            var x = _xValues[k];
            // A1 + A2 of the paper: ln Γ(r+x) − ln Γ(r) + r ln α + ln Γ(a+b) + ln Γ(b+x) − ln Γ(b) − ln Γ(a+b+x).
            _a1[k] = SpecialFunctions.GammaLn(r + x) - lnGammaR + r * lnAlpha
                + lnBetaAb + SpecialFunctions.GammaLn(b + x) - SpecialFunctions.GammaLn(a + b + x);
            _a4[k] = x > 0 ? Math.Log(a) - Math.Log(b + x - 1) : 0;
        }
        for (var j = 0; j < _tValues.Length; j++)
        {
            _lnT[j] = Math.Log(alpha + _tValues[j]);
        }
        for (var j = 0; j < _txValues.Length; j++)
        {
            _lnTx[j] = Math.Log(alpha + _txValues[j]);
        }
        var sum = 0.0;
        var count = _groups.Count;
        for (var i = 0; i < count.Length; i++)
        {
            var k = _xIndex[i];
            var x = _xValues[k];
            var a3 = -(r + x) * _lnT[_tIndex[i]];
            double term;
            if (x == 0)
            {
                term = a3;
            }
            else
            {
                var a4 = _a4[k] - (r + x) * _lnTx[_txIndex[i]];
                // ln(e^A3 + e^A4) without overflow.
                term = a3 > a4 ? a3 + Math.Log(1 + Math.Exp(a4 - a3)) : a4 + Math.Log(1 + Math.Exp(a3 - a4));
            }
            sum += count[i] * (_a1[k] + term);
        }
        return sum;
    }

    private static (T[] Values, int[] Index) Distinct<T>(T[] column) where T : notnull
    {
        var positions = new Dictionary<T, int>();
        var index = new int[column.Length];
        var values = new List<T>();
        for (var i = 0; i < column.Length; i++)
        {
            if (!positions.TryGetValue(column[i], out var at))
            {
                at = values.Count;
                values.Add(column[i]);
                positions.Add(column[i], at);
            }
            index[i] = at;
        }
        return ([.. values], index);
    }
}
