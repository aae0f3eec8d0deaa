using System.Runtime.InteropServices;

namespace LiveOps.Core.Import.Mapping;

/// <summary>
/// Line items combined into orders (contract §5 <c>lines</c>), one compact aggregate per order and no row kept:
/// the order id, its first line, earliest <c>placed_at</c>, amount (sum or the repeated total) and every other field
/// as a small number into a per-field table of distinct values (customers, statuses, channels…), so rows of one order
/// are compared as numbers. About 100 bytes per order plus the distinct values: 400,000 orders in ~40 MB.
/// </summary>
/// <remarks>
/// Exports that give order-level values on an order's first row only (Shopify leaves them blank on the rows that
/// follow) are read as they are: a blank is "not given", never a disagreement, and the value of the row that gives it
/// counts. An order none of whose rows gives a required value (customer, time, total) is a problem on its first line.
/// </remarks>
internal sealed class OrderLines
{
    private const int NotGiven = -2;
    private const long NoNumber = long.MinValue;

    private readonly KindSpec _spec;
    private readonly LineMode _mode;
    private readonly ProblemList _problems;
    private readonly int _idField;
    private readonly int _placedField;
    private readonly int _amountField;
    private readonly int[] _others;
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly List<Order> _orders = [];
    private readonly List<int> _otherValues = [];
    private readonly Dictionary<object, int>[] _distinct;
    private readonly List<object>[] _distinctValues;
    private readonly List<string?>[] _distinctTexts;
    private Func<int, string> _sourceName = i => "";

    private struct Order
    {
        public string Id;
        public long FirstLine;
        public long PlacedAt;
        public long Amount;
        public string? AmountText;
        public long AmountLine;
    }

    public OrderLines(KindSpec spec, LineMode mode, ProblemList problems)
    {
        _spec = spec;
        _mode = mode;
        _problems = problems;
        var names = spec.Fields.Select(f => f.Name).ToList();
        _idField = names.IndexOf("order_id");
        _placedField = names.IndexOf("placed_at");
        _amountField = names.IndexOf("amount");
        _others = Enumerable.Range(0, names.Count).Where(i => i != _idField && i != _placedField && i != _amountField).ToArray();
        _distinct = _others.Select(_ => new Dictionary<object, int>()).ToArray();
        _distinctValues = _others.Select(_ => new List<object>()).ToArray();
        _distinctTexts = _others.Select(_ => new List<string?>()).ToArray();
    }

    public int Count => _orders.Count;

    /// <summary>Adds one mapped row (storage values; null or an empty text where the row gives no value).</summary>
    public void Add(object?[] values, string?[] texts, long line, Func<int, string> sourceName)
    {
        _sourceName = sourceName;
        var id = (string)values[_idField]!;
        var placed = values[_placedField] is long p ? p : NoNumber;
        var amount = values[_amountField] is long a && texts[_amountField] is { Length: > 0 } ? a : NoNumber;
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_slots, id, out var exists);
        if (!exists)
        {
            slot = _orders.Count;
            _orders.Add(new Order
            {
                Id = id, FirstLine = line, PlacedAt = placed, Amount = amount,
                AmountText = texts[_amountField], AmountLine = line,
            });
            for (var o = 0; o < _others.Length; o++)
            {
                _otherValues.Add(Given(texts[_others[o]]) ? Intern(o, values[_others[o]], texts[_others[o]]) : NotGiven);
            }
            return;
        }
        var orders = CollectionsMarshal.AsSpan(_orders);
        ref var order = ref orders[slot];
        var values0 = CollectionsMarshal.AsSpan(_otherValues).Slice(slot * _others.Length, _others.Length);
        var ok = true;
        for (var o = 0; o < _others.Length; o++)
        {
            if (!Given(texts[_others[o]]))
            {
                continue;
            }
            var value = values[_others[o]];
            if (values0[o] == NotGiven)
            {
                values0[o] = Intern(o, value, texts[_others[o]]);
                continue;
            }
            var first = values0[o];
            var same = first < 0 ? value is null : value is not null && _distinctValues[o][first].Equals(value);
            if (!same)
            {
                var firstText = first < 0 ? "" : _distinctTexts[o][first] ?? "";
                _problems.Add(ImportProblem.Of(line, sourceName(_others[o]), "mapped.orderDisagrees",
                    texts[_others[o]] ?? "", firstText, Text(order.FirstLine), id));
                ok = false;
            }
        }
        if (_mode == LineMode.Once && amount != NoNumber)
        {
            if (order.Amount == NoNumber)
            {
                (order.Amount, order.AmountText, order.AmountLine) = (amount, texts[_amountField], line);
            }
            else if (amount != order.Amount)
            {
                _problems.Add(ImportProblem.Of(line, sourceName(_amountField), "mapped.totalDisagrees",
                    texts[_amountField] ?? "", order.AmountText ?? "", Text(order.AmountLine), id));
                ok = false;
            }
        }
        if (!ok)
        {
            return;
        }
        if (_mode == LineMode.Sum && amount != NoNumber)
        {
            order.Amount = order.Amount == NoNumber ? amount : order.Amount + amount;
        }
        if (placed != NoNumber)
        {
            order.PlacedAt = order.PlacedAt == NoNumber ? placed : Math.Min(order.PlacedAt, placed);
        }
    }

    private static bool Given(string? text) => text is { Length: > 0 };

    private static string Text(long line) => line.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private int Intern(int o, object? value, string? text)
    {
        if (value is null)
        {
            return -1;
        }
        ref var index = ref CollectionsMarshal.GetValueRefOrAddDefault(_distinct[o], value, out var exists);
        if (!exists)
        {
            index = _distinctValues[o].Count;
            _distinctValues[o].Add(value);
            _distinctTexts[o].Add(text);
        }
        return index;
    }

    /// <summary>Reports every order that none of its rows gave a required value; call once, after the last row.</summary>
    public void CheckComplete()
    {
        for (var slot = 0; slot < _orders.Count; slot++)
        {
            var order = _orders[slot];
            if (order.PlacedAt == NoNumber)
            {
                _problems.Add(ImportProblem.Of(order.FirstLine, _sourceName(_placedField), "value.required"));
            }
            if (order.Amount == NoNumber)
            {
                _problems.Add(ImportProblem.Of(order.FirstLine, _sourceName(_amountField), "value.required"));
            }
            for (var o = 0; o < _others.Length; o++)
            {
                if (_otherValues[slot * _others.Length + o] == NotGiven && _spec.Fields[_others[o]].Required)
                {
                    _problems.Add(ImportProblem.Of(order.FirstLine, _sourceName(_others[o]), "value.required"));
                }
            }
        }
    }

    /// <summary>The orders formed, in the order of their first lines: storage values (one array, reused) and the first line of each.</summary>
    public IEnumerable<(object?[] Values, long Line)> Orders()
    {
        var values = new object?[_spec.Fields.Count];
        for (var slot = 0; slot < _orders.Count; slot++)
        {
            var order = _orders[slot];
            values[_idField] = order.Id;
            values[_placedField] = order.PlacedAt;
            values[_amountField] = order.Amount;
            for (var o = 0; o < _others.Length; o++)
            {
                var index = _otherValues[slot * _others.Length + o];
                values[_others[o]] = index switch
                {
                    NotGiven => _spec.Fields[_others[o]].Default,
                    < 0 => null,
                    _ => _distinctValues[o][index],
                };
            }
            yield return (values, order.FirstLine);
        }
    }
}
