using Microsoft.Extensions.DependencyInjection;

namespace LiveOps.Core.Campaigns;

public static class CampaignsServices
{
    public static IServiceCollection AddCampaigns(this IServiceCollection services)
    {
        services.AddSingleton<CampaignService>();
        return services;
    }
}
