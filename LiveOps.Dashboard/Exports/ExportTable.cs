using System.Globalization;
using System.Text;
using LiveOps.Core.Common;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace LiveOps.Dashboard.Exports;

/// <summary>
/// A table of named columns written as CSV (RFC 4180, invariant numbers, full precision) or as one Excel sheet.
/// Cells are strings (already neutralised by the caller with <see cref="SpreadsheetText"/>), numbers or null (empty).
/// </summary>
public static class ExportTable
{
    public static readonly Encoding CsvEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static async Task WriteCsvAsync(IReadOnlyList<string> columns, IEnumerable<object?[]> rows, TextWriter writer)
    {
        await writer.WriteAsync(string.Join(',', columns) + "\r\n");
        foreach (var row in rows)
        {
            await writer.WriteAsync(string.Join(',', row.Select(CsvCell)) + "\r\n");
        }
    }

    public static async Task WriteXlsxAsync(IReadOnlyList<string> columns, IEnumerable<object?[]> rows, string sheetName, Stream stream, CancellationToken ct)
    {
        var sheet = rows.Select(row =>
        {
            var record = new Dictionary<string, object?>(columns.Count);
            for (var c = 0; c < columns.Count; c++)
            {
                record[columns[c]] = row[c];
            }
            return record;
        }).ToList();
        // MiniExcel writes synchronously into the stream; buffering keeps Kestrel's no-sync-IO rule.
        using var buffer = new MemoryStream();
        MiniExcel.SaveAs(buffer, sheet, sheetName: sheetName);
        buffer.Position = 0;
        await buffer.CopyToAsync(stream, ct);
    }

    /// <summary>An instant as local time in the configured zone, the way every export writes times.</summary>
    public static string LocalTime(DateTimeOffset instant, ZoneClock clock) =>
        clock.ToLocal(instant).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string CsvCell(object? value) => value switch
    {
        null => "",
        string s => Quote(s),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Quote(value.ToString() ?? ""),
    };

    /// <summary>RFC 4180: quote when the text holds a comma, quote or line break; double the quotes.</summary>
    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    /// <summary>Sends a table as a download: <c>text/csv</c> with a BOM (so spreadsheets read Chinese as UTF-8) or xlsx.</summary>
    public static async Task SendAsync(HttpContext http, string fileName, string format, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        http.Response.Headers.ContentDisposition = $"attachment; filename={fileName}.{format}";
        if (format == "xlsx")
        {
            http.Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            await WriteXlsxAsync(columns, rows, fileName, http.Response.Body, ct);
            return;
        }
        http.Response.ContentType = "text/csv; charset=utf-8";
        await using var writer = new StreamWriter(http.Response.Body, CsvEncoding);
        await WriteCsvAsync(columns, rows, writer);
    }
}
