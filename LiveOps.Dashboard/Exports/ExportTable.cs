using System.Globalization;
using System.Text;
using LiveOps.Core.Common;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace LiveOps.Dashboard.Exports;

/// <summary>
/// A table of named columns sent as CSV (<see cref="CsvTable"/>: RFC 4180, a BOM, CRLF) or as one Excel sheet. Cells are
/// text, numbers or null (empty); every text cell gets the same formula guard (<see cref="SpreadsheetText"/>) in both.
/// </summary>
public static class ExportTable
{
    public static readonly Encoding CsvEncoding = CsvTable.FileEncoding;

    public static Task WriteCsvAsync(IReadOnlyList<string> columns, IEnumerable<object?[]> rows, TextWriter writer) =>
        CsvTable.WriteAsync(writer, columns, rows);

    public static async Task WriteXlsxAsync(IReadOnlyList<string> columns, IEnumerable<object?[]> rows, string sheetName, Stream stream, CancellationToken ct)
    {
        var sheet = rows.Select(row =>
        {
            var record = new Dictionary<string, object?>(columns.Count);
            for (var c = 0; c < columns.Count; c++)
            {
                record[columns[c]] = row[c] is string text ? SpreadsheetText.Neutralise(text) : row[c];
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

    /// <summary>Sends a table as a download: <c>text/csv</c> with a BOM (so spreadsheets read Chinese as UTF-8) or xlsx.</summary>
    public static async Task SendAsync(HttpContext http, string fileName, string format, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken ct, string newLine = CsvTable.Crlf)
    {
        if (Respond(http, fileName, format))
        {
            await WriteXlsxAsync(columns, rows, fileName, http.Response.Body, ct);
            return;
        }
        await using var writer = new StreamWriter(http.Response.Body, CsvEncoding);
        await CsvTable.WriteAsync(writer, columns, rows, newLine, ct);
    }

    /// <summary>Names the download and sets its content type; true when it is an Excel workbook, false for CSV.</summary>
    public static bool Respond(HttpContext http, string fileName, string format)
    {
        http.Response.Headers.ContentDisposition = $"attachment; filename={fileName}.{format}";
        var xlsx = format == "xlsx";
        http.Response.ContentType = xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8";
        return xlsx;
    }
}
