using LiveOps.Core.Accounts;
using LiveOps.Core.Actions;
using LiveOps.Core.Store;
using LiveOps.Core.Campaigns;
using LiveOps.Core.Acquisition;
using LiveOps.Core.Cohorts;
using LiveOps.Core.InviteTiming;
using LiveOps.Core.RepurchaseCycle;
using LiveOps.Core.Content;
using LiveOps.Core.Common;
using LiveOps.Core.Data;
using LiveOps.Core.Import;
using LiveOps.Core.LiveSessions;
using LiveOps.Core.Overview;
using LiveOps.Core.PushCadence;
using LiveOps.Core.Tiers;
using LiveOps.Core.Value;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LiveOps.Core;

public static class LiveOpsCoreServices
{
    /// <summary>
    /// Everything the dashboard and the command line share. <see cref="LiveOpsOptions"/> must be bound by the host.
    /// </summary>
    public static IServiceCollection AddLiveOpsCore(this IServiceCollection services, string connectionString) =>
        services.AddLiveOpsCore(DatabaseProvider.Sqlite, connectionString);

    /// <summary>Everything the dashboard and the command line share, on the given database provider.</summary>
    public static IServiceCollection AddLiveOpsCore(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        provider.CheckConnectionString(connectionString);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new ZoneClock(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<LiveOpsOptions>>().Value.TimeZone));
        services.AddSingleton(provider);
        services.AddSingleton(_ => new DataVersion(provider.CreateChangeWatch(connectionString)));
        provider.AddContextFactory(services, connectionString);
        // For components that take a context per scope (data-protection keys).
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>().CreateDbContext());
        // One column store of paid orders per process, shared by every report that scans them.
        services.AddSingleton<SnapshotStore>();
        services.AddSingleton<ImportGate>();
        // Reports computed once per query and data version, shared by every circuit, download and command.
        services.AddSingleton(sp => new ReportCache(sp.GetRequiredService<DataVersion>(), sp.GetRequiredService<TimeProvider>(), refreshInBackground: true));

        // One registration per feature folder, each owned by that feature.
        services.AddImport();
        services.AddCohorts();
        services.AddPushCadence();
        services.AddCampaigns();
        services.AddTiers();
        services.AddLiveSessions();
        services.AddOverview();
        services.AddValue();
        services.AddContent();
        services.AddAcquisition();
        services.AddInviteTiming();
        services.AddRepurchaseCycle();
        services.AddDemoData();
        services.AddAccounts();
        services.AddActions();
        return services;
    }
}
