using LiveOps.Core.Accounts;
using LiveOps.Core.Import;
using LiveOps.Core.Store;
using LiveOps.Tests.Core.Accounts;
using LiveOps.Tests.Support;
using Microsoft.Data.Sqlite;

namespace LiveOps.Tests.Core.Import;

/// <summary>
/// A real SQLite file whose write lock another connection holds (<c>BEGIN IMMEDIATE</c>), as a long import in another
/// process would: writers that cannot get in say "another import is running", write nothing, and are audited.
/// </summary>
public sealed class BusyDatabaseTests : IAsyncDisposable
{
    public const string Busy = "another import is running; nothing was written. Try again when it has finished";

    private readonly TestDatabase _db = new(configure: o => o.WriteWaitSeconds = 1);

    [Fact]
    public async Task Import_WhileTheWriteLockIsHeld_IsRefusedAsBusy_WritesNothing_AndTheRefusalIsAuditedOnceTheDatabaseIsFree()
    {
        await using (var holder = await WriteLock.HoldAsync(_db.Path))
        {
            var refused = await Assert.ThrowsAsync<ImportBusyException>(() => _db.Get<IImportService>().ImportFileAsync(ImportKind.Customers, ImportTestKit.SamplePath("customers")));

            Assert.Equal(Busy, refused.Message);
            Assert.Equal(1, _db.Get<AuditLog>().Pending);
        }

        Assert.True(await _db.Get<AuditLog>().FlushAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(0, _db.Count("customers"));
        var entry = Assert.Single(await _db.AuditAsync());
        Assert.Equal((AuditAction.Import, AuditOutcome.Rejected, "customers: another import was running, nothing written"), (entry.Action, entry.Outcome, entry.Detail));
    }

    [Fact]
    public async Task TierRulesImport_WhileTheWriteLockIsHeld_IsRefusedAsBusy_AndPublishesNoVersion()
    {
        var before = (await _db.Get<LiveOps.Core.Tiers.TierRuleSetService>().HistoryAsync(CancellationToken.None)).Count;
        await using (await WriteLock.HoldAsync(_db.Path))
        {
            await Assert.ThrowsAsync<ImportBusyException>(() => _db.Get<IImportService>().ImportFileAsync(ImportKind.TierRules, ImportTestKit.SamplePath("tier-rules")));
        }

        Assert.Equal(before, (await _db.Get<LiveOps.Core.Tiers.TierRuleSetService>().HistoryAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task CliImport_WhileTheWriteLockIsHeld_SaysAnotherImportIsRunning_WithoutDatabaseLockedText_AndWritesNothing()
    {
        var settings = new Dictionary<string, string?> { ["LiveOps:WriteWaitSeconds"] = "1" };
        CliResult result;
        await using (await WriteLock.HoldAsync(_db.Path))
        {
            result = await CliRunner.RunAsync(settings, "import", "customers", ImportTestKit.SamplePath("customers"), "--db", _db.Path);
        }

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Equal($"import: {Busy}", result.Error.Split('\n')[0].TrimEnd('\r'));
        Assert.DoesNotContain("locked", result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, _db.Count("customers"));
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();
}

/// <summary>Another connection's <c>BEGIN IMMEDIATE</c> on a SQLite file: its write lock, held until disposed (rolled back).</summary>
public sealed class WriteLock : IAsyncDisposable
{
    private readonly SqliteConnection _connection;

    private WriteLock(SqliteConnection connection) => _connection = connection;

    public static async Task<WriteLock> HoldAsync(string databasePath)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        await begin.ExecuteNonQueryAsync();
        return new WriteLock(connection);
    }

    public async ValueTask DisposeAsync()
    {
        await using (var rollback = _connection.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }
        await _connection.DisposeAsync();
    }
}
