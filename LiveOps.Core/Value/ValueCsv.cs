using LiveOps.Core.Common;

namespace LiveOps.Core.Value;

/// <summary><c>report value --format csv</c>: one row per customer (<see cref="CsvTable"/>, LF line ends), empty for null.</summary>
public static class ValueCsv
{
    public static readonly string[] Columns =
        ["customer_id", "x", "recency_days", "age_days", "monetary", "p_alive", "expected_purchases", "expected_value"];

    public static void Write(ValueReport report, TextWriter writer) =>
        CsvTable.Write(writer, Columns,
            report.Customers.Select(c => new object?[] { c.CustomerId, c.X, c.RecencyDays, c.AgeDays, c.Monetary, c.PAlive, c.ExpectedPurchases, c.ExpectedValue }),
            "\n");
}
