using LiveOps.Core.Campaigns;

namespace LiveOps.Core.Store;

/// <summary>
/// The column stores every analytic reads (<see cref="PaidOrderStore"/>, <see cref="FunnelEventStore"/>), brought up to
/// date in one call: writers call it after they commit (the command line's import and demo data, the dashboard after
/// any change), so the next report finds them current — in this process in memory, in the next one in their files.
/// </summary>
public sealed class ColumnStores(PaidOrderStore paidOrders, FunnelEventStore funnelEvents)
{
    public async Task RefreshAsync(CancellationToken ct = default)
    {
        var snapshot = await paidOrders.GetAsync(ct);
        await funnelEvents.GetAsync(snapshot, ct);
    }
}
