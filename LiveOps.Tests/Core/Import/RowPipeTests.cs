using LiveOps.Core.Import;

namespace LiveOps.Tests.Core.Import;

/// <summary>The hand-over between the reading thread and the writing thread of an import.</summary>
public sealed class RowPipeTests
{
    [Fact]
    public async Task Rows_AcrossManyBatches_AreWrittenOnceEachInOrderAndTheResultsSummed()
    {
        var written = new List<(long Number, string Text)>();
        var pipe = new RowPipe(2, row =>
        {
            written.Add(((long)row.Span[0]!, (string)row.Span[1]!));
            return (long)row.Span[0]! % 3 == 0 ? 1 : 0;
        });
        var values = new object?[2];
        for (long i = 0; i < 10_001; i++)
        {
            values[0] = i;
            values[1] = $"row {i}";
            pipe.Add(values);
        }

        var changed = await pipe.CompleteAsync();

        Assert.Equal(3334, changed);
        Assert.Equal(10_001, written.Count);
        Assert.Equal((0L, "row 0"), written[0]);
        Assert.Equal((10_000L, "row 10000"), written[^1]);
        Assert.True(written.Select(w => w.Number).SequenceEqual(Enumerable.Range(0, 10_001).Select(i => (long)i)));
    }

    [Fact]
    public async Task AWriteThatFails_StopsThePipeAndItsErrorReachesTheReader()
    {
        var pipe = new RowPipe(1, row => (long)row.Span[0]! == 3000 ? throw new InvalidOperationException("disk full") : 1);
        var values = new object?[1];

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            for (long i = 0; i < 100_000; i++)
            {
                values[0] = i;
                pipe.Add(values);
            }
            await pipe.CompleteAsync();
        });

        Assert.Equal("disk full", error.Message);
        await Assert.ThrowsAsync<InvalidOperationException>(pipe.CompleteAsync);
    }
}
