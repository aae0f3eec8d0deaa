using System.Threading.Channels;

namespace LiveOps.Core.Store;

/// <summary>
/// The key order of each stage of a <see cref="TableWriter"/>, worked out on the reading thread while the writer is
/// still busy with the stage before: sorting a quarter of a million ids is then off the writer's path, which is the
/// slower of the two. The reader passes each row's key as it hands the row on; every
/// <see cref="TableWriter.StageRows"/> keys (and at <see cref="Complete"/>) it sorts them and queues the order,
/// which the writer takes when its stage is full.
/// </summary>
/// <remarks>
/// The sort is not stable: rows of one id are put back in file order, so the file's last row of an id still wins.
/// A stage already in key order (as a time-ordered export often is) is not sorted at all.
/// </remarks>
internal sealed class StageOrder(int key)
{
    private readonly Channel<int[]?> _orders = Channel.CreateUnbounded<int[]?>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly string?[] _keys = new string?[TableWriter.StageRows];
    private int _count;

    /// <summary>Reading thread: the row just handed to the writer.</summary>
    public void Added(object?[] row)
    {
        _keys[_count] = (string?)row[key];
        if (++_count == _keys.Length)
        {
            Queue();
        }
    }

    /// <summary>Reading thread: no more rows; the last, partial stage's order is queued.</summary>
    public void Complete()
    {
        if (_count > 0)
        {
            Queue();
        }
        _orders.Writer.TryComplete();
    }

    /// <summary>Writing thread: the order of its next stage of <paramref name="count"/> rows, waiting for the reader if needed; null when the stage is in key order already.</summary>
    public int[]? Take(int count)
    {
        if (!_orders.Reader.TryRead(out var order))
        {
            order = _orders.Reader.ReadAsync().AsTask().GetAwaiter().GetResult();
        }
        if (order is not null && order.Length != count)
        {
            throw new InvalidOperationException($"a stage of {count} rows was given the order of {order.Length}");
        }
        return order;
    }

    private void Queue()
    {
        var keys = _keys.AsSpan(0, _count);
        var sorted = true;
        for (var i = 1; i < keys.Length && sorted; i++)
        {
            sorted = string.CompareOrdinal(keys[i - 1], keys[i]) <= 0;
        }
        int[]? order = null;
        if (!sorted)
        {
            order = new int[_count];
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }
            // Ids are text; ordinal order is the unique index's order.
            keys.Sort(order.AsSpan(), StringComparer.Ordinal);
            KeepFileOrderOfEqualKeys(keys, order);
        }
        keys.Clear();
        _count = 0;
        _orders.Writer.TryWrite(order);
    }

    private static void KeepFileOrderOfEqualKeys(Span<string?> keys, Span<int> order)
    {
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && string.Equals(keys[end], keys[start], StringComparison.Ordinal))
            {
                end++;
            }
            if (end - start > 1)
            {
                order[start..end].Sort();
            }
            start = end;
        }
    }
}
