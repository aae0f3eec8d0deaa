using System.Globalization;

namespace LiveOps.Core.Value;

/// <summary><c>report value --format csv</c>: one row per customer, invariant numbers at full precision, empty for null.</summary>
public static class ValueCsv
{
    public const string Header = "customer_id,x,recency_days,age_days,monetary,p_alive,expected_purchases,expected_value";

    public static void Write(ValueReport report, TextWriter writer)
    {
        writer.Write(Header);
        writer.Write('\n');
        foreach (var c in report.Customers)
        {
            writer.Write(Quote(c.CustomerId));
            writer.Write(',');
            writer.Write(c.X.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(c.RecencyDays.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(c.AgeDays.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(c.Monetary?.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(c.PAlive?.ToString("R", CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(c.ExpectedPurchases?.ToString("R", CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(c.ExpectedValue?.ToString("R", CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
