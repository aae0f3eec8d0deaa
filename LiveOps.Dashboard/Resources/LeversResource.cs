namespace LiveOps.Dashboard.Resources;

/// <summary>
/// Marker for the strings of the evidence intervals and the levers (content, acquisition cohorts, invite timing,
/// repurchase cycle): LeversResource.resx (中文, the default) and LeversResource.en.resx, written from Levers.tsv.
/// </summary>
public sealed class LeversResource;
