using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace LiveOps.Tests.Core.Demo;

/// <summary>Plain SQL over a database file, so the tests check the stored rows and not the generator's own view of them.</summary>
internal static class DemoSql
{
    public static long Scalar(string connectionString, string sql)
    {
        using var connection = Open(connectionString);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        return value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    public static double Real(string connectionString, string sql)
    {
        using var connection = Open(connectionString);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToDouble(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public static List<object[]> Rows(string connectionString, string sql)
    {
        using var connection = Open(connectionString);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }

    public static readonly string[] Tables =
        ["customers", "orders", "audiences", "audience_events", "pushes", "campaigns", "campaign_events", "live_sessions"];

    /// <summary>Row counts of every demo table, e.g. <c>customers=3000</c>.</summary>
    public static string Counts(string connectionString) =>
        string.Join(", ", Tables.Select(t => $"{t}={Scalar(connectionString, $"SELECT COUNT(*) FROM {t}")}"));

    /// <summary>The orders checksum: count, sum of amounts (1/10000 yuan) and sum of placed-at instants (ms).</summary>
    public static (long Count, long AmountUnits, long PlacedAtMs) OrdersChecksum(string connectionString) =>
        (Scalar(connectionString, "SELECT COUNT(*) FROM orders"),
         Scalar(connectionString, "SELECT SUM(Amount) FROM orders"),
         Scalar(connectionString, "SELECT SUM(PlacedAt) FROM orders"));

    /// <summary>A SHA-256 over every column of every row of every demo table, in key order.</summary>
    public static string Fingerprint(string connectionString)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var table in Tables)
        {
            foreach (var row in Rows(connectionString, $"SELECT * FROM {table} ORDER BY Id"))
            {
                var line = string.Join("|", row.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))) + "\n";
                sha.AppendData(Encoding.UTF8.GetBytes(table + ":" + line));
            }
        }
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    private static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }
}
