using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LiveOps.Core.Common;

namespace LiveOps.Core.Import.Mapping;

/// <summary>A mapping could not be used; <see cref="Problems"/> say why (line 0, the column being the JSON path).</summary>
public sealed class MappingException(IReadOnlyList<ImportProblem> problems)
    : Exception(string.Join("; ", problems.Select(p => p.ToString())))
{
    public IReadOnlyList<ImportProblem> Problems { get; } = problems;
}

/// <summary>
/// Reads and writes the mapping JSON of contract §5 and checks it against the kind's columns, so a wrong
/// mapping is refused with what is wrong and where, before any file is read.
/// </summary>
public static partial class MappingJson
{
    private static readonly string[] Keys = ["kind", "name", "encoding", "fields", "lines", "skip", "timestampFormats", "detect", "description"];
    private static readonly string[] FieldKeys = ["column", "values", "value", "product", "hash"];

    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Parses and checks a mapping; throws <see cref="MappingException"/> listing every problem.</summary>
    public static ImportMapping Parse(string json, string? fallbackName = null)
    {
        var problems = new List<ImportProblem>();
        var mapping = TryParse(json, problems, fallbackName);
        return mapping is not null && problems.Count == 0 ? mapping : throw new MappingException(problems);
    }

    /// <summary>Parses and checks a mapping; null (with <paramref name="problems"/> filled) when it cannot be used.</summary>
    public static ImportMapping? TryParse(string json, List<ImportProblem> problems, string? fallbackName = null)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            problems.Add(ImportProblem.Of(0, "json", "mapping.json", Short(e)));
            return null;
        }
        using (document)
        {
            return Read(document.RootElement, problems, fallbackName);
        }
    }

    private static string Short(JsonException e) =>
        e.LineNumber is { } line ? $"line {line + 1}, position {e.BytePositionInLine + 1}" : e.Message;

    private static ImportMapping? Read(JsonElement root, List<ImportProblem> problems, string? fallbackName)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add(ImportProblem.Of(0, "$", "mapping.object"));
            return null;
        }
        foreach (var property in root.EnumerateObject())
        {
            if (!Keys.Contains(property.Name, StringComparer.Ordinal))
            {
                problems.Add(ImportProblem.Of(0, property.Name, "mapping.unknownKey", property.Name, string.Join(", ", Keys)));
            }
        }
        var kindText = Text(root, "kind", problems);
        if (kindText is null || !ImportKinds.TryParse(kindText, out var kind))
        {
            problems.Add(ImportProblem.Of(0, "kind", "mapping.kind", kindText ?? "", string.Join(", ", ImportKinds.All.Select(ImportKinds.Name))));
            return null;
        }
        var spec = ImportSchemas.For(kind);
        var name = Text(root, "name", problems) ?? fallbackName;
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add(ImportProblem.Of(0, "name", "mapping.name"));
        }
        else if (PlainText.HasControl(name))
        {
            problems.Add(ImportProblem.Of(0, "name", "value.control"));
        }
        var encoding = Text(root, "encoding", problems) is { } e ? ParseEncoding(e, problems) : SourceEncoding.Auto;
        var lines = LineMode.None;
        if (Text(root, "lines", problems) is { } l)
        {
            lines = l.Trim().ToLowerInvariant() switch
            {
                "sum" => LineMode.Sum,
                "once" => LineMode.Once,
                _ => Problem(LineMode.None, problems, ImportProblem.Of(0, "lines", "mapping.lines", l)),
            };
            if (lines != LineMode.None && kind != ImportKind.Orders)
            {
                problems.Add(ImportProblem.Of(0, "lines", "mapping.linesKind", ImportKinds.Name(kind)));
            }
        }
        var fields = new Dictionary<string, FieldRule>(StringComparer.Ordinal);
        if (root.TryGetProperty("fields", out var fieldsElement))
        {
            if (fieldsElement.ValueKind != JsonValueKind.Object)
            {
                problems.Add(ImportProblem.Of(0, "fields", "mapping.fields"));
            }
            else
            {
                foreach (var field in fieldsElement.EnumerateObject())
                {
                    var target = spec.Fields.FirstOrDefault(f => string.Equals(f.Name, field.Name, StringComparison.OrdinalIgnoreCase));
                    if (target is null)
                    {
                        problems.Add(ImportProblem.Of(0, $"fields.{field.Name}", "mapping.fieldUnknown", field.Name, ImportKinds.Name(kind),
                            string.Join(", ", spec.Fields.Select(f => f.Name))));
                        continue;
                    }
                    if (ReadField(target, field.Value, $"fields.{field.Name}", problems) is { } rule)
                    {
                        fields[target.Name] = rule;
                    }
                }
            }
        }
        var skip = new List<SkipRule>();
        if (root.TryGetProperty("skip", out var skipElement))
        {
            ReadSkip(spec, skipElement, skip, problems);
        }
        var formats = TextList(root, "timestampFormats", problems);
        foreach (var format in formats)
        {
            if (!UsableFormat(format))
            {
                problems.Add(ImportProblem.Of(0, "timestampFormats", "mapping.timestampFormat", format));
            }
        }
        var detect = TextList(root, "detect", problems);
        var description = Text(root, "description", problems);
        return new ImportMapping(kind, name?.Trim() ?? "", encoding, fields, lines, skip, formats, detect, description);
    }

    private static T Problem<T>(T value, List<ImportProblem> problems, ImportProblem problem)
    {
        problems.Add(problem);
        return value;
    }

    private static SourceEncoding ParseEncoding(string text, List<ImportProblem> problems) =>
        text.Trim().ToLowerInvariant() switch
        {
            "auto" => SourceEncoding.Auto,
            "utf-8" or "utf8" => SourceEncoding.Utf8,
            "gb18030" or "gbk" or "gb2312" => SourceEncoding.Gb18030,
            _ => Problem(SourceEncoding.Auto, problems, ImportProblem.Of(0, "encoding", "mapping.encoding", text)),
        };

    private static FieldRule? ReadField(FieldSpec target, JsonElement element, string path, List<ImportProblem> problems)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return new FieldRule(Column: element.GetString()!.Trim());
        }
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(ImportProblem.Of(0, path, "mapping.fieldShape"));
            return null;
        }
        string? column = null, value = null;
        Dictionary<string, string>? values = null;
        List<string>? product = null;
        var hash = false;
        var ok = true;
        foreach (var property in element.EnumerateObject())
        {
            switch (property.Name)
            {
                case "column" when property.Value.ValueKind == JsonValueKind.String:
                    column = property.Value.GetString()!.Trim();
                    break;
                case "value" when property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                    value = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
                    break;
                case "hash" when property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                    hash = property.Value.GetBoolean();
                    break;
                case "values" when property.Value.ValueKind == JsonValueKind.Object:
                    values = new Dictionary<string, string>(StringComparer.Ordinal);
                    foreach (var pair in property.Value.EnumerateObject())
                    {
                        if (pair.Value.ValueKind != JsonValueKind.String)
                        {
                            problems.Add(ImportProblem.Of(0, $"{path}.values.{pair.Name}", "mapping.text"));
                            ok = false;
                            continue;
                        }
                        values[pair.Name.Trim()] = pair.Value.GetString()!.Trim();
                    }
                    break;
                case "product" when property.Value.ValueKind == JsonValueKind.Array:
                    product = property.Value.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!.Trim()).ToList();
                    if (product.Count != 2 || property.Value.GetArrayLength() != 2)
                    {
                        problems.Add(ImportProblem.Of(0, $"{path}.product", "mapping.product"));
                        ok = false;
                    }
                    break;
                case "column" or "value" or "hash" or "values" or "product":
                    problems.Add(ImportProblem.Of(0, $"{path}.{property.Name}", property.Name == "hash" ? "mapping.hash" : "mapping.fieldShape"));
                    ok = false;
                    break;
                default:
                    problems.Add(ImportProblem.Of(0, $"{path}.{property.Name}", "mapping.fieldKey", property.Name));
                    ok = false;
                    break;
            }
        }
        if ((column is null ? 0 : 1) + (value is null ? 0 : 1) + (product is null ? 0 : 1) != 1)
        {
            problems.Add(ImportProblem.Of(0, path, "mapping.fieldShape"));
            return null;
        }
        if (values is not null && column is null)
        {
            problems.Add(ImportProblem.Of(0, path, "mapping.valuesNeedColumn"));
            ok = false;
        }
        if (product is not null && target.Type is not (FieldType.Amount or FieldType.Number or FieldType.Count or FieldType.Decimal))
        {
            problems.Add(ImportProblem.Of(0, path, "mapping.productField", target.Name));
            ok = false;
        }
        // Translated values and constants must be values the target column accepts: checked once here, not per row.
        if (target.Type == FieldType.Enum)
        {
            var allowed = EnumSpellings(target.EnumType!);
            foreach (var (from, to) in values ?? [])
            {
                if (to.Length > 0 && !allowed.Contains(to, StringComparer.OrdinalIgnoreCase))
                {
                    problems.Add(ImportProblem.Of(0, $"{path}.values", "mapping.valueTarget", to, from, string.Join(", ", allowed)));
                    ok = false;
                }
            }
        }
        if (value is not null && value.Length > 0 && !hash && !FieldParser.TryParse(target, value, ConstantClock, out _, out var constantProblem))
        {
            problems.Add(ImportProblem.Of(0, $"{path}.value", "mapping.constant", constantProblem!));
            ok = false;
        }
        return ok ? new FieldRule(column, values, value, product, hash) : null;
    }

    // Constants are checked for their shape only; a timestamp constant is read in the configured zone at import.
    private static readonly Common.ZoneClock ConstantClock = new(TimeProvider.System, TimeZoneInfo.Utc);

    internal static IReadOnlyList<string> EnumSpellings(Type enumType) =>
        Enum.GetValues(enumType).Cast<Enum>().Select(v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString())).ToList();

    private static void ReadSkip(KindSpec spec, JsonElement element, List<SkipRule> skip, List<ImportProblem> problems)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            problems.Add(ImportProblem.Of(0, "skip", "mapping.skip"));
            return;
        }
        var i = 0;
        foreach (var rule in element.EnumerateArray())
        {
            var path = $"skip[{i++}]";
            string? column = null, field = null, @is = null;
            var shapeOk = rule.ValueKind == JsonValueKind.Object;
            if (shapeOk)
            {
                foreach (var property in rule.EnumerateObject())
                {
                    var text = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()!.Trim() : null;
                    switch (property.Name)
                    {
                        case "column": column = text; break;
                        case "field": field = text; break;
                        case "is": @is = text?.ToLowerInvariant(); break;
                        default: shapeOk = false; break;
                    }
                }
            }
            shapeOk &= (column is not null && field is null && @is == SkipRule.Empty) || (field is not null && column is null && @is == SkipRule.Negative);
            if (!shapeOk)
            {
                problems.Add(ImportProblem.Of(0, path, "mapping.skip"));
                continue;
            }
            if (field is not null)
            {
                var target = spec.Fields.FirstOrDefault(f => string.Equals(f.Name, field, StringComparison.OrdinalIgnoreCase));
                if (target is null || target.Type is not (FieldType.Amount or FieldType.Number or FieldType.Count or FieldType.Decimal))
                {
                    problems.Add(ImportProblem.Of(0, path, "mapping.skipField", field, ImportKinds.Name(spec.Kind)));
                    continue;
                }
                field = target.Name;
            }
            skip.Add(new SkipRule(column, field, @is!));
        }
    }

    private static bool UsableFormat(string format)
    {
        if (string.IsNullOrWhiteSpace(format))
        {
            return false;
        }
        try
        {
            // A format that cannot even write a date cannot read one either.
            var text = new DateTime(2026, 11, 3, 20, 15, 1).ToString(format, CultureInfo.InvariantCulture);
            return DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string? Text(JsonElement root, string key, List<ImportProblem> problems)
    {
        if (!root.TryGetProperty(key, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (element.ValueKind != JsonValueKind.String)
        {
            problems.Add(ImportProblem.Of(0, key, "mapping.text"));
            return null;
        }
        return element.GetString();
    }

    private static List<string> TextList(JsonElement root, string key, List<ImportProblem> problems)
    {
        if (!root.TryGetProperty(key, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return [];
        }
        if (element.ValueKind != JsonValueKind.Array || element.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.String))
        {
            problems.Add(ImportProblem.Of(0, key, "mapping.list"));
            return [];
        }
        return element.EnumerateArray().Select(x => x.GetString()!).ToList();
    }
}
