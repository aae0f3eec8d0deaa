using Microsoft.Extensions.DependencyInjection;

namespace LiveOps.Core.Overview;

public static class OverviewServices
{
    public static IServiceCollection AddOverview(this IServiceCollection services)
    {
        services.AddSingleton<DailyGmvService>();
        services.AddSingleton<OverviewKpiService>();
        return services;
    }
}
