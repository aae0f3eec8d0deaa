namespace LiveOps.Dashboard.Resources;

/// <summary>Marker for the tiers page's strings: Tiers.resx (中文, the default) and Tiers.en.resx.</summary>
public sealed class TiersResource;
