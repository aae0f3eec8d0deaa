using System.Globalization;
using LiveOps.Core.Common;

namespace LiveOps.Core.Import.Mapping;

/// <summary>
/// Turns one row of a shop's export into one record of a contract kind, through a mapping: source columns, translated
/// values, constants, products, keyed hashes; then every value is checked by the same rules as a plain §2 file
/// (<see cref="FieldParser"/>) and left in its storage form in <see cref="Values"/>, one slot per <see cref="KindSpec.Fields"/> entry.
/// </summary>
internal sealed class RecordMapper
{
    private readonly KindSpec _spec;
    private readonly ImportMapping _mapping;
    private readonly ZoneClock _clock;
    private readonly Func<string, string>? _hash;
    private readonly ProblemList _problems;
    private readonly Source[] _sources;
    private readonly SkipSource[] _skips;
    private readonly string[] _header;

    /// <summary>Where one target column's value comes from.</summary>
    private sealed record Source(FieldSpec Field, int Column, string? Constant, int[]? Product, FieldRule? Rule)
    {
        public string Name(string[] header) => Column >= 0 ? header[Column] : Product is { } p ? $"{header[p[0]]} × {header[p[1]]}" : Field.Name;
    }

    private sealed record SkipSource(SkipRule Rule, int Column, int Field);

    private RecordMapper(KindSpec spec, ImportMapping mapping, ZoneClock clock, Func<string, string>? hash, ProblemList problems, Source[] sources, SkipSource[] skips, string[] header)
    {
        _spec = spec;
        _mapping = mapping;
        _clock = clock;
        _hash = hash;
        _problems = problems;
        _sources = sources;
        _skips = skips;
        _header = header;
        Values = new object?[spec.Fields.Count];
        Texts = new string?[spec.Fields.Count];
        SkippedBy = new long[skips.Length];
    }

    public object?[] Values { get; }

    /// <summary>The source text each value came from (for messages about rows of one order that disagree).</summary>
    public string?[] Texts { get; }

    /// <summary>Rows dropped per skip rule, in the mapping's order.</summary>
    public long[] SkippedBy { get; }

    /// <summary>The source column (or description) a target column is read from, for messages.</summary>
    public string SourceName(int field) => _sources[field].Name(_header);

    /// <summary>
    /// Resolves every target column against the header. Returns null, after adding the problems (line of the header),
    /// when a column the mapping names is missing or a required column has no source.
    /// </summary>
    public static RecordMapper? FromHeader(ImportMapping mapping, string[] header, long line, ZoneClock clock, Func<string, string>? hash, ProblemList problems)
    {
        var spec = ImportSchemas.For(mapping.Kind);
        var ok = true;
        var named = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
        {
            if (header[i].Length > 0 && !named.TryAdd(header[i], i) && mapping.SourceColumns.Contains(header[i], StringComparer.OrdinalIgnoreCase))
            {
                problems.Add(ImportProblem.Of(line, header[i], "header.duplicate"));
                ok = false;
            }
        }
        int Find(string column, string target)
        {
            if (named.TryGetValue(column, out var index))
            {
                return index;
            }
            problems.Add(ImportProblem.Of(line, target, "header.mappedMissing", column));
            ok = false;
            return -1;
        }
        var sources = new Source[spec.Fields.Count];
        for (var f = 0; f < spec.Fields.Count; f++)
        {
            var field = spec.Fields[f];
            if (mapping.Fields.TryGetValue(field.Name, out var rule))
            {
                sources[f] = rule.Value is not null
                    ? new Source(field, -1, rule.Value, null, rule)
                    : rule.Product is { } product
                        ? new Source(field, -1, null, [Find(product[0], field.Name), Find(product[1], field.Name)], rule)
                        : new Source(field, Find(rule.Column!, field.Name), null, null, rule);
                continue;
            }
            // Not mapped: a source column of the same name (or an accepted alias), as without a mapping.
            var column = Array.FindIndex(header, h => field.AllNames.Contains(h, StringComparer.OrdinalIgnoreCase));
            if (column < 0 && field.Required)
            {
                problems.Add(ImportProblem.Of(line, field.Name, "header.mappedRequired"));
                ok = false;
            }
            sources[f] = new Source(field, column, null, null, null);
        }
        var skips = mapping.Skip.Select(rule => new SkipSource(rule,
            rule.Column is not null ? Find(rule.Column, rule.Column) : -1,
            rule.Field is not null ? spec.Fields.ToList().FindIndex(x => x.Name == rule.Field) : -1)).ToArray();
        return ok ? new RecordMapper(spec, mapping, clock, hash, problems, sources, skips, header) : null;
    }

