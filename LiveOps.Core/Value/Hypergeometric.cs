namespace LiveOps.Core.Value;

/// <summary>
/// The Gauss hypergeometric function ₂F₁(a, b; c; z) for real parameters and 0 ≤ z &lt; 1, as its power series
/// Σ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ. MathNet's generalized hypergeometric function takes an integer argument, and the
/// BG/NBD conditional expectation needs a real z in [0, 1), where the series converges.
/// </summary>
public static class Hypergeometric
{
    private const int MaxTerms = 200_000;

    /// <summary>The series summed until a term no longer changes the sum; NaN when it does not settle (or z is outside [0, 1)).</summary>
    public static double Gauss2F1(double a, double b, double c, double z)
    {
        if (!(z >= 0 && z < 1) || c <= 0 && c == Math.Floor(c))
        {
            return double.NaN;
        }
        var term = 1.0;
        var sum = 1.0;
        for (var n = 0; n < MaxTerms; n++)
        {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            var next = sum + term;
            // Terms shrink geometrically (ratio → z) once n passes the parameters, so two unchanged sums in a row end it.
            if (next == sum && Math.Abs(term) <= Math.Abs(sum) * 1e-17)
            {
                return next;
            }
            sum = next;
            if (double.IsInfinity(sum) || double.IsNaN(sum))
            {
                return double.NaN;
            }
        }
        return double.NaN;
    }

    /// <summary>
    /// The same function through Euler's transformation ₂F₁(a, b; c; z) = (1 − z)^(c − a − b) ₂F₁(c − a, c − b; c; z):
    /// for the BG/NBD arguments c − a and c − b do not grow with the customer's purchase count, so the series stays short.
    /// </summary>
    public static double Gauss2F1Euler(double a, double b, double c, double z) =>
        Math.Pow(1 - z, c - a - b) * Gauss2F1(c - a, c - b, c, z);
}
