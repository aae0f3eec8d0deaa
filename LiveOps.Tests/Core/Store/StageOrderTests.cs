using LiveOps.Core.Store;

namespace LiveOps.Tests.Core.Store;

/// <summary>The key order of a stage, worked out by the reading thread and taken by the writer.</summary>
public sealed class StageOrderTests
{
    [Fact]
    public void PartialStage_SortedByIdOrdinally_RowsOfOneIdKeepTheirFileOrder()
    {
        var order = new StageOrder(key: 1);
        foreach (var id in new[] { "b", "a", "b", "B", "c", "b" })
        {
            order.Added([null, id]);
        }
        order.Complete();

        // Ordinal: "B" (U+0042) before "a"; the three "b" rows in the order the file gave them.
        Assert.Equal([3, 1, 0, 2, 5, 4], order.Take(6)!.ToArray());
    }

    [Fact]
    public void StageAlreadyInKeyOrder_IsNotSorted()
    {
        var order = new StageOrder(key: 0);
        foreach (var id in new[] { "A1", "A1", "A2", "B0" })
        {
            order.Added([id]);
        }
        order.Complete();

        Assert.Null(order.Take(4));
    }

    [Fact]
    public void FullStage_IsQueuedAsSoonAsItsLastRowIsAdded_TheRestAtComplete()
    {
        var order = new StageOrder(key: 0);
        var rows = TableWriter.StageRows + 2;
        for (var i = 0; i < rows; i++)
        {
            order.Added([(rows - i).ToString("D7", System.Globalization.CultureInfo.InvariantCulture)]);
        }

        var first = order.Take(TableWriter.StageRows);
        Assert.Equal(TableWriter.StageRows - 1, first![0]);
        Assert.Equal(0, first[^1]);
        order.Complete();
        Assert.Equal([1, 0], order.Take(2)!.ToArray());
    }

    [Fact]
    public async Task Writer_WaitsForTheReadersOrder()
    {
        var order = new StageOrder(key: 0);
        var taken = Task.Run(() => order.Take(2));
        Assert.False(taken.IsCompleted);

        order.Added(["z"]);
        order.Added(["y"]);
        order.Complete();

        var result = await taken;
        Assert.Equal([1, 0], result!.ToArray());
    }

    [Fact]
    public void StageOfAnotherSize_IsABug_NotAWrongOrder()
    {
        var order = new StageOrder(key: 0);
        order.Added(["b"]);
        order.Added(["a"]);
        order.Complete();

        var e = Assert.Throws<InvalidOperationException>(() => order.Take(3));
        Assert.Contains("3 rows", e.Message);
    }
}
