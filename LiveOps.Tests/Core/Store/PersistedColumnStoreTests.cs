using LiveOps.Core;
using LiveOps.Core.Store;
using LiveOps.Core.Campaigns;
using LiveOps.Core.Common;
using LiveOps.Core.Data;
using LiveOps.Core.Import;
using LiveOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LiveOps.Tests.Core.Store;

/// <summary>
/// The column stores persisted next to a SQLite file: a new process (here: a new service provider on the same file)
/// reads them from the file while the database is unchanged, and from the tables as soon as anyone has written to them.
/// </summary>
public sealed class PersistedColumnStoreTests : IAsyncLifetime
{
    private const string Header = "订单号,买家ID,下单时间,实付金额,status,channel,campaign_id,live_session_id\n";

    private readonly TestDatabase _db = new();
    private readonly List<ServiceProvider> _processes = [];

    private string PaidOrdersFile => _db.Path + ".paid-orders.cache";

    private string FunnelEventsFile => _db.Path + ".funnel-events.cache";

    public async Task InitializeAsync() =>
        await _db.Get<DemoDataSeeder>().SeedAsync(new DemoDataOptions { Customers = 400, Seed = 5 });

    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task ANewProcess_ReadsTheStoresFromTheirFiles_AndGetsTheSameColumns()
    {
        var first = NewProcess();
        var built = await first.GetRequiredService<SnapshotStore>().GetAsync();
        var builtEvents = await built.EventsAsync();
        Assert.False(built.FromFile);
        Assert.False(builtEvents.FromFile);
        Assert.True(File.Exists(PaidOrdersFile));
        Assert.True(File.Exists(FunnelEventsFile));

        var second = NewProcess();
        var read = await second.GetRequiredService<SnapshotStore>().GetAsync();
        var readEvents = await read.EventsAsync();

        Assert.True(read.FromFile);
        Assert.True(readEvents.FromFile);
        Assert.True(built.OrderCount > 1_000, $"the demo shop has {built.OrderCount} paid orders");
        Assert.Equal(built.CustomerIds, read.CustomerIds);
        Assert.Equal(built.Nicknames, read.Nicknames);
        Assert.Equal(built.AcquisitionChannels, read.AcquisitionChannels);
        Assert.Equal(built.JoinedPrivateMs, read.JoinedPrivateMs);
        Assert.Equal(built.OrderStart, read.OrderStart);
        Assert.Equal(built.PlacedAtMs, read.PlacedAtMs);
        Assert.Equal(built.AmountUnits, read.AmountUnits);
        Assert.Equal(built.Channels, read.Channels);
        Assert.Equal(built.Campaigns, read.Campaigns);
        Assert.Equal(built.CampaignIds, read.CampaignIds);
        Assert.Equal(built.LiveSessions, read.LiveSessions);
        Assert.Equal(built.LiveSessionIds, read.LiveSessionIds);
        Assert.Equal(built.Stamp, read.Stamp);
        var someKey = (long)built.KeyIndex.Length - 1;
        Assert.Equal(built.IndexOfKey(someKey), read.IndexOfKey(someKey));
        Assert.Equal(builtEvents.Start, readEvents.Start);
        Assert.Equal(builtEvents.AtMs, readEvents.AtMs);
        Assert.Equal(builtEvents.Campaigns, readEvents.Campaigns);
        Assert.Equal(builtEvents.Stages, readEvents.Stages);
        Assert.Equal(builtEvents.CampaignIds, readEvents.CampaignIds);
    }

    [Fact]
    public async Task AnImportByAnotherProcess_MovesTheCounterOnce_AndTheNextProcessReadsTheTables()
    {
        var before = await NewProcess().GetRequiredService<SnapshotStore>().GetAsync();
        var counter = ChangeCounter();

        var csv = _db.WriteFile("more.csv", Header + "X1,new-buyer,2026-11-20 20:31:00,129.90,paid,live_room,,\nX2,new-buyer,2026-11-21 10:00:00,59.00,paid,live_room,,\n");
        var result = await NewProcess().GetRequiredService<IImportService>().ImportFileAsync(ImportKind.Orders, csv);

        Assert.True(result.Succeeded);
        Assert.Equal(counter + 1, ChangeCounter());
        Assert.Equal(9, ChangeTriggers());
        var after = await NewProcess().GetRequiredService<SnapshotStore>().GetAsync();
        Assert.False(after.FromFile);
        Assert.Equal(before.OrderCount + 2, after.OrderCount);
        Assert.Equal(before.CustomerCount + 1, after.CustomerCount);
        Assert.True((await NewProcess().GetRequiredService<SnapshotStore>().GetAsync()).FromFile);
    }

