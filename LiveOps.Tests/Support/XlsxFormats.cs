using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;

namespace LiveOps.Tests.Support;

/// <summary>
/// What a spreadsheet program shows of an .xlsx beyond its values: each column's number format (read from the first
/// data row's cell style), its width, and whether the header row is frozen. Read straight from the OpenXML parts.
/// </summary>
public sealed class XlsxFormats
{
    private static readonly XNamespace S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private readonly Dictionary<string, string?> _formats = [];
    private readonly Dictionary<string, double?> _widths = [];

    public bool HeaderFrozen { get; private init; }

    public static XlsxFormats Read(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        XDocument Part(string name) => XDocument.Load(zip.GetEntry(name)!.Open());
        var styles = Part("xl/styles.xml");
        var sheet = Part("xl/worksheets/sheet1.xml");
        var shared = zip.GetEntry("xl/sharedStrings.xml") is { } entry
            ? XDocument.Load(entry.Open()).Root!.Elements(S + "si").Select(si => string.Concat(si.Descendants(S + "t").Select(t => t.Value))).ToList()
            : [];
        var customFormats = styles.Root!.Element(S + "numFmts")?.Elements(S + "numFmt")
            .ToDictionary(f => (int)f.Attribute("numFmtId")!, f => (string)f.Attribute("formatCode")!) ?? [];
        var xfs = styles.Root!.Element(S + "cellXfs")!.Elements(S + "xf").Select(x => (int?)x.Attribute("numFmtId") ?? 0).ToList();
        var rows = sheet.Descendants(S + "row").ToList();
        string Text(XElement c) => (string?)c.Attribute("t") switch
        {
            "s" => shared[int.Parse(c.Element(S + "v")!.Value, CultureInfo.InvariantCulture)],
            "inlineStr" => string.Concat(c.Descendants(S + "t").Select(t => t.Value)),
            _ => c.Element(S + "v")?.Value ?? "",
        };
        static int Column(XElement c) => ((string)c.Attribute("r")!).TakeWhile(char.IsLetter).Aggregate(0, (n, ch) => n * 26 + ch - 'A' + 1);
        var headers = rows[0].Elements(S + "c").ToDictionary(Column, Text);
        var firstData = rows.Count > 1 ? rows[1].Elements(S + "c").ToDictionary(Column, c => (int?)c.Attribute("s") ?? 0) : [];
        var widths = sheet.Descendants(S + "col").SelectMany(col => Enumerable.Range((int)col.Attribute("min")!, (int)col.Attribute("max")! - (int)col.Attribute("min")! + 1)
            .Select(i => (i, (double?)col.Attribute("width")))).ToDictionary(p => p.i, p => p.Item2);
        var pane = sheet.Descendants(S + "pane").FirstOrDefault();
        var result = new XlsxFormats { HeaderFrozen = pane is not null && (string?)pane.Attribute("state") == "frozen" && (double?)pane.Attribute("ySplit") >= 1 };
        foreach (var (index, header) in headers)
        {
            var numFmt = firstData.TryGetValue(index, out var style) ? xfs[style] : 0;
            result._formats[header] = customFormats.TryGetValue(numFmt, out var code) ? code : BuiltIn(numFmt);
            result._widths[header] = widths.TryGetValue(index, out var w) ? w : null;
        }
        return result;
    }

    public string? ColumnFormat(string header) => _formats[header];

    public double? ColumnWidth(string header) => _widths[header];

    private static string? BuiltIn(int id) => id switch
    {
        0 => null,
        1 => "0",
        2 => "0.00",
        3 => "#,##0",
        4 => "#,##0.00",
        9 => "0%",
        10 => "0.00%",
        _ => "builtin:" + id.ToString(CultureInfo.InvariantCulture),
    };
}
