using LiveOps.Core.Common;
using LiveOps.Core.Tiers;

namespace LiveOps.Dashboard.Exports;

/// <summary>
/// Tier names in a page download: the display names of the rule version in force (普通会员 / 银卡 / 金卡 by default, or
/// the names edited in the rule editor) in the request's language, as the pages show them. The command line's
/// <c>report</c> files keep the contract's codes.
/// </summary>
public static class DownloadTierNames
{
    public static async Task<Func<string?, string?>> ForAsync(HttpContext http, CancellationToken ct)
    {
        var services = http.RequestServices;
        var clock = services.GetRequiredService<ZoneClock>();
        var rules = (await services.GetRequiredService<TierRuleSetService>().InForceAsync(clock.UtcNow, ct)).Rules;
        var chinese = Cultures.IsChinese;
        return code => code is null ? null : TierDisplayNames.Show(rules, code, chinese);
    }
}
