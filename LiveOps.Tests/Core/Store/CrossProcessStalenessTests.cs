using LiveOps.Core;
using LiveOps.Core.Store;
using LiveOps.Core.Common;
using LiveOps.Core.Data;
using LiveOps.Core.Import;
using LiveOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiveOps.Tests.Core.Store;

/// <summary>
/// A running dashboard and a command-line import are two processes with their own DataVersion: each stands in
/// here as its own service provider on the same database (a SQLite file, or a PostgreSQL database that several
/// dashboard instances share).
/// </summary>
public abstract class CrossProcessStalenessTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Header = "订单号,买家ID,下单时间,实付金额,status,channel,campaign_id,live_session_id\n";

    private readonly TestDatabase _dashboard = new(provider: provider);
    private ServiceProvider _cli = null!;

    public Task InitializeAsync()
    {
        _cli = _dashboard.NewProcess();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _cli.DisposeAsync();
        await _dashboard.DisposeAsync();
    }

    [Fact]
    public async Task ImportThroughAnotherProvider_IsSeenByTheNextReadOfThePaidOrderStore()
    {
        var store = _dashboard.Get<SnapshotStore>();
        var csv = _dashboard.WriteFile("first.csv", Header + "A1,u1,2026-09-01 20:31:00,129.90,paid,live_room,,\n");
        await _cli.GetRequiredService<IImportService>().ImportFileAsync(ImportKind.Orders, csv);
        var before = await store.GetAsync();
        Assert.Equal(1, before.OrderCount);
        Assert.Same(before, await store.GetAsync()); // nothing written: the snapshot is reused

        var more = _dashboard.WriteFile("more.csv", Header + "A2,u2,2026-09-02 10:00:00,59.00,paid,live_room,,\nA3,u1,2026-09-03 10:00:00,10.00,paid,live_room,,\n");
        var result = await _cli.GetRequiredService<IImportService>().ImportFileAsync(ImportKind.Orders, more);

        Assert.Equal(2, result.Added);
        var after = await store.GetAsync();
        Assert.Equal(3, after.OrderCount);
        Assert.Equal(["u1", "u2"], after.CustomerIds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CommitOnAPlainConnection_MovesTheVersionOnce_AndARollbackDoesNot()
    {
        var version = _dashboard.Get<DataVersion>();
        var start = version.Current;
        Assert.Equal(start, version.Current);

        await using var other = await _dashboard.OpenConnectionAsync();
        await using (var rolledBack = other.BeginTransaction())
        {
            Execute(other, rolledBack, "INSERT INTO customers (\"CustomerId\") VALUES ('x1')");
            rolledBack.Rollback();
        }
        Assert.Equal(start, version.Current);

        Execute(other, null, "INSERT INTO customers (\"CustomerId\") VALUES ('x2')");
        var moved = version.Current;
        Assert.Equal(start + 1, moved);
        Assert.Equal(moved, version.Current);
    }

    [Fact]
    public async Task BumpAfterOwnCommit_MovesTheVersionByOne()
    {
        var version = _dashboard.Get<DataVersion>();
        var start = version.Current;
        await using (var db = _dashboard.NewContext())
        {
            db.Customers.Add(new() { CustomerId = "c1" });
            await db.SaveChangesAsync();
        }
        version.Bump();
        Assert.Equal(start + 1, version.Current);
    }

    [Fact]
    public async Task StartingAnotherProcessOnAnUpToDateDatabase_DoesNotMoveTheVersion()
    {
        var version = _dashboard.Get<DataVersion>();
        var start = version.Current;

        await DatabaseInitializer.MigrateAsync(_cli.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>());

        Assert.Equal(start, version.Current);
    }

    private static void Execute(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

public sealed class CrossProcessStalenessTestsOnSqlite() : CrossProcessStalenessTests(DatabaseProvider.Sqlite);

public sealed class CrossProcessStalenessTestsOnPostgres() : CrossProcessStalenessTests(DatabaseProvider.Postgres);
