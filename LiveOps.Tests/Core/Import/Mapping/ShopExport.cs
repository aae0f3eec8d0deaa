using System.Globalization;
using System.Text;
using LiveOps.Core.Import.Mapping;
using MiniExcelLibs;

namespace LiveOps.Tests.Core.Import.Mapping;

/// <summary>The file formats shop backends and Excel give operators.</summary>
public enum ExportFormat
{
    /// <summary>CSV saved by Excel on a Chinese Windows: GBK (GB18030), no BOM.</summary>
    CsvGbk,
    CsvUtf8,
    CsvUtf8Bom,
    /// <summary>.xlsx written with MiniExcel: numbers as Excel numbers, times as Excel dates.</summary>
    Xlsx,
}

/// <summary>
/// A shop's export as the tests write it: the platform's header and rows of cells (text, <see cref="decimal"/> amounts,
/// <see cref="DateTime"/> local times). CSV writes every cell as the platform writes text (times with
/// <see cref="TimeFormat"/>); .xlsx keeps numbers and times as Excel numbers and dates.
/// </summary>
public sealed record ShopExport(string[] Header, object?[][] Rows, string TimeFormat = "yyyy-MM-dd HH:mm:ss")
{
    static ShopExport() => _ = SourceRows.Gb18030; // registers the code pages

    public byte[] Bytes(ExportFormat format) => format switch
    {
        ExportFormat.CsvGbk => SourceRows.Gb18030.GetBytes(Csv()),
        ExportFormat.CsvUtf8 => new UTF8Encoding(false).GetBytes(Csv()),
        ExportFormat.CsvUtf8Bom => [0xEF, 0xBB, 0xBF, .. new UTF8Encoding(false).GetBytes(Csv())],
        _ => Xlsx(),
    };

    public static string Extension(ExportFormat format) => format == ExportFormat.Xlsx ? ".xlsx" : ".csv";

    public string Csv()
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', Header.Select(Quote))).Append("\r\n");
        foreach (var row in Rows)
        {
            text.Append(string.Join(',', row.Select(cell => Quote(Text(cell))))).Append("\r\n");
        }
        return text.ToString();
    }

    private string Text(object? cell) => cell switch
    {
        null => "",
        DateTime t => t.ToString(TimeFormat, CultureInfo.InvariantCulture),
        decimal d => d.ToString("0.00", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString()!,
    };

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n', '\t']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private byte[] Xlsx()
    {
        var sheet = Rows.Select(row =>
        {
            var record = new Dictionary<string, object?>();
            for (var i = 0; i < Header.Length; i++)
            {
                record[Header[i]] = row[i] switch
                {
                    decimal d => (double)d,
                    // An id cell keeps its text; the tab shop backends add for Excel is not in a workbook.
                    string s => s.TrimStart('\t'),
                    var other => other,
                };
            }
            return record;
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }
}
