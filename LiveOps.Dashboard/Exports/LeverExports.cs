using LiveOps.Core.Common;
using LiveOps.Core.Acquisition;
using LiveOps.Core.InviteTiming;
using LiveOps.Core.RepurchaseCycle;

namespace LiveOps.Dashboard.Exports;

/// <summary>The acquisition cohorts, invite timing and repurchase cycle as tables (CSV of the command line, page downloads).</summary>
public static class LeverExports
{
    public static readonly string[] AcquisitionColumns =
    [
        "live_session_id", "title", "started_at", "buyers", "repeat30_eligible", "repeat30", "repeat90_eligible", "repeat90",
        "repeat180_eligible", "repeat180", "ltv", "ltv_per_buyer", "joined", "join_share",
    ];

    public static IEnumerable<object?[]> AcquisitionRows(AcquisitionReport report)
    {
        object?[] Row(string id, string? title, string? started, AcquisitionCohort c) =>
        [
            id, SpreadsheetText.Neutralise(title), started, c.Buyers, c.Repeat30.Eligible, c.Repeat30.Repeaters, c.Repeat90.Eligible, c.Repeat90.Repeaters,
            c.Repeat180.Eligible, c.Repeat180.Repeaters, c.Ltv, c.LtvPerBuyer, c.Joined, c.JoinShare,
        ];
        foreach (var s in report.Sessions)
        {
            yield return Row(SpreadsheetText.Neutralise(s.LiveSessionId)!, s.Title, s.StartedAt.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), s.Cohort);
        }
        yield return Row("(outside)", null, null, report.Outside);
        yield return Row("(total)", null, null, report.Total);
    }

    public static readonly string[] InviteColumns = ["bucket", "from_minutes", "to_minutes", "buyers", "rate", "cumulative"];

    public static IEnumerable<object?[]> InviteRows(InviteTimingReport report) =>
        report.Buckets.Select(b => new object?[] { b.Key, b.FromMinutes, b.ToMinutes, b.Buyers, b.Rate, b.Cumulative });

    public static readonly string[] CycleColumns = ["group", "gaps", "customers", "p25_days", "p50_days", "p75_days", "mean_days"];

    public static IEnumerable<object?[]> CycleRows(RepurchaseCycleReport report)
    {
        object?[] Row(string group, CycleDistribution d) => [group, d.Gaps, d.Customers, d.P25, d.P50, d.P75, d.Mean];
        yield return Row("all", report.Overall);
        foreach (var t in report.ByTier)
        {
            yield return Row("tier:" + SpreadsheetText.Neutralise(t.Tier), t.Cycle);
        }
        yield return Row("members", report.Members);
        yield return Row("non-members", report.NonMembers);
        foreach (var k in report.Campaigns)
        {
            var id = SpreadsheetText.Neutralise(k.CampaignId);
            yield return Row($"campaign:{id}:before", k.Before);
            yield return Row($"campaign:{id}:after", k.After);
        }
    }
}
