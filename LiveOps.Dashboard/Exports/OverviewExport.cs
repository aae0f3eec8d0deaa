using System.Globalization;
using LiveOps.Core.Overview;

namespace LiveOps.Dashboard.Exports;

/// <summary>
/// The Overview's KPIs and evidence as a table of measures (one row each): the range, the measure's JSON name as in
/// <c>report overview</c>, its value, the previous range's value (KPIs only) and its sample (evidence only).
/// Used by <c>report overview --format csv</c> and the Overview's and private-domain page's CSV and Excel downloads.
/// </summary>
public static class OverviewExport
{
    public static readonly string[] Columns = ["from", "to", "measure", "value", "previous", "sample"];

    public static IEnumerable<object?[]> Rows(OverviewKpiReport report)
    {
        var (c, p, e, m) = (report.Current, report.Previous, report.Evidence, report.Membership);
        var from = report.Query.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = report.Query.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        object?[] Row(string measure, object? value, object? previous = null, long? sample = null) => [from, to, measure, value, previous, sample];
        return
        [
            Row("paidGmv", c.PaidGmv, p.PaidGmv),
            Row("orders", c.Orders, p.Orders),
            Row("averageOrderValue", c.AverageOrderValue, p.AverageOrderValue),
            Row("buyers", c.Buyers, p.Buyers),
            Row("repeatBuyers", c.RepeatBuyers, p.RepeatBuyers),
            Row("repeatRate", c.RepeatRate, p.RepeatRate),
            Row("privateDomainGmv", c.PrivateDomainGmv, p.PrivateDomainGmv),
            Row("privateDomainShare", c.PrivateDomainShare, p.PrivateDomainShare),
            Row("membersJoined", c.MembersJoined, p.MembersJoined),
            Row("campaignsRunning", report.CampaignsRunning),
            Row("newGmv", report.NewGmv),
            Row("returningGmv", report.ReturningGmv),
            Row("members.paidGmv", m.Members.PaidGmv),
            Row("members.buyers", m.Members.Buyers),
            Row("members.repeatRate", m.Members.RepeatRate, sample: m.Members.Buyers),
            Row("nonMembers.paidGmv", m.NonMembers.PaidGmv),
            Row("nonMembers.buyers", m.NonMembers.Buyers),
            Row("nonMembers.repeatRate", m.NonMembers.RepeatRate, sample: m.NonMembers.Buyers),
            Row("evidence.firstOrderAverage", e.FirstOrderAverage, sample: e.FirstOrders),
            Row("evidence.repeatOrderAverage", e.RepeatOrderAverage, sample: e.RepeatOrders),
            Row("evidence.repeatPremium", e.RepeatPremium),
            Row("evidence.memberRepeatRate", e.MemberRepeatRate, sample: e.MemberBuyers),
            Row("evidence.nonMemberRepeatRate", e.NonMemberRepeatRate, sample: e.NonMemberBuyers),
            Row("evidence.neverReturnedShare", e.NeverReturnedShare, sample: e.MatureFirstTimeBuyers),
            Row("evidence.leaveRateOverWeeks", e.LeaveRates.OverWeeks, sample: e.LeaveRates.OverWeekCount),
            Row("evidence.leaveRateOkWeeks", e.LeaveRates.OkWeeks, sample: e.LeaveRates.OkWeekCount),
        ];
    }
}
