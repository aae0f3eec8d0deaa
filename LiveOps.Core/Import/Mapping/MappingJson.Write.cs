using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiveOps.Core.Import.Mapping;

/// <summary>Writes a mapping back as the JSON of contract §5 (saved mappings, the editor).</summary>
public static partial class MappingJson
{
    /// <summary>The mapping as contract §5 JSON (indented, keys in the contract's order), as saved and shown in the editor.</summary>
    public static string Write(ImportMapping mapping)
    {
        var root = new JsonObject
        {
            ["kind"] = ImportKinds.Name(mapping.Kind),
            ["name"] = mapping.Name,
        };
        if (mapping.Description is not null)
        {
            root["description"] = mapping.Description;
        }
        root["encoding"] = mapping.Encoding switch { SourceEncoding.Utf8 => "utf-8", SourceEncoding.Gb18030 => "gb18030", _ => "auto" };
        var fields = new JsonObject();
        foreach (var (target, rule) in mapping.Fields)
        {
            fields[target] = WriteField(rule);
        }
        root["fields"] = fields;
        if (mapping.Lines != LineMode.None)
        {
            root["lines"] = mapping.Lines == LineMode.Sum ? "sum" : "once";
        }
        if (mapping.Skip.Count > 0)
        {
            root["skip"] = new JsonArray([.. mapping.Skip.Select(s => (JsonNode)(s.Column is not null
                ? new JsonObject { ["column"] = s.Column, ["is"] = s.Is }
                : new JsonObject { ["field"] = s.Field, ["is"] = s.Is }))]);
        }
        if (mapping.TimestampFormats.Count > 0)
        {
            root["timestampFormats"] = new JsonArray([.. mapping.TimestampFormats.Select(f => (JsonNode)f!)]);
        }
        if (mapping.Detect.Count > 0)
        {
            root["detect"] = new JsonArray([.. mapping.Detect.Select(f => (JsonNode)f!)]);
        }
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static JsonNode WriteField(FieldRule rule)
    {
        if (rule.Column is not null && rule.Values is null && !rule.Hash)
        {
            return rule.Column;
        }
        var field = new JsonObject();
        if (rule.Column is not null)
        {
            field["column"] = rule.Column;
        }
        if (rule.Values is not null)
        {
            var values = new JsonObject();
            foreach (var (from, to) in rule.Values)
            {
                values[from] = to;
            }
            field["values"] = values;
        }
        if (rule.Value is not null)
        {
            field["value"] = rule.Value;
        }
        if (rule.Product is not null)
        {
            field["product"] = new JsonArray([.. rule.Product.Select(p => (JsonNode)p!)]);
        }
        if (rule.Hash)
        {
            field["hash"] = true;
        }
        return field;
    }
}
