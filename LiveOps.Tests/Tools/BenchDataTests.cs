using LiveOps.BenchData;
using LiveOps.Core.Import;
using LiveOps.Core.Store;
using LiveOps.Tests.Core.Import;
using LiveOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace LiveOps.Tests.Tools;

/// <summary>
/// The benchmarks' data generators (tools/BenchData), run small: what they write is what the product reads, and the
/// shuffled order file the import bench times imports to exactly the orders of the time-ordered one.
/// </summary>
public sealed class BenchDataTests : IAsyncLifetime
{
    private readonly TestDatabase _inOrder = new();
    private readonly TestDatabase _shuffled = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _inOrder.DisposeAsync();
        await _shuffled.DisposeAsync();
    }

    [Fact]
    public async Task ShuffledOrderFile_ImportsTheSameOrdersAsTheTimeOrderedFile()
    {
        var inOrder = Path.Combine(Path.GetDirectoryName(_inOrder.Path)!, "orders.csv");
        var shuffled = Path.Combine(Path.GetDirectoryName(_shuffled.Path)!, "orders-shuffled.csv");
        OrderFiles.WriteOrders(inOrder, 3_000, 600, seed: 42);
        OrderFiles.Shuffle(inOrder, shuffled, seed: 42);
        var lines = File.ReadAllLines(inOrder);
        var shuffledLines = File.ReadAllLines(shuffled);
        Assert.Equal(3_001, lines.Length);
        Assert.Equal(lines[0], shuffledLines[0]);
        Assert.NotEqual(lines[1..], shuffledLines[1..]);
        Assert.Equal(lines.Order(StringComparer.Ordinal), shuffledLines.Order(StringComparer.Ordinal));

        _shuffled.DeferIndexesAlways(); // as a large file: staged and written in id order
        var first = await _inOrder.Get<IImportService>().ImportFileAsync(ImportKind.Orders, inOrder);
        var second = await _shuffled.Get<IImportService>().ImportFileAsync(ImportKind.Orders, shuffled);

        Assert.True(first.Succeeded && second.Succeeded);
        Assert.Equal((3_000L, 3_000L), (first.Rows, first.Added));
        Assert.Equal((first.Rows, first.Added, first.CustomersCreated), (second.Rows, second.Added, second.CustomersCreated));
        Assert.Equal(await OrdersAsync(_inOrder), await OrdersAsync(_shuffled));
    }

    [Fact]
    public async Task CohortData_PaidOrdersItReports_AreTheSnapshotsPaidOrders()
    {
        var (paid, all) = await CohortData.WriteAsync(_inOrder.ConnectionString, 500, 7, CancellationToken.None);
        _inOrder.Get<DataVersion>().Bump();

        var snapshot = await _inOrder.Get<SnapshotStore>().GetAsync();

        Assert.Equal(500, snapshot.CustomerCount);
        Assert.Equal(paid, snapshot.OrderCount);
        Assert.True(all > paid, $"{all} orders, {paid} paid: the generator writes some refunds");
    }

    private static async Task<List<string>> OrdersAsync(TestDatabase db)
    {
        await using var context = db.NewContext();
        var orders = await context.Orders.AsNoTracking()
            .Join(context.Customers, o => o.CustomerKey, c => c.Id,
                (o, c) => new { o.OrderId, Customer = c.CustomerId, o.PlacedAt, o.Amount, o.Status, o.Channel, o.CampaignId, o.LiveSessionId })
            .ToListAsync();
        return orders.Select(o => $"{o.OrderId}|{o.Customer}|{o.PlacedAt:O}|{o.Amount}|{o.Status}|{o.Channel}|{o.CampaignId}|{o.LiveSessionId}")
            .Order(StringComparer.Ordinal).ToList();
    }
}
