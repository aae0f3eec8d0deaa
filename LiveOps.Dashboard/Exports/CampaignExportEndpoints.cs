using LiveOps.Core.Campaigns;
using LiveOps.Core.Common;
using LiveOps.Dashboard.Components.Pages.Campaigns;
using LiveOps.Dashboard.Resources;
using Microsoft.Extensions.Localization;

namespace LiveOps.Dashboard.Exports;

/// <summary>
/// <c>/export/campaigns.csv</c> and <c>/export/campaigns.xlsx</c>, with the page's filters in the query string; both
/// call <see cref="CampaignService"/> as the page does and write the page's table in the page's language
/// (<see cref="PageDownloads"/>). The command line's <c>report campaigns --format csv</c> keeps the contract's names.
/// </summary>
public static class CampaignExportEndpoints
{
    public static void MapCampaignExports(this IEndpointRouteBuilder app)
    {
        foreach (var format in new[] { "csv", "xlsx" })
        {
            app.MapGet($"/export/campaigns.{format}", async (string? type, string? from, string? to, CampaignService service, ZoneClock clock,
                IStringLocalizer<CampaignsResource> t, HttpContext http, CancellationToken ct) =>
            {
                if (!new CampaignFilter(type, from, to).TryToQuery(clock, out var query, out var problem))
                {
                    return Results.BadRequest(problem);
                }
                var report = await service.RunAsync(query, ct);
                await PageDownload.SendAsync(http, "campaigns", format, PageDownloads.CampaignColumns(t), PageDownloads.CampaignRows(report, clock, t), ct);
                return Results.Empty;
            });
        }
    }
}
