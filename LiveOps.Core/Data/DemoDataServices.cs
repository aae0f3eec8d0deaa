using Microsoft.Extensions.DependencyInjection;

namespace LiveOps.Core.Data;

public static class DemoDataServices
{
    public static IServiceCollection AddDemoData(this IServiceCollection services)
    {
        services.AddSingleton<DemoDataSeeder>();
        return services;
    }
}