    [Fact]
    public async Task ARejectedImport_LeavesTheCounterAndTheTriggersAsTheyWere()
    {
        var counter = ChangeCounter();
        var csv = _db.WriteFile("bad.csv", Header + "X1,new-buyer,not a time,129.90,paid,live_room,,\n");

        var result = await NewProcess().GetRequiredService<IImportService>().ImportFileAsync(ImportKind.Orders, csv);

        Assert.False(result.Succeeded);
        Assert.Equal(counter, ChangeCounter());
        Assert.Equal(9, ChangeTriggers());
    }

    [Fact]
    public async Task AWriteByAnotherTool_MakesTheFileStale()
    {
        var before = await NewProcess().GetRequiredService<SnapshotStore>().GetAsync();
        var counter = ChangeCounter();

        // A refund written straight into the file, as a database tool would: the triggers count it.
        var refunded = Execute("UPDATE orders SET \"Status\" = 1 WHERE \"Id\" IN (SELECT \"Id\" FROM orders WHERE \"Status\" = 0 ORDER BY \"Id\" LIMIT 3)");

        Assert.Equal(3, refunded);
        Assert.Equal(counter + 3, ChangeCounter());
        var after = await NewProcess().GetRequiredService<SnapshotStore>().GetAsync();
        Assert.False(after.FromFile);
        Assert.Equal(before.OrderCount - 3, after.OrderCount);
    }

    [Fact]
    public async Task ADamagedFile_IsIgnored_AndWrittenAfresh()
    {
        var built = await NewProcess().GetRequiredService<SnapshotStore>().GetAsync();
        var bytes = await File.ReadAllBytesAsync(PaidOrdersFile);
        await File.WriteAllBytesAsync(PaidOrdersFile, bytes[..(bytes.Length / 2)]);

        var reread = await NewProcess().GetRequiredService<SnapshotStore>().GetAsync();

        Assert.False(reread.FromFile);
        Assert.Equal(built.AmountUnits, reread.AmountUnits);
        Assert.Equal(bytes.Length, new FileInfo(PaidOrdersFile).Length);
        Assert.True((await NewProcess().GetRequiredService<SnapshotStore>().GetAsync()).FromFile);
    }

    [Fact]
    public async Task OneFlippedByteInAColumnOfAmounts_IsCaughtByTheChecksum_TheNumbersStayRight_AndTheFileIsRebuilt()
    {
        var built = await NewProcess().GetRequiredService<SnapshotStore>().GetAsync();
        var original = await File.ReadAllBytesAsync(PaidOrdersFile);
        // The amounts column as stored: flip one bit of one order's amount, a change of the right shape and length.
        var amounts = System.Runtime.InteropServices.MemoryMarshal.AsBytes(built.AmountUnits.AsSpan()).ToArray();
        var at = original.AsSpan().IndexOf(amounts);
        Assert.True(at > 0, "the amounts are stored as they are in memory");
        var damaged = original.ToArray();
        damaged[at + 8 * 10 + 2] ^= 0x10;
        await File.WriteAllBytesAsync(PaidOrdersFile, damaged);

        var reread = await NewProcess().GetRequiredService<SnapshotStore>().GetAsync();

        Assert.False(reread.FromFile);
        Assert.Equal(built.AmountUnits, reread.AmountUnits);
        Assert.Equal(built.AmountUnits.Sum(), reread.AmountUnits.Sum());
        Assert.Equal(original, await File.ReadAllBytesAsync(PaidOrdersFile));
        Assert.True((await NewProcess().GetRequiredService<SnapshotStore>().GetAsync()).FromFile);
    }

    [Fact]
    public async Task TheCommandLineImport_LeavesCurrentFilesForTheNextCommand()
    {
        File.Delete(PaidOrdersFile);
        File.Delete(FunnelEventsFile);
        var csv = _db.WriteFile("one.csv", Header + "X9,u-cli,2026-11-20 20:31:00,10.00,paid,live_room,,\n");

        var import = await _db.CliAsync("import", "orders", csv);

        Assert.Equal(0, import.ExitCode);
        var next = await NewProcess().GetRequiredService<SnapshotStore>().GetAsync();
        Assert.True(next.FromFile);
        Assert.Contains("u-cli", next.CustomerIds);
        Assert.True((await next.EventsAsync()).FromFile);
    }

    private ServiceProvider NewProcess()
    {
        var process = _db.NewProcess();
        _processes.Add(process);
        return process;
    }

    private long ChangeCounter() => Convert.ToInt64(Scalar("SELECT version FROM data_changes WHERE id = 1"));

    private long ChangeTriggers() => Convert.ToInt64(Scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'liveops_changed_%'"));

    private object? Scalar(string sql)
    {
        using var connection = _db.OpenConnectionAsync().GetAwaiter().GetResult();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private int Execute(string sql)
    {
        using var connection = _db.OpenConnectionAsync().GetAwaiter().GetResult();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }
}
