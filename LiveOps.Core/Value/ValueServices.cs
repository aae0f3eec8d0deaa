using Microsoft.Extensions.DependencyInjection;

namespace LiveOps.Core.Value;

public static class ValueServices
{
    public static IServiceCollection AddValue(this IServiceCollection services)
    {
        services.AddSingleton<ValueService>();
        return services;
    }
}
