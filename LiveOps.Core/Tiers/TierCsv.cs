using System.Text;
using LiveOps.Core.Common;

namespace LiveOps.Core.Tiers;

/// <summary>CSV exports of tier results (<see cref="CsvTable"/>, snake_case headers like the import files, LF line ends).</summary>
public static class TierCsv
{
    private const string Lf = "\n";

    /// <summary><c>report tiers --format csv</c>: one row per customer.</summary>
    public static void WriteCustomers(TierReport report, TextWriter writer) =>
        CsvTable.Write(writer, ["customer_id", "tier", "spend_12m", "orders_12m", "next_tier", "spend_to_next"],
            report.Customers.Select(c => new object?[] { c.CustomerId, c.Tier, c.Spend12m, c.Orders12m, c.NextTier, c.SpendToNext }), Lf);

    public static readonly string[] UpgradeColumns = ["customer_id", "tier", "next_tier", "spend_12m", "threshold", "gap"];

    public static IEnumerable<object?[]> UpgradeRows(IEnumerable<UpgradeCandidate> rows) =>
        rows.Select(u => new object?[] { u.CustomerId, u.Tier, u.NextTier, u.Spend12m, u.Threshold, u.Gap });

    public static readonly string[] DowngradeRiskColumns =
        ["customer_id", "tier", "drops_to", "spend_12m", "orders_12m", "spend_kept", "orders_kept", "spend_to_keep", "orders_to_keep"];

    public static IEnumerable<object?[]> DowngradeRiskRows(IEnumerable<DowngradeRisk> rows) =>
        rows.Select(d => new object?[] { d.CustomerId, d.Tier, d.DropsTo, d.Spend12m, d.Orders12m, d.SpendKept, d.OrdersKept, d.SpendToKeep, d.OrdersToKeep });

    public static void WriteUpgrades(IEnumerable<UpgradeCandidate> rows, TextWriter writer) => CsvTable.Write(writer, UpgradeColumns, UpgradeRows(rows), Lf);

    public static void WriteDowngradeRisks(IEnumerable<DowngradeRisk> rows, TextWriter writer) =>
        CsvTable.Write(writer, DowngradeRiskColumns, DowngradeRiskRows(rows), Lf);

    /// <summary>UTF-8 with a BOM, so spreadsheet programs open Chinese names correctly.</summary>
    public static readonly Encoding FileEncoding = CsvTable.FileEncoding;
}
