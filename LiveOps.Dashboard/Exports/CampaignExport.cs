using System.Globalization;
using System.Text;
using LiveOps.Core.Campaigns;
using LiveOps.Core.Common;

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

    /// <summary>Cells per row: strings for text, numbers as numbers, null for empty (the writers guard the text).</summary>
    public static IEnumerable<object?[]> Rows(CampaignReport report, ZoneClock clock) =>
        report.Insights.Select(i =>
        {
            var r = i.Result;
            return new object?[]
            {
                r.CampaignId, r.Name, ContractNames.Of(r.Type),
                ExportTable.LocalTime(i.StartsAt, clock), i.EndsAt is { } end ? ExportTable.LocalTime(end, clock) : null, i.AttributionDays,
                r.Exposed, r.Clicked, r.Joined, r.Claimed, r.Redeemed,
                r.Buyers, r.Orders, r.Revenue, r.RepeatBuyers90d, r.Cost, r.Roi,
            };
        });

    public static Task WriteCsvAsync(CampaignReport report, ZoneClock clock, TextWriter writer) =>
        ExportTable.WriteCsvAsync(Columns, Rows(report, clock), writer);

    public static Task WriteXlsxAsync(CampaignReport report, ZoneClock clock, Stream stream, CancellationToken ct) =>
        ExportTable.WriteXlsxAsync(Columns, Rows(report, clock), "campaigns", stream, ct);

    public static readonly Encoding CsvEncoding = ExportTable.CsvEncoding;
}
