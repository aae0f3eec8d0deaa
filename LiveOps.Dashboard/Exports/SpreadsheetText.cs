namespace LiveOps.Dashboard.Exports;

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
