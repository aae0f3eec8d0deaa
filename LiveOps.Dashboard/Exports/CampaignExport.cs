using System.Globalization;
using System.Text;
using LiveOps.Core.Campaigns;
using LiveOps.Core.Common;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace LiveOps.Dashboard.Exports;

/// <summary>
/// The campaign table as files: one row per campaign, the contract's fields plus the dates, under the contract's
/// (JSON) names so that automation and spreadsheets read the same columns. Used by <c>report campaigns --format
/// csv</c> and by the page's CSV and Excel downloads; text cells are neutralised against formula injection.
/// </summary>
public static class CampaignExport
{
    public static readonly string[] Columns =
    [
        "campaignId", "name", "type", "startsAt", "endsAt", "attributionDays",
        "exposed", "clicked", "joined", "claimed", "redeemed",
        "buyers", "orders", "revenue", "repeatBuyers90d", "cost", "roi",
    ];

    /// <summary>Cells per row: strings for text (neutralised), numbers as numbers, null for empty.</summary>
    public static IEnumerable<object?[]> Rows(CampaignReport report, ZoneClock clock) =>
        report.Insights.Select(i =>
        {
            var r = i.Result;
            return new object?[]
            {
                SpreadsheetText.Neutralise(r.CampaignId), SpreadsheetText.Neutralise(r.Name), ContractNames.Of(r.Type),
                LocalTime(i.StartsAt, clock), i.EndsAt is { } end ? LocalTime(end, clock) : null, i.AttributionDays,
                r.Exposed, r.Clicked, r.Joined, r.Claimed, r.Redeemed,
                r.Buyers, r.Orders, r.Revenue, r.RepeatBuyers90d, r.Cost, r.Roi,
            };
        });

    public static async Task WriteCsvAsync(CampaignReport report, ZoneClock clock, TextWriter writer)
    {
        await writer.WriteAsync(string.Join(',', Columns) + "\r\n");
        foreach (var row in Rows(report, clock))
        {
            await writer.WriteAsync(string.Join(',', row.Select(CsvCell)) + "\r\n");
        }
    }

    public static async Task WriteXlsxAsync(CampaignReport report, ZoneClock clock, Stream stream, CancellationToken ct)
    {
        var sheet = Rows(report, clock).Select(row =>
        {
            var record = new Dictionary<string, object?>(Columns.Length);
            for (var c = 0; c < Columns.Length; c++)
            {
                record[Columns[c]] = row[c];
            }
            return record;
        }).ToList();
        // MiniExcel writes synchronously into the stream; buffering keeps Kestrel's no-sync-IO rule.
        using var buffer = new MemoryStream();
        MiniExcel.SaveAs(buffer, sheet, sheetName: "campaigns");
        buffer.Position = 0;
        await buffer.CopyToAsync(stream, ct);
    }

    private static string LocalTime(DateTimeOffset instant, ZoneClock clock) =>
        clock.ToLocal(instant).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string CsvCell(object? value) => value switch
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

    public static readonly Encoding CsvEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
}
