using System.Data.Common;
using System.Globalization;
using LiveOps.Core.Actions;
using LiveOps.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LiveOps.Core.Store;

/// <summary>The action write: the action row, its members and the customers not known yet, in one transaction.</summary>
public static class ActionWrites
{
    /// <summary>Writes the action, its members and the customers not known yet in one transaction; null id when the name was taken meanwhile.</summary>
    public static async Task<(int? Id, int Created)> WriteAsync(IDbContextFactory<LiveOpsDbContext> factory, DataVersion version, ActionRecord record, List<(string Id, bool Holdout)> members, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var provider = DatabaseProvider.Of(db.Database);
        await using var connection = await provider.OpenWriterAsync(db.Database.GetConnectionString()!, ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (Exists(connection, transaction, record.Name))
        {
            return (null, 0);
        }
        // New customers feed the column stores: one change for the whole list, as an import does.
        var triggers = provider.SuspendChangeTriggers(connection, transaction, ["customers"]);
        using var customers = new CustomerKeys(connection, transaction);
        var keys = members.Select(m => (Key: customers.Resolve(m.Id), m.Holdout)).ToList();
        customers.Flush();

        int id;
        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO actions ("Name", "Source", "StartsAt", "WindowDays", "Seed", "HoldoutShare", "CreatedAt", "CreatedBy")
                VALUES (@name, @source, @starts, @days, @seed, @share, @created, @by) RETURNING "Id"
                """;
            Add(insert, "@name", record.Name);
            Add(insert, "@source", record.Source);
            Add(insert, "@starts", record.StartsAt.ToUnixTimeMilliseconds());
            Add(insert, "@days", record.WindowDays);
            Add(insert, "@seed", record.Seed is { } seed ? seed : DBNull.Value);
            Add(insert, "@share", record.HoldoutShare is { } share ? share : DBNull.Value);
            Add(insert, "@created", record.CreatedAt.ToUnixTimeMilliseconds());
            Add(insert, "@by", record.CreatedBy);
            id = Convert.ToInt32(await insert.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }
        using (var rows = provider.PrepareRows(connection, transaction,
            "INSERT INTO action_members (\"ActionId\", \"CustomerKey\", \"Group\") VALUES (@p0, @p1, @p2)",
            [System.Data.DbType.Int64, System.Data.DbType.Int64, System.Data.DbType.Int64]))
        {
            foreach (var (key, holdout) in keys)
            {
                rows.Bind(0, (long)id);
                rows.Bind(1, key);
                rows.Bind(2, (long)(holdout ? ActionGroup.Holdout : ActionGroup.Contacted));
                rows.Execute();
            }
            rows.Flush();
        }
        var created = (int)customers.Created;
        triggers.Restore();
        await transaction.CommitAsync(ct);
        version.Bump();
        return (id, created);
    }

    private static bool Exists(DbConnection connection, DbTransaction transaction, string name)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COUNT(*) FROM actions WHERE \"Name\" = @name";
        Add(command, "@name", name);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
