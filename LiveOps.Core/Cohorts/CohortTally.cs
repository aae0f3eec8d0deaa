namespace LiveOps.Core.Cohorts;

/// <summary>
/// Raw sums of one scan over the paid orders, independent of mode and metric: <see cref="CohortShape"/> turns them
/// into the report. Rows are indexed <c>group × CohortCount + cohort</c> and allocated only when someone is in them.
/// </summary>
internal sealed class CohortTally(int firstCohort, int cohortCount, int columns, string[] groupKeys)
{
    /// <summary>Ordinal of the first cohort period (row index 0).</summary>
    public int FirstCohort { get; } = firstCohort;

    public int CohortCount { get; } = cohortCount;

    /// <summary>Offsets 0..Columns-1: from the first cohort through the last period.</summary>
    public int Columns { get; } = columns;

    public string[] GroupKeys { get; } = groupKeys;

    public RowTally?[] Rows { get; } = new RowTally?[groupKeys.Length * cohortCount];

    /// <summary>LTV window sums over all groups, per cohort (30, 90, 180 days).</summary>
    public long[][] LtvUnits { get; } = [new long[cohortCount], new long[cohortCount], new long[cohortCount]];

    public int[] CohortSizes { get; } = new int[cohortCount];

    public int Customers { get; set; }

    public long Orders { get; set; }

    public int Repeaters { get; set; }

    public long FirstOrderUnits { get; set; }

    public long RepeatOrderUnits { get; set; }

    public long RepeatOrders { get; set; }

    /// <summary>Milliseconds from first to second order, one per customer with a second counted order.</summary>
    public List<long> SecondOrderGaps { get; } = [];

    public RowTally Row(int group, int cohort) =>
        Rows[group * CohortCount + cohort] ??= new RowTally(Columns - cohort);
}

/// <summary>Sums for one (group, cohort) row; arrays run over offsets 0..(last period − cohort).</summary>
internal sealed class RowTally(int columns)
{
    public int Size;
    public readonly long[] Active = new long[columns];

    /// <summary>Customers whose last counted order falls at offset k (suffix sums give "in or after k").</summary>
    public readonly long[] LastActive = new long[columns];

    public readonly long[] Orders = new long[columns];
    public readonly long[] RevenueUnits = new long[columns];
    public readonly long[] LtvUnits = new long[3];
}
