namespace LiveOps.Dashboard.Components.Pages.Tiers;

/// <summary>
/// The operator's words for the default tiers (normal/silver/gold → 普通会员/银卡/金卡); a tier named otherwise in the
/// rules shows under its own name.
/// </summary>
public static class TierNames
{
    private static readonly Dictionary<string, (string Zh, string En)> Defaults = new(StringComparer.OrdinalIgnoreCase)
    {
        ["normal"] = ("普通会员", "Regular member"),
        ["silver"] = ("银卡", "Silver"),
        ["gold"] = ("金卡", "Gold"),
    };

    public static string Show(string? tier) => tier is null
        ? ""
        : Defaults.TryGetValue(tier, out var name) ? (Cultures.IsChinese ? name.Zh : name.En) : tier;
}