    /// <summary>Maps the row the source is on. Returns whether it formed a record; <paramref name="skipped"/> when a skip rule dropped it.</summary>
    public bool Map(SourceRows row, long line, out bool skipped)
    {
        skipped = false;
        for (var s = 0; s < _skips.Length; s++)
        {
            if (Skips(_skips[s], row))
            {
                SkippedBy[s]++;
                skipped = true;
                return false;
            }
        }
        var ok = true;
        for (var f = 0; f < _sources.Length; f++)
        {
            ok &= MapField(f, row, line);
        }
        return ok;
    }

    private bool Skips(SkipSource skip, SourceRows row)
    {
        if (skip.Column >= 0)
        {
            return SourceText.Clean(SourceText.OfCell(row.Cell(skip.Column))).Length == 0;
        }
        return Number(_sources[skip.Field], row, out var number) && number < 0;
    }

    // The numeric value of a number field before its checks (for the "negative" skip rule).
    private static bool Number(Source source, SourceRows row, out decimal number)
    {
        number = 0;
        if (source.Product is { } p)
        {
            if (!SourceText.TryNumber(row.Cell(p[0]), out var a) || !SourceText.TryNumber(row.Cell(p[1]), out var b))
            {
                return false;
            }
            number = a * b;
            return true;
        }
        if (source.Constant is { } c)
        {
            return SourceText.TryNumber(c, out number);
        }
        return source.Column >= 0 && SourceText.TryNumber(row.Cell(source.Column), out number);
    }

    private bool MapField(int f, SourceRows row, long line)
    {
        var source = _sources[f];
        var field = source.Field;
        Values[f] = null;
        Texts[f] = null;
        if (source.Product is not null)
        {
            return MapProduct(f, source, row, line);
        }
        object? cell = source.Constant ?? (source.Column >= 0 ? row.Cell(source.Column) : null);
        var text = SourceText.Clean(SourceText.OfCell(cell));
        var column = source.Name(_header);
        if (source.Rule?.Values is { } values && text.Length > 0)
        {
            if (!values.TryGetValue(text, out var translated))
            {
                _problems.Add(ImportProblem.Of(line, column, "mapped.notListed", text, string.Join(", ", values.Keys)));
                return false;
            }
            text = translated;
            cell = translated;
        }
        Texts[f] = text;
        if (text.Length == 0)
        {
            if (field.Required && !GivenByAnotherLine(field))
            {
                _problems.Add(ImportProblem.Of(line, column, "value.required"));
                return false;
            }
            Values[f] = field.Default;
            return true;
        }
        if (field.Type is FieldType.Id or FieldType.CustomerRef)
        {
            if (SourceText.IsMasked(text))
            {
                _problems.Add(ImportProblem.Of(line, column, "mapped.masked", text));
                return false;
            }
            if (SourceText.LostDigits(cell))
            {
                _problems.Add(ImportProblem.Of(line, column, "mapped.lostDigits", text));
                return false;
            }
        }
        if (source.Rule?.Hash == true)
        {
            // Messages about rows of one order name the value only partly: the file's owner can find it, a log cannot use it.
            Texts[f] = Obscure(text);
            text = _hash!(text);
        }
        switch (field.Type)
        {
            case FieldType.Instant:
                if (!SourceText.TryInstant(cell is string ? text : cell, _clock, _mapping.TimestampFormats, out var instant))
                {
                    _problems.Add(ImportProblem.Of(line, column, "mapped.timestamp", text));
                    return false;
                }
                Values[f] = instant.ToUnixTimeMilliseconds();
                return true;
            case FieldType.Amount or FieldType.Count or FieldType.Number or FieldType.Decimal:
                if (!SourceText.TryNumber(cell is string ? text : cell, out var number))
                {
                    return Fail(line, column, field, text);
                }
                return CheckNumber(f, field, number, text, line, column);
            default:
                if (FieldParser.TryParse(field, text, _clock, out var value, out string? code, out var args))
                {
                    Values[f] = value;
                    return true;
                }
                _problems.Add(ImportProblem.Of(line, column, code!, args));
                return false;
        }
    }

