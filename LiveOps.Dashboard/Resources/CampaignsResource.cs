namespace LiveOps.Dashboard.Resources;

/// <summary>Marker for the campaign pages' strings: CampaignsResource.resx (中文, the default) and CampaignsResource.en.resx, generated from Campaigns.tsv.</summary>
public sealed class CampaignsResource;
