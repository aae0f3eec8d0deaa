using MathNet.Numerics.Distributions;

namespace LiveOps.Core.Actions;

/// <summary>
/// One group of an action in its window: customers, buyers (customers with a paid order in the window), the revenue
/// of those orders and the sum of squares of revenue per customer (yuan², non-buyers counting 0) for its variance.
/// </summary>
public sealed record GroupTally(int Customers, int Buyers, decimal Revenue, double RevenueSquares)
{
    public static GroupTally Empty { get; } = new(0, 0, 0m, 0);

    public double Rate => Customers == 0 ? 0 : (double)Buyers / Customers;

    public double RevenuePerCustomer => Customers == 0 ? 0 : (double)Revenue / Customers;

    /// <summary>The sample variance (n − 1) of revenue per customer; null below two customers.</summary>
    public double? RevenueVariance
    {
        get
        {
            if (Customers < 2)
            {
                return null;
            }
            var sum = (double)Revenue;
            return Math.Max(0, (RevenueSquares - sum * sum / Customers) / (Customers - 1));
        }
    }

    public GroupTally Add(GroupTally other) =>
        new(Customers + other.Customers, Buyers + other.Buyers, Revenue + other.Revenue, RevenueSquares + other.RevenueSquares);
}

/// <summary>What the contacted group did beyond the holdout (contract §7). Null where a figure is undefined on the data.</summary>
public sealed record GroupComparison(
    double Difference,
    double[] Ci95,
    double? Z,
    double? PValue,
    double RevenueDifference,
    double[]? RevenueCi95,
    double IncrementalBuyers,
    double IncrementalRevenue);

/// <summary>The statistics of an action: contacted (1) against holdout (0).</summary>
public static class ActionStatistics
{
    /// <summary>The two-sided 95% normal quantile the contract fixes.</summary>
    public const double Z95 = 1.959964;

    /// <summary>
    /// difference = p₁ − p₀ with the unpooled Wald interval ± 1.959964 × √(p₁(1−p₁)/n₁ + p₀(1−p₀)/n₀);
    /// z = (p₁ − p₀) / √(p(1−p)(1/n₁ + 1/n₀)) with the pooled p = (b₁ + b₀)/(n₁ + n₀) (null when p is 0 or 1);
    /// pValue = 2 Φ(−|z|); revenueDifference = r₁ − r₀ (revenue per customer) with the Welch interval
    /// ± 1.959964 × √(s₁²/n₁ + s₀²/n₀) over sample variances (null below two customers in a group);
    /// incremental buyers and revenue are the differences times the contacted customers.
    /// </summary>
    public static GroupComparison Compare(GroupTally contacted, GroupTally holdout)
    {
        var (n1, n0) = ((double)contacted.Customers, (double)holdout.Customers);
        var (p1, p0) = (contacted.Rate, holdout.Rate);
        var difference = p1 - p0;
        var se = n1 > 0 && n0 > 0 ? Math.Sqrt(p1 * (1 - p1) / n1 + p0 * (1 - p0) / n0) : double.NaN;
        double[] ci = double.IsNaN(se) ? [difference, difference] : [difference - Z95 * se, difference + Z95 * se];

        double? z = null, pValue = null;
        if (n1 > 0 && n0 > 0)
        {
            var pooled = (contacted.Buyers + holdout.Buyers) / (n1 + n0);
            var pooledSe = Math.Sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n0));
            if (pooledSe > 0)
            {
                z = difference / pooledSe;
                pValue = 2 * Normal.CDF(0, 1, -Math.Abs(z.Value));
            }
        }

        var revenueDifference = contacted.RevenuePerCustomer - holdout.RevenuePerCustomer;
        double[]? revenueCi = null;
        if (contacted.RevenueVariance is { } s1 && holdout.RevenueVariance is { } s0)
        {
            var revenueSe = Math.Sqrt(s1 / n1 + s0 / n0);
            revenueCi = [revenueDifference - Z95 * revenueSe, revenueDifference + Z95 * revenueSe];
        }
        return new GroupComparison(difference, ci, z, pValue, revenueDifference, revenueCi,
            difference * contacted.Customers, revenueDifference * contacted.Customers);
    }

    /// <summary>
    /// The minimum detectable difference in buying rate for a list of <paramref name="contacted"/> + <paramref name="holdout"/>
    /// customers whose rate without the action is <paramref name="baselineRate"/>: the smallest true lift that a two-sided
    /// test at α = 0.05 finds with power 0.8,
    /// MDE = (z₁₋α/₂ + z_power) × √(p(1−p)(1/n₁ + 1/n₀)) = 2.8016 × √(p(1−p)(1/n₁ + 1/n₀)).
    /// Null when a group is empty or p is 0 or 1 (no spread to measure against).
    /// </summary>
    public static double? MinimumDetectableDifference(int contacted, int holdout, double baselineRate, double alpha = 0.05, double power = 0.8)
    {
        if (contacted <= 0 || holdout <= 0 || baselineRate <= 0 || baselineRate >= 1)
        {
            return null;
        }
        var multiplier = Normal.InvCDF(0, 1, 1 - alpha / 2) + Normal.InvCDF(0, 1, power);
        return multiplier * Math.Sqrt(baselineRate * (1 - baselineRate) * (1.0 / contacted + 1.0 / holdout));
    }
}

/// <summary>The verdict rule of the results page.</summary>
public static class ActionVerdicts
{
    /// <summary>
    /// <see cref="ActionVerdict.Significant"/> when the 95% interval of the difference is above zero; otherwise
    /// <see cref="ActionVerdict.SampleTooSmall"/> when no one in either group bought or the interval's half-width is at
    /// least the holdout's rate (a doubling of the rate without the action could not be told from none); otherwise
    /// <see cref="ActionVerdict.NoLift"/>.
    /// </summary>
    public static ActionVerdict Of(GroupComparison comparison, GroupTally contacted, GroupTally holdout)
    {
        if (comparison.Ci95[0] > 0)
        {
            return ActionVerdict.Significant;
        }
        var halfWidth = (comparison.Ci95[1] - comparison.Ci95[0]) / 2;
        return contacted.Buyers + holdout.Buyers == 0 || halfWidth >= holdout.Rate
            ? ActionVerdict.SampleTooSmall
            : ActionVerdict.NoLift;
    }
}
