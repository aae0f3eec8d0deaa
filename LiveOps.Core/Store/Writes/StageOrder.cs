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
/// Rows of one id stay in file order, so the file's last row of an id still wins.
/// A stage already in key order (as a time-ordered export often is) is not sorted at all.
/// </remarks>
internal sealed class StageOrder(int key)
{
    private readonly Channel<int[]?> _orders = Channel.CreateUnbounded<int[]?>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly string?[] _keys = new string?[TableWriter.StageRows];
    private readonly ulong[] _prefixes = new ulong[TableWriter.StageRows];
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
            SortByKey(_keys, _prefixes.AsSpan(0, _count), order);
        }
        keys.Clear();
        _count = 0;
        _orders.Writer.TryWrite(order);
    }

    /// <summary>
    /// Puts the staged rows' positions (<paramref name="order"/>, 0…n-1 on entry) in ordinal order of their keys (the
    /// unique index's order), rows of one id in file order so that the file's last row of an id still wins.
    /// </summary>
    /// <remarks>
    /// Ids are mostly short ASCII: their first nine characters, seven bits each, make a number whose order is the
    /// ordinal order of those characters, and numbers sort several times faster than strings through a comparer. Only
    /// rows whose numbers tie (a longer shared start, or the same id) are then compared as text. A stage with a key
    /// beyond ASCII in those characters is sorted as text throughout.
    /// </remarks>
    internal static void SortByKey(string?[] keys, Span<ulong> prefixes, Span<int> order)
    {
        if (!TryPrefixes(keys, prefixes))
        {
            order.Sort((a, b) => CompareKeys(keys, a, b));
            return;
        }
        prefixes.Sort(order);
        for (var start = 0; start < order.Length;)
        {
            var end = start + 1;
            while (end < order.Length && prefixes[end] == prefixes[start])
            {
                end++;
            }
            if (end - start > 1)
            {
                order[start..end].Sort((a, b) => CompareKeys(keys, a, b));
            }
            start = end;
        }
    }

    private const int PrefixChars = 9;

    private static bool TryPrefixes(string?[] keys, Span<ulong> prefixes)
    {
        for (var i = 0; i < prefixes.Length; i++)
        {
            if (keys[i] is not { } key)
            {
                return false;
            }
            ulong prefix = 0;
            for (var c = 0; c < PrefixChars; c++)
            {
                var ch = c < key.Length ? key[c] : '\0'; // a shorter id sorts first, as ordinal order has it (ids hold no NUL)
                if (ch >= 0x80)
                {
                    return false;
                }
                prefix = (prefix << 7) | ch;
            }
            prefixes[i] = prefix;
        }
        return true;
    }

    // Ordinal order of the keys, then file order.
    private static int CompareKeys(string?[] keys, int a, int b)
    {
        var byKey = string.CompareOrdinal(keys[a], keys[b]);
        return byKey != 0 ? byKey : a.CompareTo(b);
    }
}
