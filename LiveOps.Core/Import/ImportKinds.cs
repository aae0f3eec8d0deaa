namespace LiveOps.Core.Import;

public static class ImportKinds
{
    private static readonly Dictionary<string, ImportKind> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["customers"] = ImportKind.Customers,
        ["orders"] = ImportKind.Orders,
        ["audiences"] = ImportKind.Audiences,
        ["audience-events"] = ImportKind.AudienceEvents,
        ["pushes"] = ImportKind.Pushes,
        ["campaigns"] = ImportKind.Campaigns,
        ["campaign-events"] = ImportKind.CampaignEvents,
        ["live-sessions"] = ImportKind.LiveSessions,
        ["tier-rules"] = ImportKind.TierRules,
    };

    public static IEnumerable<ImportKind> All => ByName.Values;

    /// <summary>The contract's command-line name of the kind: <c>audience-events</c>.</summary>
    public static string Name(ImportKind kind) => ByName.First(p => p.Value == kind).Key;

    public static bool TryParse(string text, out ImportKind kind) => ByName.TryGetValue(text.Trim(), out kind);
}
