using System.Globalization;
using LiveOps.Core.Campaigns;
using LiveOps.Core.Cohorts;
using LiveOps.Core.Common;
using LiveOps.Core.LiveSessions;
using LiveOps.Core.Overview;
using LiveOps.Core.Tiers;
using LiveOps.Core.Value;
using LiveOps.Dashboard.Components.Pages.Value;
using LiveOps.Dashboard.Resources;
using Microsoft.Extensions.Localization;

namespace LiveOps.Dashboard.Exports;

/// <summary>
/// Every download, in one style: <c>GET /export/&lt;report&gt;.csv</c> or <c>.xlsx</c>, with the page's filters in the
/// query string, computed by the same Core service as the page and written by <see cref="PageDownload"/> in the page's
/// language (one CSV writer, one formula guard). Addresses the pages linked to before still answer with the same file.
/// </summary>
public static class ExportEndpoints
{
    /// <summary>A page's table to send, in the page's language with Excel number formats (<see cref="PageDownload"/>), or the problem with the request (a 400 naming the field).</summary>
    private sealed record Export(string FileName, IReadOnlyList<DownloadColumn> Columns, IEnumerable<object?[]> Rows)
    {
        public string? Problem { get; init; }

        public static Export Page(string fileName, IReadOnlyList<DownloadColumn> columns, IEnumerable<object?[]> rows) => new(fileName, columns, rows);

        public static Export Rejected(string problem) => new("", [], []) { Problem = problem };

        /// <summary>A refused filter, in the language of the request (as the page that links here shows it).</summary>
        public static Export Rejected(QueryProblem? problem) => Rejected(problem?.Format(CultureInfo.CurrentUICulture) ?? "bad request");
    }

