using LiveOps.Core.Value;
using LiveOps.Dashboard.Components.Pages.Value;
using LiveOps.Dashboard.Resources;
using Microsoft.Extensions.Localization;

namespace LiveOps.Dashboard.Exports;

/// <summary>
/// <c>/export/value/customers.csv</c> and <c>.xlsx</c>: every customer of an RFM segment, a P(alive) × value cell or the
/// churn-risk list (<c>list</c> and <c>key</c> as on the page), from the same <see cref="ValueService"/> call the page makes,
/// as a page download in the page's language (<see cref="ListDownloads"/>). Text cells are formula-neutralised by the one writer.
/// </summary>
public static class ValueExports
{
    public static void MapValueExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/export/value/customers.{format}", async (string format, string? list, string? key, ValueService service, HttpContext http, CancellationToken ct) =>
        {
            if (format is not ("csv" or "xlsx"))
            {
                return Results.NotFound();
            }
            var t = http.RequestServices.GetRequiredService<IStringLocalizer<ValueResource>>();
            if (ValueView.Parse(list, key) is not { } query)
            {
                // Plain text in the request's language, as the other downloads answer a refused filter.
                return Results.Text(t["Dl.ListRequired"].Value, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
            }
            var rows = await service.CustomersAsync(query, ct);
            var name = query.Key is null ? $"value-{ValueView.ListName(query.Kind)}" : $"value-{ValueView.ListName(query.Kind)}-{query.Key}";
            var tierName = await DownloadTierNames.ForAsync(http, ct);
            await PageDownload.SendAsync(http, name, format, ListDownloads.ValueCustomerColumns(t, query.HorizonDays),
                rows.Select(r => ListDownloads.ValueCustomerRow(r, t, tierName)), ct);
            return Results.Empty;
        });
    }
}
