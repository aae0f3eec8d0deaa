namespace LiveOps.Core.LiveSessions;

/// <summary>
/// One live session with what it brought: paid orders and GMV carrying its id, distinct buyers, new buyers
/// (whose first paid order ever carries its id), private-domain joins attributed to it and the join rate
/// (see <see cref="LiveSessionRules"/>). <see cref="AttributionEnd"/> is the end the join window counts from.
/// </summary>
public sealed record LiveSessionRow(
    string LiveSessionId,
    string? Title,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    DateTimeOffset AttributionEnd,
    int? Viewers,
    int? PeakConcurrent,
    double? AvgWatchSeconds,
    long Orders,
    decimal Gmv,
    long Buyers,
    int NewBuyers,
    int Joins,
    double? JoinRate);

/// <summary>The shop's own yardsticks: median and top quartile of each measure across the reported sessions.</summary>
public sealed record LiveSessionBenchmarks(
    Benchmark Viewers,
    Benchmark AvgWatchSeconds,
    Benchmark Gmv,
    Benchmark NewBuyers,
    Benchmark Joins,
    Benchmark JoinRate);

/// <summary>Sessions newest first, and the benchmarks computed over them.</summary>
public sealed record LiveSessionReport(IReadOnlyList<LiveSessionRow> Sessions, LiveSessionBenchmarks Benchmarks)
{
    public LiveSessionRow? Find(string liveSessionId) => Sessions.FirstOrDefault(s => s.LiveSessionId == liveSessionId);
}
