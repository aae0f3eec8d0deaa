using Microsoft.EntityFrameworkCore;

namespace LiveOps.Core.Data;

public static class DatabaseInitializer
{
    /// <summary>Creates the database file if needed, applies migrations and switches to WAL.</summary>
    public static async Task MigrateAsync(IDbContextFactory<LiveOpsDbContext> factory, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.Database.MigrateAsync(ct);
        // WAL lets the dashboard read while an import writes; the mode is stored in the file.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }
}
