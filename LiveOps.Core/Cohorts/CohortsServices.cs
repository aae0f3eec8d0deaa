using Microsoft.Extensions.DependencyInjection;

namespace LiveOps.Core.Cohorts;

public static class CohortsServices
{
    public static IServiceCollection AddCohorts(this IServiceCollection services)
    {
        services.AddSingleton<CohortService>();
        services.AddSingleton<ICohortService>(sp => sp.GetRequiredService<CohortService>());
        return services;
    }
}
