namespace LiveOps.Dashboard.Resources;

/// <summary>Marker for the cohorts page's strings: CohortsResource.resx (中文, the default) and CohortsResource.en.resx.</summary>
public sealed class CohortsResource;
