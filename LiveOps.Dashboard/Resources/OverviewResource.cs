namespace LiveOps.Dashboard.Resources;

/// <summary>Marker for the Overview KPI and evidence strings: OverviewResource.resx (中文, the default) and OverviewResource.en.resx.</summary>
public sealed class OverviewResource;
