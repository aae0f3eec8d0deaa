using LiveOps.Core.Analytics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LiveOps.Core.Cohorts;

public static class CohortsServices
{
    public static IServiceCollection AddCohorts(this IServiceCollection services)
    {
        // One column store per process, shared by every report that scans paid orders.
        services.TryAddSingleton<PaidOrderStore>();
        services.AddSingleton<CohortService>();
        services.AddSingleton<ICohortService>(sp => sp.GetRequiredService<CohortService>());
        return services;
    }
}
