using System.Reflection;

namespace LiveOps.Core.Import.Mapping;

/// <summary>A mapping offered for a header: how many of its identifying columns the header has, and whether it is built in.</summary>
public sealed record MappingMatch(ImportMapping Mapping, int Matched, bool IsPreset, int? Version = null);

/// <summary>
/// The mappings shipped with the product for the exports LiveOps users have (embedded JSON resources under
/// <c>Import/Mapping/Presets</c>), found by name or offered for a file's header.
/// </summary>
public static class PresetCatalog
{
    private static readonly Lazy<IReadOnlyList<ImportMapping>> Loaded = new(Load);

    /// <summary>Every preset, in the order of the README.</summary>
    public static IReadOnlyList<ImportMapping> All => Loaded.Value;

    /// <summary>The preset of that name (case-insensitive), or null.</summary>
    public static ImportMapping? Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The presets whose identifying columns (<see cref="ImportMapping.Detect"/>) are all in <paramref name="header"/> and whose
    /// mapped source columns are all there too, best first (most identifying columns matched).
    /// </summary>
    public static IReadOnlyList<MappingMatch> Detect(IReadOnlyList<string> header) =>
        All.Select(p => Match(p, header, isPreset: true)).OfType<MappingMatch>()
            .OrderByDescending(m => m.Matched).ToList();

    /// <summary>Whether a mapping fits a header; null when it does not. Mappings without <c>detect</c> are identified by all their source columns.</summary>
    public static MappingMatch? Match(ImportMapping mapping, IReadOnlyList<string> header, bool isPreset, int? version = null)
    {
        var columns = new HashSet<string>(header.Select(h => SourceText.Clean(h)), StringComparer.OrdinalIgnoreCase);
        var identifying = mapping.Detect.Count > 0 ? mapping.Detect : mapping.SourceColumns;
        if (identifying.Count == 0 || !identifying.All(columns.Contains) || !mapping.SourceColumns.All(columns.Contains))
        {
            return null;
        }
        return new MappingMatch(mapping, identifying.Count, isPreset, version);
    }

    /// <summary>The header row of a file (CSV in any supported encoding, or .xlsx), for <see cref="Detect"/>; empty when it has none.</summary>
    public static IReadOnlyList<string> ReadHeader(Stream file)
    {
        var problems = new ProblemList();
        var start = file.Position;
        try
        {
            var format = SourceRows.Sniff(file);
            if (format is SourceFormat.Xls or SourceFormat.OtherZip)
            {
                return [];
            }
            using SourceRows rows = format == SourceFormat.Xlsx
                ? new XlsxSourceRows(file, problems)
                : new CsvSourceRows(file, SourceRows.Detect(file, SourceEncoding.Auto), checkUtf8: false, problems);
            return rows.ReadHeader(problems) ? rows.Header : [];
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException or InvalidOperationException or IOException)
        {
            return [];
        }
        finally
        {
            file.Position = start;
        }
    }

    private static IReadOnlyList<ImportMapping> Load()
    {
        var assembly = typeof(PresetCatalog).Assembly;
        var presets = new List<ImportMapping>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.Contains(".Presets.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            presets.Add(MappingJson.Parse(reader.ReadToEnd()));
        }
        return presets;
    }
}
