using System.Threading.Channels;
using LiveOps.Core.Store;
using LiveOps.Core.Campaigns;
using LiveOps.Core.Common;

namespace LiveOps.Dashboard;

/// <summary>
/// Keeps the column stores (and the campaigns pass) current in the background: once at start and again after every change the dashboard sees
/// (its own imports, or another process's, noticed on the next read of <see cref="DataVersion"/>), so an operator's
/// first page after an import or a restart does not wait for a million orders to be read.
/// </summary>
/// <remarks>
/// Changes that arrive while a refresh runs are folded into one more refresh. A request that needs the stores while
/// a refresh runs waits for that same load instead of starting its own (the stores load under one gate).
/// </remarks>
public sealed class ColumnStoreWarmer(SnapshotStore stores, CampaignService campaigns, DataVersion version, ILogger<ColumnStoreWarmer> logger) : BackgroundService
{
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: SQLite reads complete synchronously, and the host waits for the first await.
        await Task.Yield();
        version.Changed += OnChanged;
        try
        {
            _changes.Writer.TryWrite(true);
            while (await _changes.Reader.WaitToReadAsync(stoppingToken))
            {
                _changes.Reader.TryRead(out _);
                try
                {
                    await stores.RefreshAsync(stoppingToken);
                    // The campaigns page's pass over all orders and funnel events, kept for its next requests.
                    await campaigns.RunAsync(new CampaignQuery(), stoppingToken);
                    Refreshed?.Invoke();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The next request loads the stores itself and reports what is wrong; nothing is lost here.
                    logger.LogWarning("Column stores not refreshed in the background: {Message}", e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            version.Changed -= OnChanged;
        }
    }

    /// <summary>Raised after each background refresh has finished (for tests and diagnostics).</summary>
    public event Action? Refreshed;

    private void OnChanged() => _changes.Writer.TryWrite(true);
}
