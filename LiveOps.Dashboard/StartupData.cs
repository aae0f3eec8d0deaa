using LiveOps.Core.Common;
using LiveOps.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LiveOps.Dashboard;

public static class StartupData
{
    /// <summary>Removes temporary files a crash left, migrates the database and, on an empty one with <c>LiveOps:DemoData</c> on, seeds the demo shop.</summary>
    public static async Task PrepareAsync(IServiceProvider services, CancellationToken ct)
    {
        // Uploads spooled by a dashboard that crashed or was killed; those of running processes are held and stay.
        TempFiles.RemoveLeftovers();
        await DatabaseInitializer.MigrateAsync(services.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>(), ct);
        await SharedDataProtection.PrepareKeyRingAsync(services, ct);
        var options = services.GetRequiredService<IOptions<LiveOpsOptions>>().Value;
        var seeder = services.GetRequiredService<DemoDataSeeder>();
        if (options.DemoData && await seeder.IsDatabaseEmptyAsync(ct))
        {
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("LiveOps.Startup");
            var summary = await seeder.SeedAsync(new DemoDataOptions(), ct);
            logger.LogInformation("Seeded {Summary}", summary.ToString());
        }
    }
}
