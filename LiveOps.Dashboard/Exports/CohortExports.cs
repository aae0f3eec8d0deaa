using System.Globalization;
using System.Text;
using LiveOps.Core.Cohorts;
using LiveOps.Core.Common;
using LiveOps.Dashboard.Components.Pages.Cohorts;

namespace LiveOps.Dashboard.Exports;

/// <summary>
/// <c>GET /export/cohorts/customers.csv</c>: every customer behind one matrix cell, for outreach. Takes the page's
/// query string (period, from, to, mode, metric, breakdown) plus group, cohort and offset, and calls the same service.
/// </summary>
public static class CohortExports
{
    public static void MapCohortExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/export/cohorts/customers.csv", async (HttpContext http, ICohortService service, ZoneClock clock, CancellationToken ct) =>
        {
            var q = http.Request.Query;
            var query = CohortView.Parse(q["period"], q["from"], q["to"], q["mode"], q["metric"], q["breakdown"], clock);
            if (!int.TryParse(q["offset"], CultureInfo.InvariantCulture, out var offset) || offset < 0 || string.IsNullOrEmpty(q["cohort"]))
            {
                return Results.BadRequest("cohort (such as 2026-11 or 2026-W46) and offset (0, 1, 2, …) are required");
            }
            var page = await service.CustomersAsync(new CohortCellQuery(query, q["group"].FirstOrDefault() ?? CohortGroups.All, q["cohort"]!, offset, 0, int.MaxValue), ct);
            var csv = new StringBuilder("customer_id,nickname,first_order_at,orders_in_cell,revenue_in_cell,orders,revenue\n");
            foreach (var c in page.Items)
            {
                csv.Append(CultureInfo.InvariantCulture,
                    $"{Field(c.CustomerId)},{Field(c.Nickname)},{Timestamps.Format(c.FirstOrderAt, clock)},{c.OrdersInCell},{c.RevenueInCell},{c.Orders},{c.Revenue}\n");
            }
            var name = $"cohort-{q["cohort"]}-k{offset}.csv";
            // A BOM so that Excel on Chinese Windows opens the UTF-8 nicknames correctly.
            return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", name);
        });
    }

    /// <summary>RFC 4180 quoting, and a leading quote mark against spreadsheet formula injection.</summary>
    private static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        if (value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
