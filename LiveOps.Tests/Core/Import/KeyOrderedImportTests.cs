using LiveOps.Core.Import;
using LiveOps.Core.Store;
using LiveOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace LiveOps.Tests.Core.Import;

/// <summary>
/// A large file is written a stage at a time in id order (the unique index then grows page by page): the result is
/// the one of writing the file in its own order.
/// </summary>
public abstract class KeyOrderedImportTests(DatabaseProvider provider) : IDisposable
{
    private readonly TestDatabase _db = new(provider: provider);

    [Fact]
    public async Task ShuffledIdsWithARepeatedOne_LaterRowWins_CustomersCreatedInFileOrder_CountsAsInFileOrder()
    {
        _db.DeferIndexesAlways(); // as a large file: staged and sorted
        var csv = "order_id,customer_id,placed_at,amount\n"
            + "A3,u9,2026-10-03 10:00,3\n"
            + "A1,u5,2026-10-01 10:00,1\n"
            + "A2,u7,2026-10-02 10:00,2\n"
            + "A1,u5,2026-10-01 10:00,11\n"
            + "A2,u7,2026-10-02 10:00,2\n";

        var result = await _db.ImportTextAsync(ImportKind.Orders, csv);

        Assert.True(result.Succeeded);
        Assert.Equal((5L, 3L, 1L, 3L), (result.Rows, result.Added, result.Updated, result.CustomersCreated));
        await using var context = _db.NewContext();
        var orders = await context.Orders.OrderBy(o => o.Id).Select(o => new { o.OrderId, o.Amount }).ToListAsync();
        Assert.Equal(["A1", "A2", "A3"], orders.Select(o => o.OrderId));
        Assert.Equal([11m, 2m, 3m], orders.Select(o => o.Amount));
        var customers = await context.Customers.OrderBy(c => c.Id).Select(c => c.CustomerId).ToListAsync();
        Assert.Equal(["u9", "u5", "u7"], customers);
    }

    public void Dispose() => _db.Dispose();
}

public sealed class KeyOrderedImportTestsOnSqlite() : KeyOrderedImportTests(DatabaseProvider.Sqlite);

public sealed class KeyOrderedImportTestsOnPostgres() : KeyOrderedImportTests(DatabaseProvider.Postgres);
