using System.Data.Common;
using LiveOps.Core.Accounts;

namespace LiveOps.Core.Store;

/// <summary>The audit log's insert.</summary>
internal static class AuditWrites
{
    /// <summary>
    /// Inserts the entry through <see cref="DataVersion.TryWriteUnobserved"/>, waiting at most <paramref name="busyWait"/>
    /// for another writer (the watching connection is shared, so not long); false: write it as usual.
    /// </summary>
    public static bool TryInsertUnobserved(DataVersion version, AuditEntry entry, TimeSpan busyWait) =>
        version.TryWriteUnobserved(connection => Insert(connection, entry, busyWait));

    private static void Insert(DbConnection connection, AuditEntry entry, TimeSpan busyWait)
    {
        using var command = connection.CreateCommand();
        command.CommandTimeout = Math.Max(1, (int)Math.Ceiling(busyWait.TotalSeconds));
        command.CommandText = "INSERT INTO audit_log (\"At\", \"Actor\", \"Action\", \"Detail\", \"Outcome\") VALUES (@at, @actor, @action, @detail, @outcome)";
        foreach (var (name, value) in new (string, object)[]
        {
            ("@at", entry.At.ToUnixTimeMilliseconds()), ("@actor", entry.Actor), ("@action", (int)entry.Action),
            ("@detail", entry.Detail), ("@outcome", (int)entry.Outcome),
        })
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        command.ExecuteNonQuery();
    }
}
