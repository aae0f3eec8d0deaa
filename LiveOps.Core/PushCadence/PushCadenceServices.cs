using Microsoft.Extensions.DependencyInjection;

namespace LiveOps.Core.PushCadence;

public static class PushCadenceServices
{
    public static IServiceCollection AddPushCadence(this IServiceCollection services)
    {
        services.AddSingleton<CadenceService>();
        services.AddSingleton<PlannedPushService>();
        return services;
    }
}
