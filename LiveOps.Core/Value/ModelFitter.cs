using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace LiveOps.Core.Value;

/// <summary>Why a model was not fitted; the text of <see cref="ModelFit{T}.Reason"/> says the same in words.</summary>
public enum ModelGap
{
    None,
    TooFewCustomers,
    TooFewRepeatCustomers,
    ShortHistory,
    NoPositiveSpend,
    NotConverged,
    Degenerate,
}

/// <summary>A fitted model with its log-likelihood and the optimiser's iterations, or why there is none.</summary>
public sealed record ModelFit<T>(T? Parameters, double LogLikelihood, int Iterations, ModelGap Gap, string? Reason) where T : class
{
    public static ModelFit<T> Missing(ModelGap gap, string reason) => new(null, double.NaN, 0, gap, reason);
}

/// <summary>
/// Maximum-likelihood fits of <see cref="BgNbd"/> and <see cref="GammaGamma"/> with MathNet's Nelder-Mead simplex over
/// the logarithms of the parameters (so every step stays positive), restarted once from its own answer because a
/// simplex can stall on a ridge before the optimum.
/// </summary>
public static class ModelFitter
{
    /// <summary>Below these counts a fit is noise, and the page says "not enough data" instead.</summary>
    public const int MinCustomers = 30;

    public const int MinRepeatCustomers = 10;

    private const double Tolerance = 1e-11;
    private const int MaxIterations = 5_000;

    /// <summary>Parameters outside this range mean the likelihood ran off to a boundary (no real optimum).</summary>
    private const double Bound = 1e7;

    public static ModelFit<BgNbdParameters> FitBgNbd(RepeatGroups groups, double minHistory = 0)
    {
        var customers = groups.Customers;
        if (customers < MinCustomers)
        {
            return ModelFit<BgNbdParameters>.Missing(ModelGap.TooFewCustomers, $"{customers} customers with a paid order; the model needs at least {MinCustomers}");
        }
        var repeaters = groups.RepeatCustomers;
        if (repeaters < MinRepeatCustomers)
        {
            return ModelFit<BgNbdParameters>.Missing(ModelGap.TooFewRepeatCustomers, $"{repeaters} customers bought again; the model needs at least {MinRepeatCustomers}");
        }
        var longest = groups.T.Max();
        if (longest < minHistory)
        {
            return ModelFit<BgNbdParameters>.Missing(ModelGap.ShortHistory, $"the history covers {longest} days; the model needs at least {minHistory}");
        }
        var likelihood = new BgNbdLikelihood(groups);
        var meanT = 0.0;
        for (var i = 0; i < groups.Length; i++)
        {
            meanT += groups.T[i] * groups.Count[i];
        }
        meanT = Math.Max(1, meanT / customers);
        double Objective(Vector<double> theta)
        {
            var value = -likelihood.Evaluate(new BgNbdParameters(Math.Exp(theta[0]), Math.Exp(theta[1]), Math.Exp(theta[2]), Math.Exp(theta[3]))) / customers;
            return double.IsFinite(value) ? value : double.MaxValue;
        }
        var outcome = Minimise(Objective, [0, Math.Log(meanT), 0, 0]);
        if (outcome.Point is not { } point)
        {
            return ModelFit<BgNbdParameters>.Missing(ModelGap.NotConverged, outcome.Problem!);
        }
        var parameters = new BgNbdParameters(Math.Exp(point[0]), Math.Exp(point[1]), Math.Exp(point[2]), Math.Exp(point[3]));
        if (!InRange(point))
        {
            return ModelFit<BgNbdParameters>.Missing(ModelGap.Degenerate, $"the purchase model has no interior optimum on these data (r = {parameters.R:G4}, α = {parameters.Alpha:G4}, a = {parameters.A:G4}, b = {parameters.B:G4})");
        }
        return new ModelFit<BgNbdParameters>(parameters, likelihood.Evaluate(parameters), outcome.Iterations, ModelGap.None, null);
    }

    /// <summary>Fits spend over the customers with x &gt; 0 and a positive mean spend m.</summary>
    public static ModelFit<GammaGammaParameters> FitGammaGamma(int[] x, double[] m)
    {
        var keep = Enumerable.Range(0, x.Length).Where(i => x[i] > 0 && m[i] > 0).ToArray();
        if (keep.Length < MinRepeatCustomers)
        {
            return ModelFit<GammaGammaParameters>.Missing(ModelGap.TooFewRepeatCustomers, $"{keep.Length} customers bought again with a positive amount; the spend model needs at least {MinRepeatCustomers}");
        }
        var xs = keep.Select(i => x[i]).ToArray();
        var ms = keep.Select(i => m[i]).ToArray();
        var likelihood = new GammaGammaLikelihood(xs, ms);
        double Objective(Vector<double> theta)
        {
            var value = -likelihood.Evaluate(new GammaGammaParameters(Math.Exp(theta[0]), Math.Exp(theta[1]), Math.Exp(theta[2]))) / xs.Length;
            return double.IsFinite(value) ? value : double.MaxValue;
        }
        var outcome = Minimise(Objective, [0, 0, Math.Log(ms.Average())]);
        if (outcome.Point is not { } point)
        {
            return ModelFit<GammaGammaParameters>.Missing(ModelGap.NotConverged, outcome.Problem!);
        }
        var parameters = new GammaGammaParameters(Math.Exp(point[0]), Math.Exp(point[1]), Math.Exp(point[2]));
        if (!InRange(point) || parameters.Q <= 1)
        {
            return ModelFit<GammaGammaParameters>.Missing(ModelGap.Degenerate, $"the spend model has no usable optimum on these data (p = {parameters.P:G4}, q = {parameters.Q:G4}, v = {parameters.V:G4}; q must exceed 1 for a finite mean spend)");
        }
        return new ModelFit<GammaGammaParameters>(parameters, likelihood.Evaluate(parameters), outcome.Iterations, ModelGap.None, null);
    }

    private sealed record Minimum(double[]? Point, int Iterations, string? Problem);

    private static Minimum Minimise(Func<Vector<double>, double> objective, double[] start)
    {
        var simplex = new NelderMeadSimplex(Tolerance, MaxIterations);
        var function = ObjectiveFunction.Value(objective);
        var iterations = 0;
        var point = Vector<double>.Build.DenseOfArray(start);
        try
        {
            // Restart from the answer until a restart no longer moves the value: a simplex that has collapsed onto a
            // ridge moves again from a fresh one.
            var previous = double.PositiveInfinity;
            for (var round = 0; round < 4; round++)
            {
                var result = simplex.FindMinimum(function, point, Vector<double>.Build.Dense(start.Length, 0.5));
                iterations += result.Iterations;
                point = result.MinimizingPoint;
                var value = result.FunctionInfoAtMinimum.Value;
                if (Math.Abs(previous - value) <= 1e-10 * Math.Max(1, Math.Abs(value)))
                {
                    break;
                }
                previous = value;
            }
        }
        catch (MaximumIterationsException)
        {
            return new Minimum(null, iterations, $"the fit did not converge within {MaxIterations} iterations");
        }
        catch (ArgumentException e)
        {
            return new Minimum(null, iterations, $"the fit failed: {e.Message}");
        }
        var values = point.ToArray();
        return values.All(double.IsFinite) && objective(point) < double.MaxValue
            ? new Minimum(values, iterations, null)
            : new Minimum(null, iterations, "the fit ended on a point where the likelihood is not finite");
    }

    private static bool InRange(double[] logs) => logs.All(v => Math.Abs(v) < Math.Log(Bound));

}
