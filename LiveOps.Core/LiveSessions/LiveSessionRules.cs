namespace LiveOps.Core.LiveSessions;

/// <summary>
/// The attribution rules of live sessions, as pure functions over instants in UTC milliseconds.
/// </summary>
/// <remarks>
/// A private-domain join is attributed to a session when the customer's first paid order ever carries that
/// session's id and the customer joined the private domain (customers.joined_private_at) from the session's
/// start up to and including two hours after its end. A session without ended_at is taken to end three hours
/// after it started, a typical broadcast length, so its join window is still bounded.
/// The join rate is joins / new buyers: the share of the customers the session brought in who also came
/// into the private domain; it is undefined (null) for a session without new buyers.
/// </remarks>
public static class LiveSessionRules
{
    /// <summary>How long after its end a session still earns a join.</summary>
    public static readonly TimeSpan JoinWindowAfterEnd = TimeSpan.FromHours(2);

    /// <summary>The assumed length of a session whose end is not known.</summary>
    public static readonly TimeSpan AssumedLength = TimeSpan.FromHours(3);

    /// <summary>The session's end: ended_at when known (and not before the start), else start + <see cref="AssumedLength"/>.</summary>
    public static long EndMs(long startedMs, long? endedMs) =>
        endedMs is { } end && end >= startedMs ? end : startedMs + (long)AssumedLength.TotalMilliseconds;

    /// <summary>True when a join at <paramref name="joinedMs"/> falls in [start, end + 2 h] (both ends included).</summary>
    public static bool IsJoinAttributed(long startedMs, long endMs, long? joinedMs) =>
        joinedMs is { } joined && joined >= startedMs && joined <= endMs + (long)JoinWindowAfterEnd.TotalMilliseconds;

    /// <summary>Joins / new buyers; null without new buyers.</summary>
    public static double? JoinRate(int joins, int newBuyers) => newBuyers == 0 ? null : (double)joins / newBuyers;

    /// <summary>
    /// Median and top-quartile threshold (75th percentile) of the values present, by linear interpolation
    /// between closest ranks (the spreadsheet PERCENTILE.INC rule), so a shop of 4 sessions gets stable marks.
    /// </summary>
    public static Benchmark BenchmarkOf(IEnumerable<double?> values)
    {
        var sorted = values.Where(v => v.HasValue).Select(v => v!.Value).Order().ToArray();
        return sorted.Length == 0
            ? new Benchmark(null, null, 0)
            : new Benchmark(Percentile(sorted, 0.5), Percentile(sorted, 0.75), sorted.Length);
    }

    /// <summary>Where a value stands against the shop's own sessions.</summary>
    public static Standing StandingOf(double? value, Benchmark benchmark)
    {
        if (value is not { } v || benchmark.Median is not { } median || benchmark.TopQuartile is not { } top)
        {
            return Standing.NoData;
        }
        return v >= top ? Standing.TopQuartile : v >= median ? Standing.AboveMedian : Standing.BelowMedian;
    }

    private static double Percentile(double[] sorted, double p)
    {
        var rank = p * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }
}

/// <summary>Median and top-quartile threshold over <see cref="Sample"/> sessions that have the value.</summary>
public sealed record Benchmark(double? Median, double? TopQuartile, int Sample);

/// <summary>A session's place among the shop's sessions for one measure.</summary>
public enum Standing
{
    NoData,
    BelowMedian,
    AboveMedian,
    TopQuartile,
}
