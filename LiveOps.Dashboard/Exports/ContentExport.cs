using LiveOps.Core.Common;
using LiveOps.Core.Content;

namespace LiveOps.Dashboard.Exports;

/// <summary>Content-driven repurchase as a table: one row per audience (and "all") and window kind.</summary>
public static class ContentExport
{
    public static readonly string[] Columns =
    [
        "audience_id", "name", "window", "pushes", "member_days", "orders", "orders_per_member_day",
        "members_reached", "leaves", "leave_rate", "lift", "lift_low", "lift_high", "verdict",
    ];

    public static IEnumerable<object?[]> Rows(ContentReport report)
    {
        foreach (var a in report.Audiences.Prepend(report.Overall))
        {
            var id = a.AudienceId is null ? "*" : SpreadsheetText.Neutralise(a.AudienceId)!;
            var name = SpreadsheetText.Neutralise(a.Name) ?? "";
            yield return [id, name, "baseline", null, a.Baseline.MemberDays, a.Baseline.Orders, a.Baseline.OrdersPerMemberDay, null, null, null, null, null, null, null];
            foreach (var (window, kind, lift) in new[] { ("content", a.Content, a.ContentLift), ("promotion", a.Promotion, a.PromotionLift), ("service", a.Service, null) })
            {
                yield return [id, name, window, kind.Pushes, kind.MemberDays, kind.Orders, kind.OrdersPerMemberDay, kind.MembersReached, kind.Leaves, kind.LeaveRate,
                    lift?.Estimate, lift?.Interval?.Low, lift?.Interval?.High, lift is null ? null : ReportJson.Serialize(lift.Verdict).Trim('"')];
            }
        }
    }
}
