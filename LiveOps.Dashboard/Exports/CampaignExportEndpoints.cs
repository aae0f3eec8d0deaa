using LiveOps.Core.Campaigns;
using LiveOps.Core.Common;
using LiveOps.Dashboard.Components.Pages.Campaigns;

namespace LiveOps.Dashboard.Exports;

/// <summary>
/// <c>/export/campaigns.csv</c> and <c>/export/campaigns.xlsx</c>, with the page's filters in the query string;
/// both call <see cref="CampaignService"/> as the page does.
/// </summary>
public static class CampaignExportEndpoints
{
    public static void MapCampaignExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/export/campaigns.csv", async (string? type, string? from, string? to, CampaignService service, ZoneClock clock, HttpContext http, CancellationToken ct) =>
        {
            if (!new CampaignFilter(type, from, to).TryToQuery(clock, out var query, out var problem))
            {
                return Results.BadRequest(problem);
            }
            var report = await service.RunAsync(query, ct);
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = "attachment; filename=campaigns.csv";
            // A BOM so that spreadsheet programs read the Chinese names as UTF-8.
            await using var writer = new StreamWriter(http.Response.Body, CampaignExport.CsvEncoding);
            await CampaignExport.WriteCsvAsync(report, clock, writer);
            return Results.Empty;
        });
        app.MapGet("/export/campaigns.xlsx", async (string? type, string? from, string? to, CampaignService service, ZoneClock clock, HttpContext http, CancellationToken ct) =>
        {
            if (!new CampaignFilter(type, from, to).TryToQuery(clock, out var query, out var problem))
            {
                return Results.BadRequest(problem);
            }
            var report = await service.RunAsync(query, ct);
            http.Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            http.Response.Headers.ContentDisposition = "attachment; filename=campaigns.xlsx";
            await CampaignExport.WriteXlsxAsync(report, clock, http.Response.Body, ct);
            return Results.Empty;
        });
    }
}
