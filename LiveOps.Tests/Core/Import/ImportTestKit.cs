using System.Text;
using LiveOps.Core.Import;
using LiveOps.Tests.Support;

namespace LiveOps.Tests.Core.Import;

/// <summary>Imports test files and captures the whole database, so a refused import can be shown to write nothing.</summary>
internal static class ImportTestKit
{
    public static readonly string[] Tables =
    [
        "customers", "orders", "audiences", "audience_events", "pushes", "campaigns", "campaign_events",
        "live_sessions", "tier_rule_sets", "tier_rules",
    ];

    /// <summary>Two orders stored before a bad file is tried, so "nothing written" is checked against real rows.</summary>
    public const string BaselineOrders = """
        order_id,customer_id,placed_at,amount,status
        B1,u1,2026-10-01 10:00:00,100.00,paid
        B2,u2,2026-10-02 11:00:00,200.50,refunded

        """;

    public static string SamplePath(string kind) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "samples", kind + ".csv");

    public static Task<ImportResult> ImportTextAsync(this TestDatabase db, ImportKind kind, string csv) =>
        db.ImportBytesAsync(kind, new UTF8Encoding(false).GetBytes(csv));

    public static async Task<ImportResult> ImportBytesAsync(this TestDatabase db, ImportKind kind, byte[] csv)
    {
        using var stream = new MemoryStream(csv);
        return await db.Get<IImportService>().ImportAsync(kind, stream);
    }

    public static async Task<ImportResult> ImportBaselineAsync(this TestDatabase db)
    {
        var result = await db.ImportTextAsync(ImportKind.Orders, BaselineOrders);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        return result;
    }

    /// <summary>The schema and every row of every table, in key order, as text: equal snapshots mean nothing was written.</summary>
    public static string Snapshot(this TestDatabase db)
    {
        using var connection = db.OpenConnectionAsync().GetAwaiter().GetResult();
        var text = new StringBuilder(db.SchemaText()).Append('\n');
        foreach (var table in Tables)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table} ORDER BY \"Id\"";
            using var reader = command.ExecuteReader();
            var rows = 0;
            while (reader.Read())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(reader.IsDBNull(i) ? "NULL" : reader.GetValue(i).ToString()).Append('|');
                }
                text.Append('\n');
            }
            text.Append(table).Append(": ").Append(rows).Append(" rows\n");
        }
        return text.ToString();
    }

    /// <summary>Makes every import of this database build its indexes after the rows, as a large file does.</summary>
    public static void DeferIndexesAlways(this TestDatabase db) => ((ImportService)db.Get<IImportService>()).DeferIndexesFromRows = 0;

    public static long Count(this TestDatabase db, string table)
    {
        using var connection = db.OpenConnectionAsync().GetAwaiter().GetResult();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static IReadOnlyList<string> Lines(this ImportResult result) => result.Problems.Select(p => p.ToString()).ToList();
}
