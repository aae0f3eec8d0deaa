using LiveOps.Core.Common;
using LiveOps.Core.LiveSessions;
using LiveOps.Core.Overview;
using LiveOps.Dashboard.Components.Pages.PrivateDomain;
using LiveOps.Dashboard.Resources;
using Microsoft.Extensions.Localization;

namespace LiveOps.Dashboard.Exports;

/// <summary>
/// <c>/export/overview.csv|xlsx?from=2026-01-01&amp;to=2026-02-01</c> (the Overview's KPIs and evidence for that range,
/// default the last 90 days; the file names the first and last included day, as the page does) and
/// <c>/export/live-sessions.csv|xlsx?from=&amp;to=</c> (sessions starting in the range, default all); they call
/// <see cref="OverviewKpiService"/> and <see cref="LiveSessionService"/> as the pages do and write the page's language.
/// </summary>
public static class OverviewExportEndpoints
{
    public static void MapOverviewExports(this IEndpointRouteBuilder app)
    {
        foreach (var format in new[] { "csv", "xlsx" })
        {
            app.MapGet($"/export/overview.{format}", async (string? from, string? to, OverviewKpiService service, ZoneClock clock,
                IStringLocalizer<OverviewResource> t, IStringLocalizer<SharedResource> l, HttpContext http, CancellationToken ct) =>
            {
                if (!new OverviewRange(from, to).TryToQuery(clock, out var query, out var problem))
                {
                    return Results.BadRequest(problem);
                }
                var report = await service.RunAsync(query, ct);
                await PageDownload.SendAsync(http, "overview", format, PageDownloads.OverviewColumns(t, l), PageDownloads.OverviewRows(report, t), ct);
                return Results.Empty;
            });
            app.MapGet($"/export/live-sessions.{format}", async (string? from, string? to, LiveSessionService service, ZoneClock clock,
                IStringLocalizer<LiveSessionsResource> t, HttpContext http, CancellationToken ct) =>
            {
                if (!TrySessionQuery(from, to, clock, out var query, out var problem))
                {
                    return Results.BadRequest(problem);
                }
                var report = await service.RunAsync(query, ct);
                await PageDownload.SendAsync(http, "live-sessions", format, PageDownloads.LiveSessionColumns(t), PageDownloads.LiveSessionRows(report, clock), ct);
                return Results.Empty;
            });
        }
    }

    /// <summary>Sessions starting from local date <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), either optional.</summary>
    public static bool TrySessionQuery(string? from, string? to, ZoneClock clock, out LiveSessionQuery query, out string? problem)
    {
        query = new LiveSessionQuery();
        if (!OverviewRange.TryDate(from, "from", out var start, out problem) || !OverviewRange.TryDate(to, "to", out var end, out problem))
        {
            return false;
        }
        if (start is not null && end is not null && start >= end)
        {
            problem = "from must be before to";
            return false;
        }
        query = new LiveSessionQuery(start is { } s ? clock.StartOfDay(s) : null, end is { } e ? clock.StartOfDay(e) : null);
        return true;
    }
}
