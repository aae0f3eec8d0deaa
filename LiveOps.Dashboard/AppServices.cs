using LiveOps.Core;
using LiveOps.Core.Common;
using LiveOps.Core.Store;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace LiveOps.Dashboard;

/// <summary>Configuration and services shared by the web app and the one-shot commands.</summary>
public static class AppServices
{
    public const string ConnectionStringName = "LiveOps";
    public const string DefaultConnectionString = "Data Source=liveops.db";
    public const string ProviderKey = "LiveOps:Database:Provider";

    /// <summary>The database provider named by <c>LiveOps:Database:Provider</c> (default SQLite).</summary>
    public static DatabaseProvider Provider(IConfiguration configuration) => DatabaseProvider.Named(configuration[ProviderKey]);

    /// <summary>
    /// The top-level appsettings.json is copied beside the executable by every build and publish,
    /// so it is found whatever the working directory; environment variables override it.
    /// </summary>
    public static void AddAppConfiguration(IConfigurationBuilder configuration)
    {
        // Lowest precedence: the host's own sources (environment variables, command line) come after it.
        configuration.Sources.Insert(0, new JsonConfigurationSource
        {
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
            Path = "appsettings.json",
            Optional = true,
        });
    }

    public static IServiceCollection AddLiveOps(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LiveOpsOptions>()
            .Bind(configuration.GetSection(LiveOpsOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => TryFindZone(o.TimeZone), "LiveOps:TimeZone is not a known IANA time zone (e.g. Asia/Shanghai).")
            .Validate(o => o.PushCadence.MinPerWeek <= o.PushCadence.MaxPerWeek, "LiveOps:PushCadence:MinPerWeek must not exceed MaxPerWeek.")
            .ValidateOnStart();
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        services.AddLiveOpsCore(Provider(configuration), string.IsNullOrWhiteSpace(connectionString) ? DefaultConnectionString : connectionString);
        return services;
    }

    private static bool TryFindZone(string id)
    {
        try
        {
            ZoneClock.FindZone(id);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
