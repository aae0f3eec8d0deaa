namespace LiveOps.Dashboard.Components.Pages.Campaigns;

public static class CampaignLinks
{
    /// <summary>Campaign ids are free text (up to 64 characters), so they are escaped into the path.</summary>
    public static string Detail(string campaignId) => "/campaigns/" + Uri.EscapeDataString(campaignId);
}
