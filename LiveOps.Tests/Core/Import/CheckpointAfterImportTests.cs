using System.Text;
using LiveOps.Core.Import;
using LiveOps.Core.Store;
using LiveOps.Tests.Support;

namespace LiveOps.Tests.Core.Import;

/// <summary>
/// On SQLite an import answers before its write-ahead log is copied into the database file (a checkpoint); the copy
/// follows in the background, and the audit entry written right after the import does not do it instead.
/// </summary>
public sealed class CheckpointAfterImportTests : IDisposable
{
    private readonly TestDatabase _db = new(provider: DatabaseProvider.Sqlite);

    [Fact]
    public async Task AfterAnImport_TheLogIsCopiedIntoTheDatabaseFile_WithoutAnyLaterWrite()
    {
        _db.DeferIndexesAlways();
        var csv = new StringBuilder("order_id,customer_id,placed_at,amount\n");
        for (var i = 1; i <= 2000; i++)
        {
            csv.Append($"A{i},u{i % 97},2026-10-01 10:{i % 60:D2},{i}\n");
        }

        var result = await _db.ImportTextAsync(ImportKind.Orders, csv.ToString());
        // The next writer's turn begins once the work after the last write is done.
        using (await _db.Get<ImportGate>().EnterAsync(CancellationToken.None))
        {
        }

        Assert.Equal(2000L, result.Added);
        // Measured before any new connection opens: closing the last one would checkpoint by itself.
        var fileBytes = new FileInfo(_db.Path).Length;
        await using var connection = await _db.OpenConnectionAsync();
        Assert.Equal(Pragma(connection, "page_count") * Pragma(connection, "page_size"), fileBytes);
        Assert.Equal(2000L, _db.Count("orders"));
    }

    [Fact]
    public void TheWatchingConnection_ThatWritesTheAuditLog_NeverCheckpointsByItself()
    {
        long? setting = null;
        _db.Get<DataVersion>().TryWriteUnobserved(connection => setting = Pragma(connection, "wal_autocheckpoint"));

        Assert.Equal(0L, setting);
    }

    private static long Pragma(System.Data.Common.DbConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + name;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => _db.Dispose();
}
