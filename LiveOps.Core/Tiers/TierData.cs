using LiveOps.Core.Common;
using LiveOps.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LiveOps.Core.Tiers;

/// <summary>Every known customer (every row of <c>customers</c>), ordered by <c>customerId</c> ordinal.</summary>
public sealed class TierCustomers
{
    internal TierCustomers(string[] ids, Dictionary<int, int> indexByKey)
    {
        Ids = ids;
        IndexByKey = indexByKey;
    }

    public string[] Ids { get; }

    internal Dictionary<int, int> IndexByKey { get; }

    public int Count => Ids.Length;
}

/// <summary>Paid spend and paid order count per customer (aligned with <see cref="TierCustomers.Ids"/>) in one window.</summary>
public sealed record TierWindow(DateTimeOffset AsOf, decimal[] Spend, int[] Orders)
{
    /// <summary>The window is (as-of − 365 × 24 h, as-of]: an order exactly 365 days old is out, one at as-of is in.</summary>
    public static readonly TimeSpan Length = TimeSpan.FromDays(365);
}

/// <summary>
/// The two reads every tier result is built from: all customer ids, and one aggregate over the paid orders of a
/// window (a range scan of the PlacedAt index, grouped by customer). Never a query per customer.
/// </summary>
public sealed class TierDataReader(IDbContextFactory<LiveOpsDbContext> factory)
{
    public async Task<TierCustomers> CustomersAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = new List<(int Key, string Id)>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using (var command = connection.CreateCommand())
        {
            // The unique CustomerId index hands the rows over sorted (byte order), so no sort is needed here.
            command.CommandText = "SELECT \"Id\", \"CustomerId\" FROM customers ORDER BY \"CustomerId\"";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                rows.Add((reader.GetInt32(0), reader.GetString(1)));
            }
        }
        // The report promises ordinal (UTF-16) order; the stored byte order (SQLite's, PostgreSQL's "C" collation) differs only for characters
        // beyond U+FFFF against U+E000–U+FFFF, so sort again only when that actually happened.
        if (!IsOrdinalSorted(rows))
        {
            rows.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        }
        var ids = new string[rows.Count];
        var index = new Dictionary<int, int>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            ids[i] = rows[i].Id;
            index[rows[i].Key] = i;
        }
        return new TierCustomers(ids, index);
    }

    private static bool IsOrdinalSorted(List<(int Key, string Id)> rows)
    {
        for (var i = 1; i < rows.Count; i++)
        {
            if (string.CompareOrdinal(rows[i - 1].Id, rows[i].Id) > 0)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Spend and orders of every customer over paid orders in (asOf − 365 days, asOf].</summary>
    public Task<TierWindow> WindowAsync(TierCustomers customers, DateTimeOffset asOf, CancellationToken ct) =>
        WindowAsync(customers, asOf, asOf - TierWindow.Length, asOf, ct);

    /// <summary>Spend and orders over paid orders in (<paramref name="after"/>, <paramref name="through"/>], labelled <paramref name="asOf"/>.</summary>
    public async Task<TierWindow> WindowAsync(TierCustomers customers, DateTimeOffset asOf, DateTimeOffset after, DateTimeOffset through, CancellationToken ct)
    {
        var spend = new decimal[customers.Count];
        var orders = new int[customers.Count];
        await using var db = await factory.CreateDbContextAsync(ct);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        // Instants are UTC Unix milliseconds and amounts 1/10000 yuan (see LiveOpsDbContext); Status 0 is paid.
        // The rows are summed here rather than with GROUP BY: SQLite would sort ~half a million rows through a
        // temporary B-tree first (seconds at a million orders), while the covering index on
        // (Status, PlacedAt, CustomerKey, Amount) streams them in one range scan without touching the table.
        command.CommandText = """
            SELECT "CustomerKey", "Amount" FROM orders
            WHERE "Status" = 0 AND "PlacedAt" > @after AND "PlacedAt" <= @through
            """;
        AddParameter(command, "@after", after.ToUnixTimeMilliseconds());
        AddParameter(command, "@through", through.ToUnixTimeMilliseconds());
        var units = new long[customers.Count];
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            var lastKey = int.MinValue;
            var i = -1;
            while (await reader.ReadAsync(ct))
            {
                var key = reader.GetInt32(0);
                if (key != lastKey)
                {
                    lastKey = key;
                    i = customers.IndexByKey.GetValueOrDefault(key, -1);
                }
                if (i >= 0)
                {
                    units[i] += reader.GetInt64(1);
                    orders[i]++;
                }
            }
        }
        for (var i = 0; i < units.Length; i++)
        {
            spend[i] = Money.FromUnits(units[i]);
        }
        return new TierWindow(asOf, spend, orders);
    }

    private static void AddParameter(System.Data.Common.DbCommand command, string name, long value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
