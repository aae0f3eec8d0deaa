using System.Data.Common;
using LiveOps.Core.Accounts;

namespace LiveOps.Core.Store;

/// <summary>The audit log's insert.</summary>
internal static class AuditWrites
{
    /// <summary>Inserts the entry through <see cref="DataVersion.TryWriteUnobserved"/>; false: write it as usual.</summary>
    public static bool TryInsertUnobserved(DataVersion version, AuditEntry entry) =>
        version.TryWriteUnobserved(connection => Insert(connection, entry));

    private static void Insert(DbConnection connection, AuditEntry entry)
    {
        using var command = connection.CreateCommand();
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