    private static string Obscure(string text) =>
        text.Length <= 5 ? new string('•', text.Length) : string.Concat(text.AsSpan(0, 3), new string('•', text.Length - 5), text.AsSpan(text.Length - 2));

    // Rows of one order may leave order-level values to another of its rows (OrderLines checks each order has them);
    // the id never, and a summed amount is every line's own.
    private bool GivenByAnotherLine(FieldSpec field) =>
        _mapping.Lines != LineMode.None && field.Name != "order_id" && !(field.Type == FieldType.Amount && _mapping.Lines == LineMode.Sum);

    private bool MapProduct(int f, Source source, SourceRows row, long line)
    {
        var p = source.Product!;
        var ok = true;
        var factors = new decimal[2];
        for (var i = 0; i < 2; i++)
        {
            var cell = row.Cell(p[i]);
            if (!SourceText.TryNumber(cell, out factors[i]))
            {
                var text = SourceText.Clean(SourceText.OfCell(cell));
                _problems.Add(text.Length == 0
                    ? ImportProblem.Of(line, _header[p[i]], "value.required")
                    : ImportProblem.Of(line, _header[p[i]], "mapped.notNumber", text));
                ok = false;
            }
        }
        if (!ok)
        {
            return false;
        }
        // A computed amount is kept to the stored precision (1/10000 yuan).
        var product = Math.Round(factors[0] * factors[1], Money.MaxDecimals, MidpointRounding.AwayFromZero);
        var shown = product.ToString(CultureInfo.InvariantCulture);
        Texts[f] = shown;
        return CheckNumber(f, source.Field, product, shown, line, source.Name(_header));
    }

    // Numbers go through the §2 checks in their canonical spelling, so the messages are those of a plain file.
    private bool CheckNumber(int f, FieldSpec field, decimal number, string text, long line, string column)
    {
        var canonical = number.ToString(CultureInfo.InvariantCulture);
        if (field.Type == FieldType.Amount)
        {
            if (number < 0)
            {
                _problems.Add(ImportProblem.Of(line, column, "value.amountNegative", text));
                return false;
            }
            if (number.Scale > Money.MaxDecimals && number != Math.Round(number, Money.MaxDecimals))
            {
                _problems.Add(ImportProblem.Of(line, column, "value.amountDecimals", text, Money.MaxDecimals.ToString(CultureInfo.InvariantCulture)));
                return false;
            }
            if (number > 1_000_000_000m)
            {
                _problems.Add(ImportProblem.Of(line, column, "value.amountTooLarge", text));
                return false;
            }
            Values[f] = Money.ToUnits(number);
            return true;
        }
        if (field.Type == FieldType.Count && number == decimal.Truncate(number))
        {
            canonical = decimal.Truncate(number).ToString(CultureInfo.InvariantCulture);
        }
        if (FieldParser.TryParse(field, canonical, _clock, out var value, out string? code, out var args))
        {
            Values[f] = value;
            return true;
        }
        // The message names the value as the file wrote it, not its canonical spelling.
        args[0] = args[0] == canonical ? text : args[0];
        _problems.Add(ImportProblem.Of(line, column, code!, args));
        return false;
    }

    private bool Fail(long line, string column, FieldSpec field, string text)
    {
        _problems.Add(field.Type == FieldType.Amount
            ? ImportProblem.Of(line, column, "value.amount", text)
            : ImportProblem.Of(line, column, "mapped.notNumber", text));
        return false;
    }
}
