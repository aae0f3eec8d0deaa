using LiveOps.Core.Data;
using Microsoft.AspNetCore.DataProtection;

namespace LiveOps.Dashboard;

public static class SharedDataProtection
{
    /// <summary>
    /// Data-protection keys (which sign the antiforgery tokens and cookies) live in the LiveOps database with one
    /// application name, so every dashboard instance on the same database reads and writes the same key ring.
    /// </summary>
    public static IServiceCollection AddSharedDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection()
            .SetApplicationName("LiveOps")
            .PersistKeysToDbContext<LiveOpsDbContext>();
        return services;
    }
}
