using System.Text;
using LiveOps.Core.Import;

namespace LiveOps.Dashboard.Components.Pages.Data;

/// <summary>
/// A sample file of every kind, so an operator can start from a file the import takes. The samples ship inside the
/// dashboard; their header is written with each column's first Chinese name where the contract accepts one (the import
/// reads both), and the file carries a UTF-8 BOM so Excel opens the Chinese text correctly.
/// </summary>
public static class TemplateFiles
{
    public static string FileName(ImportKind kind) => $"{ImportKinds.Name(kind)}.csv";

    /// <summary>The address the Data page links to.</summary>
    public static string Url(ImportKind kind) => $"/data/template/{FileName(kind)}";

    /// <summary>The template's text (without the BOM).</summary>
    public static string Text(ImportKind kind)
    {
        using var stream = typeof(TemplateFiles).Assembly.GetManifestResourceStream($"LiveOps.Templates.{ImportKinds.Name(kind)}.csv")
            ?? throw new InvalidOperationException($"no template for {ImportKinds.Name(kind)}");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var header = reader.ReadLine() ?? "";
        var fields = ImportSchemas.For(kind).Fields;
        // Sample headers are plain names (no quotes or commas), so a split is exact here.
        var chinese = header.Split(',').Select(name =>
            fields.FirstOrDefault(f => f.Name == name) is { Aliases: [var first, ..] } ? first : name);
        return string.Join(',', chinese) + "\n" + reader.ReadToEnd().ReplaceLineEndings("\n");
    }

    /// <summary>The template as served: UTF-8 with a BOM.</summary>
    public static byte[] Bytes(ImportKind kind) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Text(kind))];

    public static void MapTemplateEndpoints(this WebApplication app) =>
        app.MapGet("/data/template/{file}", (string file) =>
            file.EndsWith(".csv", StringComparison.Ordinal) && ImportKinds.TryParse(file[..^4], out var kind)
                ? Results.File(Bytes(kind), "text/csv; charset=utf-8", FileName(kind))
                : Results.NotFound());
}
