using System.Threading.Channels;

namespace LiveOps.Core.Import;

/// <summary>
/// Hands checked rows from the reading thread to one writing thread, so that reading and checking the CSV and
/// SQLite's inserts run side by side on two cores instead of taking turns. Rows travel in recycled batches
/// (a flat array of values per batch), so a million rows allocate a handful of arrays, not a million.
/// </summary>
/// <remarks>
/// The writer is the only user of the connection while the pipe is open; <see cref="CompleteAsync"/> must be
/// awaited (it always is, also on failure) before anything else touches the connection or ends the transaction.
/// A write that fails ends the pipe, and the next <see cref="Add"/> or <see cref="CompleteAsync"/> rethrows it.
/// </remarks>
internal sealed class RowPipe
{
    private const int RowsPerBatch = 2048;

    private readonly int _fields;
    private readonly Channel<Batch> _full;
    private readonly Channel<Batch> _empty = Channel.CreateUnbounded<Batch>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly Task<long> _writing;
    private Batch _filling;

    private sealed class Batch(int size)
    {
        public readonly object?[] Values = new object?[size];
        public int Rows;
    }

    /// <param name="fields">Values per row.</param>
    /// <param name="write">The writer, called on the writing thread once per row in order.</param>
    /// <param name="rowsAhead">
    /// Rows the reader may queue beyond four batches. A writer that holds rows back and then writes many at once (a
    /// stage sorted by key) needs that many, or the reader would wait idle while each stage is written.
    /// </param>
    public RowPipe(int fields, Func<ReadOnlyMemory<object?>, int> write, int rowsAhead = 0)
    {
        _fields = fields;
        var capacity = 4 + (rowsAhead + RowsPerBatch - 1) / RowsPerBatch;
        _full = Channel.CreateBounded<Batch>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        _filling = new Batch(fields * RowsPerBatch);
        _writing = Task.Run(() => WriteAll(write));
    }

    /// <summary>Queues a copy of one row's values; blocks while the writer is four batches (and the rows ahead) behind.</summary>
    public void Add(object?[] values)
    {
        values.AsSpan().CopyTo(_filling.Values.AsSpan(_filling.Rows * _fields, _fields));
        if (++_filling.Rows == RowsPerBatch)
        {
            Send();
        }
    }

    /// <summary>Writes what is queued and returns the rows added or changed (the sum of the write results).</summary>
    public async Task<long> CompleteAsync()
    {
        if (_filling.Rows > 0 && !_writing.IsCompleted)
        {
            try
            {
                await _full.Writer.WriteAsync(_filling);
            }
            catch (ChannelClosedException)
            {
                // The writer stopped with an error: awaiting it below reports that error.
            }
        }
        _full.Writer.TryComplete();
        return await _writing;
    }

    private void Send()
    {
        if (_writing.IsFaulted)
        {
            _writing.GetAwaiter().GetResult(); // rethrows the writer's error on the reading thread
        }
        // Synchronous wait on purpose: the reading thread has nothing else to do until the writer catches up.
        if (!_full.Writer.TryWrite(_filling))
        {
            var wait = _full.Writer.WriteAsync(_filling).AsTask();
            Task.WaitAny(wait, _writing);
            if (!wait.IsCompletedSuccessfully)
            {
                _writing.GetAwaiter().GetResult();
            }
        }
        _filling = _empty.Reader.TryRead(out var recycled) ? recycled : new Batch(_fields * RowsPerBatch);
        _filling.Rows = 0;
    }

    private async Task<long> WriteAll(Func<ReadOnlyMemory<object?>, int> write)
    {
        long changed = 0;
        try
        {
            await foreach (var batch in _full.Reader.ReadAllAsync())
            {
                for (var r = 0; r < batch.Rows; r++)
                {
                    changed += write(batch.Values.AsMemory(r * _fields, _fields));
                }
                Array.Clear(batch.Values); // drop references to the strings of written rows
                _empty.Writer.TryWrite(batch);
            }
        }
        finally
        {
            _full.Writer.TryComplete();
        }
        return changed;
    }
}
