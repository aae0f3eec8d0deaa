using System.Globalization;
using LiveOps.Core.Common;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace LiveOps.Dashboard.Exports;

/// <summary>How a page download shows one column's values.</summary>
public enum CellKind
{
    /// <summary>Text, guarded against formulas.</summary>
    Text,
    /// <summary>Yuan, rounded to the fen: 203.62 in CSV, ¥#,##0.00 in Excel.</summary>
    Money,
    /// <summary>A fraction shown as a percentage: 12.5% in CSV, 0.0% in Excel.</summary>
    Percent,
    /// <summary>People, orders: whole numbers, #,##0 in Excel.</summary>
    Count,
    /// <summary>A number with one decimal (hours, minutes).</summary>
    Decimal,
    /// <summary>Revenue ÷ cost written 1:3.8 (the cell holds 3.8).</summary>
    Ratio,
}

/// <summary>A column of a page download: its header in the page's language, how its values show, its Excel width.</summary>
public sealed record DownloadColumn(string Header, CellKind Kind, double Width = 14);

/// <summary>
/// The downloads a person forwards (CSV and Excel from the pages): headers and labels in the page's language, money to
/// the fen, rates as percentages, whole numbers for people, and in Excel ¥/% number formats, column widths and a frozen
/// header. The command line's machine format (contract names, full precision) is <see cref="ExportTable"/>.
/// </summary>
public static class PageDownload
{
    public const string MoneyFormat = "¥#,##0.00";
    public const string PercentFormat = "0.0%";
    public const string CountFormat = "#,##0";
    public const string DecimalFormat = "0.0";
    public const string RatioFormat = "\"1:\"0.0";

    /// <summary>An instant as a download shows it: local wall-clock time to the minute.</summary>
    public static string LocalTime(DateTimeOffset instant, ZoneClock clock) =>
        clock.ToLocal(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A day as a download shows it.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// A cell as the page's CSV writes it (invariant digits, no grouping, so spreadsheets read numbers). Numbers are
    /// shown as <see cref="ShownNumber"/>, which the one CSV writer treats as a number (never formula-guarded, so
    /// <c>-80.2%</c> stays a number); text goes to the writer's formula guard.
    /// </summary>
    public static object? CsvValue(object? value, CellKind kind) => (value, kind) switch
    {
        (null, _) => null,
        (string s, _) => s,
        (_, CellKind.Money) => new ShownNumber(Math.Round(Convert.ToDecimal(value, CultureInfo.InvariantCulture), 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture)),
        (_, CellKind.Percent) => new ShownNumber(Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("0.0%", CultureInfo.InvariantCulture)),
        (_, CellKind.Count) => new ShownNumber(Math.Round(Convert.ToDouble(value, CultureInfo.InvariantCulture), MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture)),
        (_, CellKind.Decimal) => new ShownNumber(Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("0.0", CultureInfo.InvariantCulture)),
        (_, CellKind.Ratio) => new ShownNumber("1:" + Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("0.0", CultureInfo.InvariantCulture)),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    /// <summary>A cell as the Excel sheet holds it: numbers stay numbers (rounded as shown), the format does the rest.</summary>
    public static object? XlsxValue(object? value, CellKind kind) => (value, kind) switch
    {
        (null, _) => null,
        (string s, _) => SpreadsheetText.Neutralise(s),
        (_, CellKind.Money) => Math.Round(Convert.ToDecimal(value, CultureInfo.InvariantCulture), 2, MidpointRounding.AwayFromZero),
        (_, CellKind.Percent) => Math.Round(Convert.ToDouble(value, CultureInfo.InvariantCulture), 4, MidpointRounding.AwayFromZero),
        (_, CellKind.Count) => (long)Math.Round(Convert.ToDouble(value, CultureInfo.InvariantCulture), MidpointRounding.AwayFromZero),
        (_, CellKind.Decimal or CellKind.Ratio) => Math.Round(Convert.ToDouble(value, CultureInfo.InvariantCulture), 1, MidpointRounding.AwayFromZero),
        _ => SpreadsheetText.Neutralise(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    public static string? ExcelFormat(CellKind kind) => kind switch
    {
        CellKind.Money => MoneyFormat,
        CellKind.Percent => PercentFormat,
        CellKind.Count => CountFormat,
        CellKind.Decimal => DecimalFormat,
        CellKind.Ratio => RatioFormat,
        _ => null,
    };

    public static async Task WriteCsvAsync(IReadOnlyList<DownloadColumn> columns, IEnumerable<object?[]> rows, TextWriter writer)
    {
        var cells = rows.Select(row => row.Select((v, i) => CsvValue(v, columns[i].Kind)).ToArray());
        await CsvTable.WriteAsync(writer, [.. columns.Select(c => c.Header)], cells);
    }

    public static async Task WriteXlsxAsync(IReadOnlyList<DownloadColumn> columns, IEnumerable<object?[]> rows, string sheetName, Stream stream, CancellationToken ct)
    {
        var headers = columns.Select(c => c.Header).ToArray();
        var sheet = rows.Select(row =>
        {
            var record = new Dictionary<string, object?>(columns.Count);
            for (var c = 0; c < columns.Count; c++)
            {
                record[headers[c]] = XlsxValue(row[c], columns[c].Kind);
            }
            return record;
        }).ToList();
        var configuration = new OpenXmlConfiguration
        {
            FreezeRowCount = 1,
            AutoFilter = true,
            DynamicColumns = [.. columns.Select((c, i) => new DynamicExcelColumn(c.Header) { Index = i, Width = c.Width })],
        };
        // MiniExcel writes synchronously into the stream; buffering keeps Kestrel's no-sync-IO rule.
        using var buffer = new MemoryStream();
        MiniExcel.SaveAs(buffer, sheet, sheetName: sheetName, configuration: configuration);
        XlsxNumberFormats.Apply(buffer, [.. columns.Select(c => ExcelFormat(c.Kind))]);
        buffer.Position = 0;
        await buffer.CopyToAsync(stream, ct);
    }

    /// <summary>Sends a page download: CSV with a BOM (spreadsheets read Chinese as UTF-8) or one Excel sheet.</summary>
    public static async Task SendAsync(HttpContext http, string fileName, string format, IReadOnlyList<DownloadColumn> columns, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        if (ExportTable.Respond(http, fileName, format))
        {
            await WriteXlsxAsync(columns, rows, fileName, http.Response.Body, ct);
            return;
        }
        await using var writer = new StreamWriter(http.Response.Body, CsvTable.FileEncoding);
        await WriteCsvAsync(columns, rows, writer);
    }
}

/// <summary>A number already written as it is shown (203.62, 12.5%, 1:3.8): a number to the CSV writer, so never formula-guarded.</summary>
public readonly record struct ShownNumber(string Text) : IFormattable
{
    public string ToString(string? format, IFormatProvider? formatProvider) => Text;

    public override string ToString() => Text;
}
