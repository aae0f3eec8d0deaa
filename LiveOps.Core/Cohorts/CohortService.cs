using LiveOps.Core.Store;
using LiveOps.Core.Common;

namespace LiveOps.Core.Cohorts;

/// <summary>The cohort analytics the page, the command line and the exports call.</summary>
public interface ICohortService
{
    Task<CohortReport> RunAsync(CohortQuery query, CancellationToken ct = default);

    Task<CohortCustomersPage> CustomersAsync(CohortCellQuery query, CancellationToken ct = default);
}

/// <summary>
/// Repurchase cohorts (contract §4 <c>report cohorts</c>) and the options beyond it, computed by one linear scan
/// of the <see cref="SnapshotStore"/> snapshot.
/// </summary>
public sealed class CohortService(ReportCache cache, SnapshotStore store, ZoneClock clock) : ICohortService
{
    /// <summary>The report, computed once per query and data version and shared (<see cref="ReportCache"/>).</summary>
    public Task<CohortReport> RunAsync(CohortQuery query, CancellationToken ct = default) =>
        cache.GetOrComputeAsync("cohorts", query, c => ComputeAsync(query, c), ct);

    private async Task<CohortReport> ComputeAsync(CohortQuery query, CancellationToken ct)
    {
        var data = await store.GetAsync(ct);
        var tally = CohortScan.Run(data, query);
        return tally is null
            ? CohortReport.Empty(query, clock.ZoneId)
            : CohortShape.Shape(tally, query, clock, Horizon(query));
    }

    public async Task<CohortCustomersPage> CustomersAsync(CohortCellQuery query, CancellationToken ct = default)
    {
        var data = await store.GetAsync(ct);
        return CohortCustomers.Find(data, query);
    }

    private DateTimeOffset Horizon(CohortQuery query)
    {
        var now = clock.UtcNow;
        return query.To is { } to && to < now ? to : now;
    }
}
