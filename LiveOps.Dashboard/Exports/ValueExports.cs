using System.Globalization;
using LiveOps.Core.Common;
using LiveOps.Core.Value;
using LiveOps.Dashboard.Components.Pages.Value;

namespace LiveOps.Dashboard.Exports;

/// <summary>
/// <c>/export/value/customers.csv</c> and <c>.xlsx</c>: every customer of an RFM segment, a P(alive) × value cell or the
/// churn-risk list (<c>list</c> and <c>key</c> as on the page), from the same <see cref="ValueService"/> call the page makes.
/// Text cells are formula-neutralised by the one export writer.
/// </summary>
public static class ValueExports
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "customer_id", "nickname", "segment", "r", "f", "m", "x", "recency_days", "age_days", "spend", "monetary",
        "last_order_day", "days_since_last", "usual_interval_days", "expected_next_order_day", "p_alive",
        "expected_purchases_90d", "expected_value_90d", "at_risk", "last_channel", "tier", "private_domain",
    ];

    public static void MapValueExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/export/value/customers.{format}", async (string format, string? list, string? key, ValueService service, HttpContext http, CancellationToken ct) =>
        {
            if (format is not ("csv" or "xlsx"))
            {
                return Results.NotFound();
            }
            if (ValueView.Parse(list, key) is not { } query)
            {
                return Results.BadRequest("list must be segment (with key: an RFM segment such as Champions), quadrant (with key: KeepClose, WinBackFirst, Grow or LowPriority) or churn");
            }
            var rows = await service.CustomersAsync(query, ct);
            var name = query.Key is null ? $"value-{ValueView.ListName(query.Kind)}" : $"value-{ValueView.ListName(query.Kind)}-{query.Key}";
            var tierName = await DownloadTierNames.ForAsync(http, ct);
            await ExportTable.SendAsync(http, name, format, Columns, rows.Select(r => Row(r, tierName)), ct);
            return Results.Empty;
        });
    }

    /// <param name="tierName">The tier's display name (<see cref="DownloadTierNames"/>); the code without it.</param>
    public static object?[] Row(ValueCustomerRow c, Func<string?, string?>? tierName = null) =>
    [
        c.CustomerId, c.Nickname, c.Segment.ToString(), c.R, c.F, c.M, c.X,
        c.RecencyDays, c.AgeDays, c.Spend, c.Monetary, Day(c.LastOrderDay), c.DaysSinceLast, c.UsualIntervalDays,
        c.ExpectedNextOrderDay is { } d ? Day(d) : null, c.PAlive, c.ExpectedPurchases, c.ExpectedValue, c.AtRisk,
        c.LastChannel is { } ch ? ContractNames.Of(ch) : null, tierName is null ? c.Tier : tierName(c.Tier), c.PrivateDomain ? "true" : "false",
    ];

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
