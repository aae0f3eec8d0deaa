using LiveOps.Core.Campaigns;
using LiveOps.Core.Common;
using LiveOps.Core.LiveSessions;
using LiveOps.Core.Overview;
using LiveOps.Dashboard.Resources;
using Microsoft.Extensions.Localization;

namespace LiveOps.Dashboard.Exports;

/// <summary>
/// What each page's CSV/Excel button downloads: the page's table in the page's language (see <see cref="PageDownload"/>).
/// The numbers come from the same reports the pages show.
/// </summary>
public static class PageDownloads
{
    public static IReadOnlyList<DownloadColumn> CampaignColumns(IStringLocalizer<CampaignsResource> t) =>
    [
        new(t["Dl.Id"], CellKind.Text, 16), new(t["Dl.Name"], CellKind.Text, 28), new(t["Dl.Type"], CellKind.Text, 14),
        new(t["Dl.StartsAt"], CellKind.Text, 18), new(t["Dl.EndsAt"], CellKind.Text, 18), new(t["Dl.AttributionDays"], CellKind.Count, 10),
        new(t["Col.Exposed"], CellKind.Count, 10), new(t["Col.Clicked"], CellKind.Count, 10), new(t["Col.Joined"], CellKind.Count, 10),
        new(t["Col.Claimed"], CellKind.Count, 10), new(t["Col.Redeemed"], CellKind.Count, 10),
        new(t["Col.Buyers"], CellKind.Count, 10), new(t["Col.Orders"], CellKind.Count, 10), new(t["Col.Revenue"], CellKind.Money, 16),
        new(t["Col.Repeat90d"], CellKind.Count, 10), new(t["Col.Cost"], CellKind.Money, 14),
        new(t["Dl.Roi"], CellKind.Ratio, 14), new(t["Col.NetReturn"], CellKind.Percent, 12),
    ];

    public static IEnumerable<object?[]> CampaignRows(CampaignReport report, ZoneClock clock, IStringLocalizer<CampaignsResource> t) =>
        report.Insights.Select(i =>
        {
            var r = i.Result;
            return new object?[]
            {
                r.CampaignId, r.Name, t[$"Type.{ContractNames.Of(r.Type)}"].Value,
                PageDownload.LocalTime(i.StartsAt, clock), i.EndsAt is { } end ? PageDownload.LocalTime(end, clock) : null, i.AttributionDays,
                r.Exposed, r.Clicked, r.Joined, r.Claimed, r.Redeemed,
                r.Buyers, r.Orders, r.Revenue, r.RepeatBuyers90d, r.Cost,
                r.Roi is { } roi ? roi + 1 : null, r.Roi,
            };
        });

    public static IReadOnlyList<DownloadColumn> LiveSessionColumns(IStringLocalizer<LiveSessionsResource> t) =>
    [
        new(t["Dl.Id"], CellKind.Text, 16), new(t["Dl.Title"], CellKind.Text, 28), new(t["Col.Started"], CellKind.Text, 18),
        new(t["Dl.Ended"], CellKind.Text, 18), new(t["Dl.AttributionEnd"], CellKind.Text, 18),
        new(t["Col.Viewers"], CellKind.Count, 10), new(t["Col.Peak"], CellKind.Count, 10), new(t["Dl.WatchMinutes"], CellKind.Decimal, 14),
        new(t["Col.Orders"], CellKind.Count, 10), new(t["Col.Gmv"], CellKind.Money, 16), new(t["Dl.Buyers"], CellKind.Count, 10),
        new(t["Col.NewBuyers"], CellKind.Count, 10), new(t["Col.Joins"], CellKind.Count, 10), new(t["Col.JoinRate"], CellKind.Percent, 10),
    ];

    public static IEnumerable<object?[]> LiveSessionRows(LiveSessionReport report, ZoneClock clock) =>
        report.Sessions.Select(s => new object?[]
        {
            s.LiveSessionId, s.Title, PageDownload.LocalTime(s.StartedAt, clock), s.EndedAt is { } end ? PageDownload.LocalTime(end, clock) : null, PageDownload.LocalTime(s.AttributionEnd, clock),
            s.Viewers, s.PeakConcurrent, s.AvgWatchSeconds / 60,
            s.Orders, s.Gmv, s.Buyers, s.NewBuyers, s.Joins, s.JoinRate,
        });

    /// <summary>
    /// The Overview's KPIs, one row for the range and one for the previous range, each with its first and last included
    /// day, exactly as the page shows them.
    /// </summary>
    public static IReadOnlyList<DownloadColumn> OverviewColumns(IStringLocalizer<OverviewResource> t, IStringLocalizer<SharedResource> l) =>
    [
        new(t["Pd.Range"], CellKind.Text, 12), new(l["Overview.From"], CellKind.Text, 12), new(l["Overview.LastDay"], CellKind.Text, 14),
        new(t["Kpi.Gmv"], CellKind.Money, 16), new(t["Pd.Orders"], CellKind.Count, 10), new(t["Pd.Aov"], CellKind.Money, 12),
        new(t["Kpi.Buyers"], CellKind.Count, 10), new(t["Pd.RepeatBuyers"], CellKind.Count, 10), new(t["Kpi.RepeatRate"], CellKind.Percent, 12),
        new(t["Pd.PrivateGmv"], CellKind.Money, 16), new(t["Kpi.PrivateShare"], CellKind.Percent, 14), new(t["Kpi.MembersJoined"], CellKind.Count, 10),
    ];

    public static IEnumerable<object?[]> OverviewRows(OverviewKpiReport report, IStringLocalizer<OverviewResource> t)
    {
        object?[] Row(string label, OverviewKpiQuery range, RangeKpis k) =>
        [
            label, PageDownload.Day(range.From), PageDownload.Day(range.To.AddDays(-1)),
            k.PaidGmv, k.Orders, k.AverageOrderValue, k.Buyers, k.RepeatBuyers, k.RepeatRate,
            k.PrivateDomainGmv, k.PrivateDomainShare, k.MembersJoined,
        ];
        return [Row(t["Pd.ThisRange"], report.Query, report.Current), Row(t["Pd.PreviousRange"], report.Query.Previous, report.Previous)];
    }
}
