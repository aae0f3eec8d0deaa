using Microsoft.Extensions.DependencyInjection;

namespace LiveOps.Core.Actions;

public static class ActionsServices
{
    public static IServiceCollection AddActions(this IServiceCollection services)
    {
        services.AddSingleton<ActionService>();
        services.AddSingleton<ActionResultsService>();
        services.AddSingleton<ContactListService>();
        services.AddSingleton<ActionListSources>();
        return services;
    }
}
