using LiveOps.Core.Analytics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LiveOps.Core.Overview;

public static class OverviewServices
{
    public static IServiceCollection AddOverview(this IServiceCollection services)
    {
        services.AddSingleton<DailyGmvService>();
        services.TryAddSingleton<PaidOrderStore>();
        services.AddSingleton<OverviewKpiService>();
        return services;
    }
}
