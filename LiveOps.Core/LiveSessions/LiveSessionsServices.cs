using Microsoft.Extensions.DependencyInjection;

namespace LiveOps.Core.LiveSessions;

public static class LiveSessionsServices
{
    public static IServiceCollection AddLiveSessions(this IServiceCollection services)
    {
        services.AddSingleton<LiveSessionService>();
        return services;
    }
}
