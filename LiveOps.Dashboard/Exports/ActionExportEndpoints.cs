using LiveOps.Core.Actions;
using LiveOps.Dashboard.Resources;
using Microsoft.Extensions.Localization;

namespace LiveOps.Dashboard.Exports;

/// <summary>
/// <c>/actions/{id}/contacts.csv</c> and <c>.xlsx</c>: the send list of an action, contacted customers only, in the page's language (<see cref="ListDownloads"/>), formula-neutralised.
/// </summary>
public static class ActionExportEndpoints
{
    public static void MapActionExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/actions/{id:int}/contacts.{format}", async (int id, string format, ContactListService contacts, HttpContext http, CancellationToken ct) =>
        {
            if (format is not ("csv" or "xlsx"))
            {
                return Results.NotFound();
            }
            var rows = await contacts.ContactedAsync(id, ct);
            if (rows is null)
            {
                return Results.NotFound();
            }
            var t = http.RequestServices.GetRequiredService<IStringLocalizer<ActionsResource>>();
            await PageDownload.SendAsync(http, $"action-{id}-contacts", format, ListDownloads.ContactColumns(t),
                ListDownloads.ContactRows(rows, await DownloadTierNames.ForAsync(http, ct)), ct);
            return Results.Empty;
        });
    }
}
