using LiveOps.Core;
using LiveOps.Core.Store;
using LiveOps.Core.Campaigns;
using LiveOps.Core.Common;
using LiveOps.Core.Data;
using LiveOps.Core.Import;
using LiveOps.Dashboard;
using LiveOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveOps.Tests.Dashboard.Shell;

/// <summary>The dashboard keeps the column stores current in the background: at start and after every write it sees.</summary>
public sealed class ColumnStoreWarmerTests : IAsyncLifetime
{
    private const string Header = "订单号,买家ID,下单时间,实付金额,status,channel,campaign_id,live_session_id\n";

    private readonly TestDatabase _db = new();
    private ColumnStoreWarmer _warmer = null!;

    public async Task InitializeAsync()
    {
        await _db.Get<DemoDataSeeder>().SeedAsync(new DemoDataOptions { Customers = 300, Seed = 9 });
        _warmer = new ColumnStoreWarmer(_db.Get<SnapshotStore>(), _db.Get<CampaignService>(), _db.Get<DataVersion>(), NullLogger<ColumnStoreWarmer>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _warmer.StopAsync(CancellationToken.None);
        _warmer.Dispose();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task AtStart_AndAfterAnImport_TheStoresAreLoadedBeforeAnyRequest_AndTheirFilesFollow()
    {
        var store = _db.Get<SnapshotStore>();
        Assert.Null(store.Held);
        var first = RefreshWhere(() => store.Held is not null);
        await _warmer.StartAsync(CancellationToken.None);
        await first.WaitAsync(TimeSpan.FromSeconds(60));

        var loaded = store.Held!;
        Assert.True(loaded.OrderCount > 100, $"{loaded.OrderCount} paid orders");
        Assert.True(File.Exists(_db.Path + ".paid-orders.cache"));
        Assert.True(File.Exists(_db.Path + ".funnel-events.cache"));

        // No request reads the store from here on: only the warmer can load the imported order.
        var second = RefreshWhere(() => store.Held?.CustomerIds.Contains("warm-buyer") == true);
        var csv = _db.WriteFile("more.csv", Header + "W1,warm-buyer,2026-11-20 20:31:00,88.00,paid,live_room,,\n");
        Assert.True((await _db.Get<IImportService>().ImportFileAsync(ImportKind.Orders, csv)).Succeeded);
        await second.WaitAsync(TimeSpan.FromSeconds(60));

        var refreshed = store.Held!;
        Assert.Equal(loaded.OrderCount + 1, refreshed.OrderCount);
        Assert.Equal(refreshed.Stamp, await StampInTheFileAsync());
    }

    /// <summary>Completes after the first background refresh that leaves <paramref name="condition"/> true.</summary>
    private Task RefreshWhere(Func<bool> condition)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnRefreshed()
        {
            if (condition())
            {
                _warmer.Refreshed -= OnRefreshed;
                done.TrySetResult();
            }
        }
        _warmer.Refreshed += OnRefreshed;
        return done.Task;
    }

    /// <summary>The stamp a new process finds in the file next to the database.</summary>
    private async Task<LiveOps.Core.Store.ChangeStamp?> StampInTheFileAsync()
    {
        await using var process = _db.NewProcess();
        var snapshot = await process.GetRequiredService<SnapshotStore>().GetAsync();
        Assert.True(snapshot.FromFile);
        return snapshot.Stamp;
    }
}
