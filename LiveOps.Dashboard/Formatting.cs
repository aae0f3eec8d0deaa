using System.Globalization;
using LiveOps.Core.Common;

namespace LiveOps.Dashboard;

/// <summary>How the dashboard shows money, rates and instants: ¥, the configured zone, the current culture.</summary>
public sealed class Formatting(ZoneClock clock)
{
    public string Money(decimal yuan) => "¥" + yuan.ToString("#,##0.00", CultureInfo.CurrentCulture);

    public string MoneyShort(decimal yuan) => Cultures.IsChinese && Math.Abs(yuan) >= 10_000m
        ? "¥" + (yuan / 10_000m).ToString("#,##0.0", CultureInfo.CurrentCulture) + "万"
        : "¥" + yuan.ToString("#,##0", CultureInfo.CurrentCulture);

    public string Count(long n) => n.ToString("#,##0", CultureInfo.CurrentCulture);

    /// <summary>
    /// A statistic of a count of people (a median or quartile of buyers, viewers, joins) as a whole number: halves
    /// round away from zero (243.5 → 244), as the page downloads round counts. "—" without a value.
    /// </summary>
    public string People(double? people) => people is { } p && double.IsFinite(p)
        ? Math.Round(p, MidpointRounding.AwayFromZero).ToString("#,##0", CultureInfo.CurrentCulture)
        : "—";

    public string Percent(double? fraction) => fraction is null || double.IsNaN(fraction.Value)
        ? "—"
        : fraction.Value.ToString("0.0%", CultureInfo.CurrentCulture);

    /// <summary>
    /// 投入产出比 as Chinese operators read it: revenue ÷ cost written 1:3.8, from the contract's net return
    /// (revenue − cost) ÷ cost, so the ratio is net + 1. "—" without a cost.
    /// </summary>
    public string ReturnRatio(double? netReturn) => netReturn is { } net && double.IsFinite(net)
        ? "1:" + (net + 1).ToString(Math.Abs(net + 1) >= 100 ? "#,##0" : "0.0", CultureInfo.CurrentCulture)
        : "—";

    public string DateTime(DateTimeOffset instant) => clock.ToLocal(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public string Date(DateTimeOffset instant) => clock.ToLocal(instant).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
