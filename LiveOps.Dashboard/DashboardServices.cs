namespace LiveOps.Dashboard;

public static class DashboardServices
{
    /// <summary>UI-side state and formatting services; analytics live in LiveOps.Core.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddScoped<Formatting>();
        services.AddSingleton<Exports.DownloadCache>();
        services.AddHostedService<ColumnStoreWarmer>();
        return services;
    }
}
