using System.Globalization;
using System.Text;
using CsvHelper;

namespace LiveOps.Core.Common;

/// <summary>
/// The one CSV writer of the product, for every page download and every <c>report --format csv</c>: RFC 4180 (a
/// field holding a comma, quote or line break is quoted, quotes doubled), invariant numbers at full precision, empty
/// for null, and the formula guard of <see cref="SpreadsheetText"/> on every text cell. Numbers are never guarded:
/// <c>-1</c> stays a number.
/// </summary>
/// <remarks>
/// Files for spreadsheets are written in <see cref="FileEncoding"/> (with a BOM, so Excel reads Chinese as UTF-8) and end
/// lines with CRLF; the command line writes to standard output without a BOM, with the line ending its format has
/// always had.
/// </remarks>
public static class CsvTable
{
    public const string Crlf = "\r\n";

    /// <summary>UTF-8 with a byte order mark, for files a spreadsheet opens.</summary>
    public static readonly Encoding FileEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>Writes the header and the rows; cells are text, numbers or null (see <see cref="Cell"/>).</summary>
    public static async Task WriteAsync(TextWriter writer, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, string newLine = Crlf, CancellationToken ct = default)
    {
        await using var csv = Open(writer, newLine);
        WriteFields(csv, columns);
        await csv.EndRecordAsync(ct);
        foreach (var row in rows)
        {
            WriteFields(csv, row);
            await csv.EndRecordAsync(ct);
        }
    }

    /// <summary><see cref="WriteAsync"/> for a writer that only buffers (a string, a memory stream).</summary>
    public static void Write(TextWriter writer, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, string newLine = Crlf)
    {
        using var csv = Open(writer, newLine);
        WriteFields(csv, columns);
        csv.EndRecord();
        foreach (var row in rows)
        {
            WriteFields(csv, row);
            csv.EndRecord();
        }
    }

    private static CsvWriter Open(TextWriter writer, string newLine) =>
        CsvWriter.Create(writer, CsvWriterOptions.Default with { NewLine = newLine }, leaveOpen: true);

    private static void WriteFields<T>(CsvWriter csv, IReadOnlyList<T> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            csv.WriteField(Cell(cells[i]));
        }
    }

    /// <summary>
    /// A cell's text before quoting: text guarded against formulas, a double as the shortest text that reads back
    /// the same, other numbers and values invariant, null as null (an empty field).
    /// </summary>
    public static string? Cell(object? value) => value switch
    {
        null => null,
        string s => SpreadsheetText.Neutralise(s),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => SpreadsheetText.Neutralise(value.ToString()),
    };
}

/// <summary>
/// Guards exported text against spreadsheet formula injection: a cell that begins with <c>=</c>, <c>+</c>,
/// <c>-</c> or <c>@</c> (or a tab or carriage return, which some spreadsheets strip before evaluating) would be
/// run as a formula when the file is opened, so it is prefixed with an apostrophe and shown as the text it is.
/// </summary>
public static class SpreadsheetText
{
    public static string? Neutralise(string? text) =>
        text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
