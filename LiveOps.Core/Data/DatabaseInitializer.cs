using LiveOps.Core.Common;
using LiveOps.Core.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LiveOps.Core.Data;

public static class DatabaseInitializer
{
    /// <summary>Creates the database file if needed, applies the provider's migrations and its stored settings (SQLite: WAL).</summary>
    public static async Task MigrateAsync(IDbContextFactory<LiveOpsDbContext> factory, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (db.Database.IsSqlite() && SqliteProvider.FileOf(db.Database.GetConnectionString()!) is { } file)
        {
            OwnerOnlyFiles.PrepareDatabase(file);
        }
        // Migrate() always writes (it takes EF's migration lock row), and any commit moves DataVersion in every process
        // watching the file: a read-only `report` from the command line would make a running dashboard reload its
        // derived data.
        // Asking first only reads the history table, with a plain query while nothing is pending (EF's own question
        // builds a model of the history table first, a fifth of a second of every command).
        var applied = await MigrationHistory.AppliedAsync(db, ct);
        var known = db.GetService<IMigrationsAssembly>().Migrations.Keys;
        if ((applied is null || !known.All(applied.Contains)) && (await db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            await db.Database.MigrateAsync(ct);
        }
        await DatabaseProvider.Of(db.Database).AfterMigrateAsync(db, ct);
    }
}
