namespace LiveOps.Dashboard.Resources;

/// <summary>Marker for the shell's strings: SharedResource.resx (中文, the default) and SharedResource.en.resx.</summary>
public sealed class SharedResource;
