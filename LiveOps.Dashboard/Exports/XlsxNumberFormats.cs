using System.IO.Compression;
using System.Xml.Linq;

namespace LiveOps.Dashboard.Exports;

/// <summary>
/// Gives the data cells of a written sheet real Excel number formats (¥#,##0.00, 0.0%, …), per column. MiniExcel's
/// column Format turns a number into formatted text, which a spreadsheet can no longer add up; this keeps the numbers
/// and adds the format as a cell style, copying the style MiniExcel gave the cell (borders, font).
/// </summary>
public static class XlsxNumberFormats
{
    private static readonly XNamespace S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <param name="xlsx">A seekable, writable stream holding the workbook.</param>
    /// <param name="formats">The format code of each column (1-based column index), null for none.</param>
    public static void Apply(Stream xlsx, IReadOnlyList<string?> formats)
    {
        using var zip = new ZipArchive(xlsx, ZipArchiveMode.Update, leaveOpen: true);
        var stylesEntry = zip.GetEntry("xl/styles.xml")!;
        var sheetEntry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
        XDocument styles, sheet;
        using (var s = stylesEntry.Open()) { styles = XDocument.Load(s); }
        using (var s = sheetEntry.Open()) { sheet = XDocument.Load(s); }

        var root = styles.Root!;
        var numFmts = root.Element(S + "numFmts");
        if (numFmts is null)
        {
            numFmts = new XElement(S + "numFmts");
            root.AddFirst(numFmts);
        }
        var cellXfs = root.Element(S + "cellXfs")!;
        var xfs = cellXfs.Elements(S + "xf").ToList();
        var codeIds = new Dictionary<string, int>();
        var nextId = Math.Max(164, numFmts.Elements(S + "numFmt").Select(f => (int)f.Attribute("numFmtId")! + 1).DefaultIfEmpty(164).Max());
        var styled = new Dictionary<(int Style, string Code), int>();

        int FormatId(string code)
        {
            if (!codeIds.TryGetValue(code, out var id))
            {
                id = codeIds[code] = nextId++;
                numFmts.Add(new XElement(S + "numFmt", new XAttribute("numFmtId", id), new XAttribute("formatCode", code)));
            }
            return id;
        }

        int StyleWith(int style, string code)
        {
            if (!styled.TryGetValue((style, code), out var index))
            {
                var xf = new XElement(xfs[Math.Min(style, xfs.Count - 1)]);
                xf.SetAttributeValue("numFmtId", FormatId(code));
                xf.SetAttributeValue("applyNumberFormat", "1");
                cellXfs.Add(xf);
                xfs.Add(xf);
                index = styled[(style, code)] = xfs.Count - 1;
            }
            return index;
        }

        foreach (var row in sheet.Descendants(S + "row").Skip(1))
        {
            foreach (var cell in row.Elements(S + "c"))
            {
                var column = Column((string)cell.Attribute("r")!);
                if (column <= formats.Count && formats[column - 1] is { } code && (string?)cell.Attribute("t") is null or "n")
                {
                    cell.SetAttributeValue("s", StyleWith((int?)cell.Attribute("s") ?? 0, code));
                }
            }
        }
        numFmts.SetAttributeValue("count", numFmts.Elements(S + "numFmt").Count());
        cellXfs.SetAttributeValue("count", xfs.Count);

        Replace(zip, stylesEntry, styles);
        Replace(zip, sheetEntry, sheet);
    }

    private static int Column(string reference) =>
        reference.TakeWhile(char.IsLetter).Aggregate(0, (n, ch) => n * 26 + ch - 'A' + 1);

    private static void Replace(ZipArchive zip, ZipArchiveEntry entry, XDocument document)
    {
        var name = entry.FullName;
        entry.Delete();
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        document.Save(stream, SaveOptions.DisableFormatting);
    }
}
