using LiveOps.Core.Import;
using LiveOps.Core.Import.Mapping;

namespace LiveOps.Dashboard.Components.Pages.Data;

/// <summary>Where the editor takes one target column from.</summary>
public enum FieldSourceKind { SameName, Column, Constant, Product }

/// <summary>The editor's state for one target column.</summary>
public sealed class FieldDraft(FieldSpec field)
{
    public FieldSpec Field { get; } = field;
    public FieldSourceKind Source { get; set; }
    public string Column { get; set; } = "";
    public string Constant { get; set; } = "";
    public string ProductA { get; set; } = "";
    public string ProductB { get; set; } = "";
    public bool Hash { get; set; }

    /// <summary>Source value → contract value, for a column with allowed values; an empty target leaves the value unlisted.</summary>
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    public bool IsChoice => Field.Type == FieldType.Enum;
    public bool IsNumber => Field.Type is FieldType.Amount or FieldType.Number or FieldType.Count or FieldType.Decimal;
    public bool IsId => Field.Type is FieldType.Id or FieldType.CustomerRef;

    /// <summary>The values the contract allows for this column (<c>paid</c>, <c>refunded</c>, …).</summary>
    public IReadOnlyList<string> Allowed => IsChoice ? KindGuide.AllowedValues(Field) : [];

    public FieldRule? ToRule() => Source switch
    {
        FieldSourceKind.Column when Column.Length > 0 => new FieldRule(Column: Column,
            Values: IsChoice && Values.Any(v => v.Value.Length > 0) ? Values.Where(v => v.Value.Length > 0).ToDictionary() : null, Hash: Hash && IsId),
        FieldSourceKind.Constant => new FieldRule(Value: Constant.Trim(), Hash: false),
        FieldSourceKind.Product when ProductA.Length > 0 && ProductB.Length > 0 => new FieldRule(Product: [ProductA, ProductB]),
        _ => null,
    };
}

/// <summary>
/// A mapping as the Data page's editor holds it: a source for each target column, status values, line items, skip
/// rules and timestamp formats. <see cref="TryBuild"/> turns it into a mapping checked by the engine's own rules
/// (<see cref="MappingJson"/>), so the editor can never save what the command line would refuse.
/// </summary>
public sealed class MappingDraft
{
    public MappingDraft(ImportKind kind, IReadOnlyList<string> header)
    {
        Kind = kind;
        Header = header;
        Fields = ImportSchemas.For(kind).Fields.Select(f => new FieldDraft(f)).ToList();
    }

    public ImportKind Kind { get; }

    /// <summary>The uploaded file's header: the columns to pick from, and what identifies the file next time.</summary>
    public IReadOnlyList<string> Header { get; }

    public string Name { get; set; } = "";
    public IReadOnlyList<FieldDraft> Fields { get; }
    public LineMode Lines { get; set; }
    public SourceEncoding Encoding { get; set; }

    /// <summary>Source columns whose empty value drops the row.</summary>
    public HashSet<string> SkipEmpty { get; } = new(StringComparer.Ordinal);

    /// <summary>Target number columns whose negative value drops the row.</summary>
    public HashSet<string> SkipNegative { get; } = new(StringComparer.Ordinal);

    /// <summary>Extra timestamp formats, one per line (<c>yyyy/M/d H:mm:ss</c>).</summary>
    public string TimestampFormats { get; set; } = "";

    public FieldDraft Field(string name) => Fields.Single(f => f.Field.Name == name);

    /// <summary>The editor opened on an existing mapping (a preset or a saved one) to adapt it.</summary>
    public static MappingDraft From(ImportMapping mapping, IReadOnlyList<string> header)
    {
        var draft = new MappingDraft(mapping.Kind, header)
        {
            Name = mapping.Name,
            Lines = mapping.Lines,
            Encoding = mapping.Encoding,
            TimestampFormats = string.Join('\n', mapping.TimestampFormats),
        };
        foreach (var field in draft.Fields)
        {
            if (!mapping.Fields.TryGetValue(field.Field.Name, out var rule))
            {
                continue;
            }
            if (rule.Value is not null)
            {
                (field.Source, field.Constant) = (FieldSourceKind.Constant, rule.Value);
            }
            else if (rule.Product is [var a, var b])
            {
                (field.Source, field.ProductA, field.ProductB) = (FieldSourceKind.Product, a, b);
            }
            else if (rule.Column is not null)
            {
                (field.Source, field.Column, field.Hash) = (FieldSourceKind.Column, rule.Column, rule.Hash);
                foreach (var (from, to) in rule.Values ?? new Dictionary<string, string>())
                {
                    field.Values[from] = to;
                }
            }
        }
        foreach (var skip in mapping.Skip)
        {
            _ = skip.Column is not null ? draft.SkipEmpty.Add(skip.Column) : draft.SkipNegative.Add(skip.Field!);
        }
        return draft;
    }

    /// <summary>The mapping, checked like a mapping file; null with the problems when it cannot be used.</summary>
    public ImportMapping? TryBuild(out IReadOnlyList<ImportProblem> problems)
    {
        var fields = new Dictionary<string, FieldRule>(StringComparer.Ordinal);
        foreach (var field in Fields)
        {
            if (field.ToRule() is { } rule)
            {
                fields[field.Field.Name] = rule;
            }
        }
        var skip = SkipEmpty.Where(Header.Contains).Select(c => new SkipRule(c, null, SkipRule.Empty))
            .Concat(SkipNegative.Select(f => new SkipRule(null, f, SkipRule.Negative))).ToList();
        var formats = TimestampFormats.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var mapping = new ImportMapping(Kind, Name.Trim(), Encoding, fields, Kind == ImportKind.Orders ? Lines : LineMode.None, skip, formats,
            Header.Where(h => h.Length > 0).ToList());
        var found = new List<ImportProblem>();
        // Round-trip through the JSON reader: the same checks as a mapping file given to the command line.
        var checkedMapping = MappingJson.TryParse(MappingJson.Write(mapping), found);
        problems = found;
        return found.Count == 0 ? checkedMapping : null;
    }
}
