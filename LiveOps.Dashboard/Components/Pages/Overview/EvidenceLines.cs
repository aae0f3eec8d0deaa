using LiveOps.Core.Overview;
using LiveOps.Core.Statistics;
using LiveOps.Dashboard.Resources;
using Microsoft.Extensions.Localization;

namespace LiveOps.Dashboard.Components.Pages.Overview;

/// <summary>One rule of thumb checked on the shop's data, already formatted: the same text on the Overview and on the page that explains it.</summary>
public sealed record EvidenceLine(string Key, string Label, string Value, string? Change, string? Rule, string Sample, string Definition)
{
    /// <summary>The rule's 95% interval and verdict; null only for a report made without checks.</summary>
    public RuleCheck? Check { get; init; }
}

public static class EvidenceLines
{
    public static IReadOnlyList<EvidenceLine> Of(OverviewEvidence e, Formatting f, IStringLocalizer<OverviewResource> t)
    {
        string Vs(string value, string against) => $"{value} {t["Evidence.Vs"]} {against}";
        RuleCheck? CheckOf(string key) => e.Checks.FirstOrDefault(c => c.Rule == key);
        IReadOnlyList<EvidenceLine> lines =
        [
            new("aov", t["Evidence.Aov"], Vs(f.Money(e.RepeatOrderAverage ?? 0), f.Money(e.FirstOrderAverage ?? 0)),
                e.RepeatPremium is { } r ? (r >= 0 ? "+" : "") + f.Percent(r) : null,
                t["Evidence.Aov.Rule"], t["Evidence.Aov.Sample", e.FirstOrders, e.RepeatOrders], t["Def.Evidence.Aov"]),
            new("members", t["Evidence.Members"], Vs(f.Percent(e.MemberRepeatRate), f.Percent(e.NonMemberRepeatRate)), null,
                null, t["Evidence.Members.Sample", e.MemberBuyers, e.NonMemberBuyers], t["Def.Evidence.Members"]),
            new("never-back", t["Evidence.NeverBack"], f.Percent(e.NeverReturnedShare), null,
                t["Evidence.NeverBack.Rule"], t["Evidence.NeverBack.Sample", e.MatureFirstTimeBuyers], t["Def.Evidence.NeverBack", OverviewKpiService.ComeBackDays]),
            new("fatigue", t["Evidence.Fatigue"], Vs(f.Percent(e.LeaveRates.OverWeeks), f.Percent(e.LeaveRates.OkWeeks)), null,
                null, FatigueSample(t, e), t["Def.Evidence.Fatigue", LiveOps.Core.PushCadence.CadenceService.FatigueWeeks]),
        ];
        return lines.Select(l => l with { Check = CheckOf(l.Key) }).ToList();
    }

    /// <summary>The sample of the fatigue card with the weeks it covers (the same weeks as the cadence page's card).</summary>
    private static string FatigueSample(IStringLocalizer t, OverviewEvidence e)
    {
        var sample = t["Evidence.Fatigue.Sample", e.LeaveRates.OverWeekCount, e.LeaveRates.OkWeekCount].Value;
        return e.FatigueWeeks is { } w ? $"{sample} · {t["Evidence.Fatigue.Window", w.FirstWeek, w.LastWeek, w.Weeks]}" : sample;
    }
}
