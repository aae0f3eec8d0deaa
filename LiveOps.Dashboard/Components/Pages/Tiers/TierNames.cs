using LiveOps.Core.Tiers;

namespace LiveOps.Dashboard.Components.Pages.Tiers;

/// <summary>
/// The operator's words for tiers on a page: the display names of the rule version in force
/// (<see cref="TierDisplayNames"/>), in the page's language for the default names.
/// </summary>
public static class TierNames
{
    /// <summary>A name for every code of <paramref name="rules"/> (and the code itself for one they do not know).</summary>
    public static Func<string?, string> For(IReadOnlyList<TierRuleDraft> rules) =>
        code => TierDisplayNames.Show(rules, code, Cultures.IsChinese);

    /// <summary>The name of a code under the cascaded version, or its default name when none was handed down.</summary>
    public static string In(TierNameLookup? names, string? tier) => names?.Show(tier) ?? Show(tier);

    /// <summary>The default name of a code, for places that have no rule version at hand.</summary>
    public static string Show(string? tier) => tier is null ? "" : TierDisplayNames.DefaultFor(tier, Cultures.IsChinese) ?? tier;
}
