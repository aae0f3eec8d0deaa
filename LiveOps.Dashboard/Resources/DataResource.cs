namespace LiveOps.Dashboard.Resources;

/// <summary>Marker for the Data page's import strings: DataResource.resx (中文, the default) and DataResource.en.resx, generated from Data.tsv.</summary>
public sealed class DataResource;
