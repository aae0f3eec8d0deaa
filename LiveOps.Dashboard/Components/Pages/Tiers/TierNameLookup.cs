using LiveOps.Core.Tiers;

namespace LiveOps.Dashboard.Components.Pages.Tiers;

/// <summary>
/// The tier names of one rule version, handed down to every component that shows a tier (a cascading value of the
/// layout, overridden by the tiers page with the version it shows).
/// </summary>
public sealed class TierNameLookup(IReadOnlyList<TierRuleDraft> rules)
{
    /// <summary>The default names only (普通会员 / 银卡 / 金卡), before any version is read.</summary>
    public static readonly TierNameLookup Defaults = new([]);

    public IReadOnlyList<TierRuleDraft> Rules { get; } = rules;

    public string Show(string? code) => TierDisplayNames.Show(Rules, code, Cultures.IsChinese);
}
