using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace LiveOps.Core.Store;

/// <summary>
/// The migrations a database has applied, read from EF's history table with one plain query. Asking EF itself
/// (<c>GetPendingMigrationsAsync</c>) first builds a model of the history table at run time, which costs a command
/// from the command line about a fifth of a second before it has read a single order.
/// </summary>
internal static class MigrationHistory
{
    /// <summary>The applied migration ids, or null when the history cannot be read this way (no table yet).</summary>
    public static async Task<IReadOnlySet<string>?> AppliedAsync(DbContext db, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\"";
            await using var reader = await command.ExecuteReaderAsync(ct);
            var applied = new HashSet<string>(StringComparer.Ordinal);
            while (await reader.ReadAsync(ct))
            {
                applied.Add(reader.GetString(0));
            }
            return applied;
        }
        catch (DbException)
        {
            return null; // a new database: EF creates the table and applies everything
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }
}
