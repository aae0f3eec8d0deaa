namespace LiveOps.Dashboard.Resources;

/// <summary>Marker for the actions pages' strings: ActionsResource.resx (中文, the default) and ActionsResource.en.resx.</summary>
public sealed class ActionsResource;
