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

    [Fact]
    public async Task LargeFileIntoAnEmptyDatabase_CustomersIdIndexIsBackAndUnique_ARejectedFileLeavesItToo()
    {
        _db.DeferIndexesAlways(); // as a large file: the customers' id index is built after the rows
        var rejected = await _db.ImportTextAsync(ImportKind.Orders, "order_id,customer_id,placed_at,amount\nC1,u1,2026-10-01 10:00,1\nC2,u2,yesterday,2\n");
        Assert.False(rejected.Succeeded);
        var result = await _db.ImportTextAsync(ImportKind.Orders,
            "order_id,customer_id,placed_at,amount\nC2,u2,2026-10-01 10:00,2\nC1,u1,2026-10-01 11:00,1\nC3,u2,2026-10-01 12:00,3\n");

        Assert.Equal((3L, 2L), (result.Added, result.CustomersCreated));
        await using (var context = _db.NewContext())
        {
            Assert.Equal(["u1", "u2"], await context.Customers.OrderBy(c => c.CustomerId).Select(c => c.CustomerId).ToListAsync());
            context.Customers.Add(new LiveOps.Core.Data.Entities.Customer { CustomerId = "u1" });
            await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        }
        // The next import finds its known customers again.
        var again = await _db.ImportTextAsync(ImportKind.Orders, "order_id,customer_id,placed_at,amount\nC4,u1,2026-10-02 10:00,4\nC5,u3,2026-10-02 11:00,5\n");
        Assert.Equal((2L, 1L), (again.Added, again.CustomersCreated));
        Assert.Equal(3, _db.Count("customers"));
    }

    [Fact]
    public async Task NewCustomers_TakeKeysAfterEveryKeyEverGiven_EvenWhenTheLargestWasDeleted_AndOrdersPointAtThem()
    {
        Assert.True((await _db.ImportTextAsync(ImportKind.Orders, "order_id,customer_id,placed_at,amount\nB1,u1,2026-10-01 10:00,1\nB2,u2,2026-10-01 11:00,2\n")).Succeeded);
        await using (var context = _db.NewContext())
        {
            await context.Orders.Where(o => o.OrderId == "B2").ExecuteDeleteAsync();
            await context.Customers.Where(c => c.CustomerId == "u2").ExecuteDeleteAsync();
        }

        var result = await _db.ImportTextAsync(ImportKind.Orders, "order_id,customer_id,placed_at,amount\nB3,u3,2026-10-02 10:00,3\nB4,u1,2026-10-02 11:00,4\nB5,u3,2026-10-02 12:00,5\n");

        Assert.Equal((3L, 1L), (result.Added, result.CustomersCreated));
        await using var after = _db.NewContext();
        var customers = await after.Customers.OrderBy(c => c.Id).Select(c => new { c.Id, c.CustomerId }).ToListAsync();
        Assert.Equal(["u1", "u3"], customers.Select(c => c.CustomerId));
        Assert.True(customers[1].Id > customers[0].Id + 1, $"u3 took key {customers[1].Id}: the deleted u2's key was given again");
        var owners = await after.Orders.Where(o => o.OrderId != "B1").OrderBy(o => o.OrderId).Select(o => o.CustomerKey).ToListAsync();
        Assert.Equal([customers[1].Id, customers[0].Id, customers[1].Id], owners);
    }

    public void Dispose() => _db.Dispose();
}

/// <summary>The stage's sort: ordinal order of the ids (the unique index's), rows of one id in file order.</summary>
public sealed class StageSortTests
{
    [Theory]
    [InlineData(false)] // short ASCII ids: sorted through their first characters as numbers
    [InlineData(true)] // an id beyond ASCII: sorted as text
    public void Positions_InOrdinalOrderOfIds_ThenFileOrder(bool withNonAscii)
    {
        var random = new Random(7);
        var keys = new List<string>();
        for (var i = 0; i < 3000; i++)
        {
            // Shared starts longer than nine characters, ids of every length, repeats, and characters both sides of 'Z'/'a'.
            keys.Add(random.Next(6) switch
            {
                0 => "6912345678" + random.Next(100),
                1 => "A" + random.Next(1000).ToString("D3", System.Globalization.CultureInfo.InvariantCulture),
                2 => "a" + random.Next(50),
                3 => "B" + random.Next(10),
                4 => "A",
                _ => "z~" + (char)('0' + random.Next(75)),
            });
        }
        if (withNonAscii)
        {
            keys[1234] = "订单" + 5;
            keys[17] = "Äx";
        }
        var array = keys.ToArray<string?>();
        var order = Enumerable.Range(0, array.Length).ToArray();

        StageOrder.SortByKey(array, new ulong[array.Length], order);

        var expected = Enumerable.Range(0, array.Length).OrderBy(i => keys[i], StringComparer.Ordinal).ThenBy(i => i).ToArray();
        Assert.Equal(expected, order);
    }
}

public sealed class KeyOrderedImportTestsOnSqlite() : KeyOrderedImportTests(DatabaseProvider.Sqlite);

public sealed class KeyOrderedImportTestsOnPostgres() : KeyOrderedImportTests(DatabaseProvider.Postgres);
