using Microsoft.Extensions.DependencyInjection;

namespace LiveOps.Core.Tiers;

public static class TiersServices
{
    public static IServiceCollection AddTiers(this IServiceCollection services)
    {
        services.AddSingleton<TierDataReader>();
        services.AddSingleton<TierRuleSetService>();
        services.AddSingleton<TierService>();
        services.AddSingleton<TierMovementService>();
        services.AddSingleton<TierWatchService>();
        services.AddSingleton<TierSimulationService>();
        return services;
    }
}
