namespace LiveOps.Dashboard.Resources;

/// <summary>Marker for the push cadence pages' strings: CadenceResource.resx (中文, the default) and CadenceResource.en.resx; the file names follow the class name, which is how IStringLocalizer finds them.</summary>
public sealed class CadenceResource;
