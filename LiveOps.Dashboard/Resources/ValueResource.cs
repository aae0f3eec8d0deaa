namespace LiveOps.Dashboard.Resources;

/// <summary>Marker for the value page's strings: ValueResource.resx (中文, the default) and ValueResource.en.resx, generated from Value.tsv.</summary>
public sealed class ValueResource;