    public static void MapExports(this IEndpointRouteBuilder app)
    {
        // /export/campaigns.csv|xlsx?type=&from=&to= : the campaigns page's filters.
        Map(app, "campaigns", async (http, ct) =>
        {
            var q = http.Request.Query;
            var clock = Get<ZoneClock>(http);
            if (!new CampaignFilter(q["type"], q["from"], q["to"]).TryToQuery(clock, out var query, out var problem))
            {
                return Export.Rejected(problem);
            }
            var report = await Get<CampaignService>(http).RunAsync(query, ct);
            var t = Get<IStringLocalizer<CampaignsResource>>(http);
            return Export.Page("campaigns", PageDownloads.CampaignColumns(t), PageDownloads.CampaignRows(report, clock, t));
        });

        // /export/overview.csv|xlsx?from=&to= : the Overview's KPIs and evidence (default the last 90 days).
        Map(app, "overview", async (http, ct) =>
        {
            var q = http.Request.Query;
            if (!new OverviewRange(q["from"], q["to"]).TryToQuery(Get<ZoneClock>(http), out var query, out var problem))
            {
                return Export.Rejected(problem);
            }
            var report = await Get<OverviewKpiService>(http).RunAsync(query, ct);
            var t = Get<IStringLocalizer<OverviewResource>>(http);
            return Export.Page("overview", PageDownloads.OverviewColumns(t, Get<IStringLocalizer<SharedResource>>(http)), PageDownloads.OverviewRows(report, t));
        });

        // /export/live-sessions.csv|xlsx?from=&to= : sessions starting in the range (default all).
        Map(app, "live-sessions", async (http, ct) =>
        {
            var q = http.Request.Query;
            var clock = Get<ZoneClock>(http);
            if (!OverviewExportEndpoints.TrySessionQuery(q["from"], q["to"], clock, out var query, out var problem))
            {
                return Export.Rejected(problem);
            }
            var report = await Get<LiveSessionService>(http).RunAsync(query, ct);
            return Export.Page("live-sessions", PageDownloads.LiveSessionColumns(Get<IStringLocalizer<LiveSessionsResource>>(http)), PageDownloads.LiveSessionRows(report, clock));
        });

        // /export/cohorts/customers.csv|xlsx : the customers behind one matrix cell (the cohorts page's view plus
        // group, cohort and offset), for outreach.
        Map(app, "cohorts/customers", async (http, ct) =>
        {
            var q = http.Request.Query;
            var clock = Get<ZoneClock>(http);
            if (!CohortView.TryParse(q["period"], q["from"], q["to"], q["mode"], q["metric"], q["breakdown"], clock, out var query, out var problem))
            {
                return Export.Rejected(problem);
            }
            if (!int.TryParse(q["offset"], CultureInfo.InvariantCulture, out var offset) || offset < 0 || string.IsNullOrEmpty(q["cohort"]))
            {
                return Export.Rejected(Get<IStringLocalizer<CohortsResource>>(http)["Dl.CellRequired"].Value);
            }
            var page = await Get<ICohortService>(http).CustomersAsync(
                new CohortCellQuery(query, q["group"].FirstOrDefault() ?? CohortGroups.All, q["cohort"]!, offset, 0, int.MaxValue), ct);
            return Export.Page($"cohort-{q["cohort"]}-k{offset}",
                ListDownloads.CohortCustomerColumns(Get<IStringLocalizer<CohortsResource>>(http)), ListDownloads.CohortCustomerRows(page.Items, clock));
        });

        // /export/tiers/upgrades.csv|xlsx and /export/tiers/downgrade-risks.csv|xlsx : the tiers page's whole lists, tiers by
        // their display names (the command line's report keeps the codes).
        Map(app, "tiers/upgrades", oldCsvPath: "/tiers/export/upgrades.csv", build: async (http, ct) =>
        {
            var report = await Get<TierWatchService>(http).RunAsync(new TierWatchQuery(), ct);
            var name = await DownloadTierNames.ForAsync(http, ct);
            return Export.Page("tier-upgrades", ListDownloads.UpgradeColumns(Get<IStringLocalizer<TiersResource>>(http)), ListDownloads.UpgradeRows(report.Upgrades, name));
        });
        Map(app, "tiers/downgrade-risks", oldCsvPath: "/tiers/export/downgrade-risks.csv", build: async (http, ct) =>
        {
            var report = await Get<TierWatchService>(http).RunAsync(new TierWatchQuery(), ct);
            var name = await DownloadTierNames.ForAsync(http, ct);
            return Export.Page("tier-downgrade-risks", ListDownloads.DowngradeRiskColumns(Get<IStringLocalizer<TiersResource>>(http)),
                ListDownloads.DowngradeRiskRows(report.DowngradeRisks, name));
        });

        // /export/value/customers.csv|xlsx?list=&key= : every customer of an RFM segment, a P(alive) × value cell or the
        // churn-risk list, as the value page names them, from the same ValueService call the page makes.
        Map(app, "value/customers", async (http, ct) =>
        {
            var t = Get<IStringLocalizer<ValueResource>>(http);
            if (ValueView.Parse(http.Request.Query["list"], http.Request.Query["key"]) is not { } query)
            {
                return Export.Rejected(t["Dl.ListRequired"].Value);
            }
            var rows = await Get<ValueService>(http).CustomersAsync(query, ct);
            var list = ValueView.ListName(query.Kind);
            var tierName = await DownloadTierNames.ForAsync(http, ct);
            return Export.Page(query.Key is null ? $"value-{list}" : $"value-{list}-{query.Key}",
                ListDownloads.ValueCustomerColumns(t, query.HorizonDays), rows.Select(r => ListDownloads.ValueCustomerRow(r, t, tierName)));
        });
    }

    /// <param name="oldCsvPath">An address the pages linked to before, still answered with the same CSV (saved links and scripts keep working).</param>
    private static void Map(IEndpointRouteBuilder app, string report, Func<HttpContext, CancellationToken, Task<Export>> build, string? oldCsvPath = null)
    {
        foreach (var format in new[] { "csv", "xlsx" })
        {
            app.MapGet($"/export/{report}.{format}", (HttpContext http, CancellationToken ct) => SendAsync(http, format, build, ct));
        }
        if (oldCsvPath is not null)
        {
            app.MapGet(oldCsvPath, (HttpContext http, CancellationToken ct) => SendAsync(http, "csv", build, ct));
        }
    }

    private static async Task<IResult> SendAsync(HttpContext http, string format, Func<HttpContext, CancellationToken, Task<Export>> build, CancellationToken ct)
    {
        var export = await build(http, ct);
        if (export.Problem is { } problem)
        {
            // Plain text, so a person who opened the link reads the reason (JSON would escape the Chinese).
            return Results.Text(problem, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }
        await PageDownload.SendAsync(http, export.FileName, format, export.Columns, export.Rows, ct);
        return Results.Empty;
    }

    private static T Get<T>(HttpContext http) where T : notnull => http.RequestServices.GetRequiredService<T>();
}
