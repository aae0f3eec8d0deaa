namespace LiveOps.Core.Tiers;

/// <summary>
/// The names operators read for tiers. A rule's own <see cref="TierRuleDraft.DisplayName"/> wins (it is the shop's word
/// and shows in every language); without one the default tiers read 普通会员 / 银卡 / 金卡 (Regular member / Silver / Gold),
/// and any other tier its code.
/// </summary>
public static class TierDisplayNames
{
    private static readonly Dictionary<string, (string Zh, string En)> Defaults = new(StringComparer.OrdinalIgnoreCase)
    {
        ["normal"] = ("普通会员", "Regular member"),
        ["silver"] = ("银卡", "Silver"),
        ["gold"] = ("金卡", "Gold"),
    };

    /// <summary>The default name of a tier code, or null when the code has none.</summary>
    public static string? DefaultFor(string? code, bool chinese) =>
        code is not null && Defaults.TryGetValue(code.Trim(), out var name) ? (chinese ? name.Zh : name.En) : null;

    /// <summary>The name of <paramref name="code"/> under <paramref name="rules"/> (the version the figures were computed with).</summary>
    public static string Show(IReadOnlyList<TierRuleDraft> rules, string? code, bool chinese)
    {
        if (code is null)
        {
            return "";
        }
        var own = rules.FirstOrDefault(r => string.Equals(r.Tier, code, StringComparison.OrdinalIgnoreCase))?.DisplayName;
        return string.IsNullOrWhiteSpace(own) ? DefaultFor(code, chinese) ?? code : own.Trim();
    }

    /// <summary>
    /// Rules without a display name take the one the same code has in <paramref name="previous"/>: a version written from
    /// a <c>tier-rules</c> file (which has no display-name column) keeps the names the operators gave.
    /// </summary>
    public static IReadOnlyList<TierRuleDraft> Inherit(IReadOnlyList<TierRuleDraft> rules, IReadOnlyList<TierRuleDraft>? previous) =>
        previous is null
            ? rules
            : rules.Select(r => string.IsNullOrWhiteSpace(r.DisplayName)
                    && previous.FirstOrDefault(p => string.Equals(p.Tier, r.Tier?.Trim(), StringComparison.OrdinalIgnoreCase))?.DisplayName is { } kept
                ? r with { DisplayName = kept }
                : r).ToList();
}
