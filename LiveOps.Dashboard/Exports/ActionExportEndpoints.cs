using LiveOps.Core.Actions;

namespace LiveOps.Dashboard.Exports;

/// <summary>
/// <c>/actions/{id}/contacts.csv</c> and <c>.xlsx</c>: the send list of an action, contacted customers only, formula-neutralised.
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
            await ExportTable.SendAsync(http, $"action-{id}-contacts", format, ActionExports.ContactColumns,
                ActionExports.ContactRows(rows, await DownloadTierNames.ForAsync(http, ct)), ct);
            return Results.Empty;
        });
    }
}
