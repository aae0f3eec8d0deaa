using Microsoft.Extensions.DependencyInjection;

namespace LiveOps.Core.Tiers;

public static class TiersServices
{
    public static IServiceCollection AddTiers(this IServiceCollection services)
    {
        return services;
    }
}
