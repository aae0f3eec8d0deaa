using System.Globalization;
using System.Text;

namespace LiveOps.Core.Tiers;

/// <summary>CSV exports of tier results (RFC 4180, invariant numbers, snake_case headers like the import files).</summary>
public static class TierCsv
{
    /// <summary><c>report tiers --format csv</c>: one row per customer.</summary>
    public static void WriteCustomers(TierReport report, TextWriter writer)
    {
        writer.Write("customer_id,tier,spend_12m,orders_12m,next_tier,spend_to_next\n");
        foreach (var c in report.Customers)
        {
            Row(writer, c.CustomerId, c.Tier, Num(c.Spend12m), Num(c.Orders12m), c.NextTier, Num(c.SpendToNext));
        }
    }

    public static void WriteUpgrades(IEnumerable<UpgradeCandidate> rows, TextWriter writer)
    {
        writer.Write("customer_id,tier,next_tier,spend_12m,threshold,gap\n");
        foreach (var u in rows)
        {
            Row(writer, u.CustomerId, u.Tier, u.NextTier, Num(u.Spend12m), Num(u.Threshold), Num(u.Gap));
        }
    }

    public static void WriteDowngradeRisks(IEnumerable<DowngradeRisk> rows, TextWriter writer)
    {
        writer.Write("customer_id,tier,drops_to,spend_12m,orders_12m,spend_kept,orders_kept,spend_to_keep,orders_to_keep\n");
        foreach (var d in rows)
        {
            Row(writer, d.CustomerId, d.Tier, d.DropsTo, Num(d.Spend12m), Num(d.Orders12m), Num(d.SpendKept), Num(d.OrdersKept), Num(d.SpendToKeep), Num(d.OrdersToKeep));
        }
    }

    private static string? Num(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Num(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static void Row(TextWriter writer, params string?[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }
            writer.Write(Quote(fields[i] ?? ""));
        }
        writer.Write('\n');
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>UTF-8 with a BOM, so spreadsheet programs open Chinese names correctly.</summary>
    public static readonly Encoding FileEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
}
