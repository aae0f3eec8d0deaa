namespace LiveOps.Dashboard.Resources;

/// <summary>Marker for the live sessions pages' strings: LiveSessionsResource.resx (中文, the default) and LiveSessionsResource.en.resx.</summary>
public sealed class LiveSessionsResource;
