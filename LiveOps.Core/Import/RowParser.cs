using System.Text.Unicode;
using CsvHelper;
using LiveOps.Core.Common;

namespace LiveOps.Core.Import;

/// <summary>The problems of one import: the first <see cref="MaxKept"/> are kept, the rest only counted.</summary>
internal sealed class ProblemList
{
    public const int MaxKept = 10_000;

    private readonly List<ImportProblem> _kept = [];

    public long More { get; private set; }

    public bool Any => _kept.Count > 0;

    public long Count => _kept.Count + More;

    public void Add(ImportProblem problem)
    {
        if (_kept.Count < MaxKept)
        {
            _kept.Add(problem);
        }
        else
        {
            More++;
        }
    }

    public void Add(long line, string column, string message)
    {
        if (_kept.Count < MaxKept)
        {
            _kept.Add(new ImportProblem(line, column, message));
        }
        else
        {
            More++;
        }
    }

    /// <summary>By line; problems the reader reports ahead of the record (bad quoting) keep their place.</summary>
    public IReadOnlyList<ImportProblem> InLineOrder() => _kept.OrderBy(p => p.Line).ToList();
}

/// <summary>
/// Reads the header of a kind's file and checks each record against the kind's columns, leaving the
/// values in their storage form in <see cref="Values"/> (one slot per <see cref="KindSpec.Fields"/> entry).
/// </summary>
internal sealed class RowParser
{
    private readonly KindSpec _spec;
    private readonly ZoneClock _clock;
    private readonly ProblemList _problems;
    private readonly int[] _columnOf;
    private readonly string[] _header;
    private readonly bool[] _badUtf8;

    private RowParser(KindSpec spec, ZoneClock clock, ProblemList problems, int[] columnOf, string[] header)
    {
        _spec = spec;
        _clock = clock;
        _problems = problems;
        _columnOf = columnOf;
        _header = header;
        _badUtf8 = new bool[header.Length];
        Values = new object?[spec.Fields.Count];
    }

    public object?[] Values { get; }

    /// <summary>
    /// Maps the header record the reader is on to the kind's columns. Returns null when the header
    /// cannot be used at all (not UTF-8 text, or none of the kind's columns), after saying why.
    /// </summary>
    public static RowParser? FromHeader(KindSpec spec, CsvReader reader, long line, ZoneClock clock, ProblemList problems)
    {
        var header = new string[reader.FieldCount];
        var usable = true;
        for (var i = 0; i < header.Length; i++)
        {
            header[i] = reader.GetString(i).Trim();
            if (!Utf8.IsValid(reader.GetSpan(i)))
            {
                problems.Add(ImportProblem.Of(line, "header", "header.notUtf8", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                usable = false;
            }
        }
        var columnOf = new int[spec.Fields.Count];
        var found = 0;
        for (var f = 0; f < spec.Fields.Count; f++)
        {
            var field = spec.Fields[f];
            columnOf[f] = -1;
            for (var i = 0; i < header.Length; i++)
            {
                if (!field.AllNames.Contains(header[i], StringComparer.OrdinalIgnoreCase))
                {
                    continue;
                }
                if (columnOf[f] >= 0)
                {
                    problems.Add(ImportProblem.Of(line, header[i], "header.sameColumn", header[columnOf[f]], field.Name));
                    continue;
                }
                columnOf[f] = i;
                found++;
            }
            if (columnOf[f] < 0 && field.Required)
            {
                problems.Add(field.Aliases is { Length: > 0 }
                    ? new ImportProblem(line, field.Name, ImportText.English("header.required", ImportText.English("header.alsoAccepted", string.Join(", ", field.Aliases))))
                    {
                        Code = "header.requiredAliases",
                        Args = [string.Join(", ", field.Aliases)],
                    }
                    : ImportProblem.Of(line, field.Name, "header.required", ""));
            }
        }
        if (found == 0 && usable)
        {
            problems.Add(ImportProblem.Of(line, "header", "header.none", ImportKinds.Name(spec.Kind), string.Join(", ", spec.Fields.Select(f => f.Name))));
        }
        return usable && found > 0 ? new RowParser(spec, clock, problems, columnOf, header) : null;
    }

    /// <summary>Checks the record the reader is on; false when it has a problem (already reported).</summary>
    public bool Parse(CsvReader reader, long line)
    {
        var ok = true;
        // One check of the whole record keeps the common case cheap; only a bad record is looked at field by field.
        var anyBadUtf8 = !Utf8.IsValid(reader.RawRecord);
        if (anyBadUtf8)
        {
            for (var i = 0; i < _header.Length; i++)
            {
                _badUtf8[i] = i < reader.FieldCount && !Utf8.IsValid(reader.GetSpan(i));
                if (_badUtf8[i])
                {
                    _problems.Add(ImportProblem.Of(line, ColumnName(i), "value.notUtf8"));
                    ok = false;
                }
            }
        }
        for (var f = 0; f < _columnOf.Length; f++)
        {
            var field = _spec.Fields[f];
            var column = _columnOf[f];
            if (column < 0)
            {
                Values[f] = field.Default;
                continue;
            }
            if (anyBadUtf8 && _badUtf8[column])
            {
                Values[f] = null;
                continue;
            }
            var text = column < reader.FieldCount ? reader.GetString(column).Trim() : "";
            if (text.Length == 0)
            {
                if (field.Required)
                {
                    _problems.Add(ImportProblem.Of(line, _header[column], "value.required"));
                    ok = false;
                }
                Values[f] = field.Default;
                continue;
            }
            if (FieldParser.TryParse(field, text, _clock, out var value, out string? code, out var args))
            {
                Values[f] = value;
            }
            else
            {
                _problems.Add(ImportProblem.Of(line, _header[column], code!, args));
                Values[f] = null;
                ok = false;
            }
        }
        return ok;
    }

    private string ColumnName(int i) => _header[i].Length > 0 ? _header[i] : $"column {i + 1}";
}
