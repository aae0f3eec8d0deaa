using LiveOps.Core.Common;
using LiveOps.Core.Data;
using LiveOps.Core.Data.Entities;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace LiveOps.Core.Store;

/// <summary>
/// The in-memory column store of paid orders that the analytics scan instead of querying SQLite per report.
/// It is rebuilt on the next request whenever <see cref="DataVersion"/> has moved since it was read,
/// so a report never sees data older than the last completed write in this process.
/// </summary>
/// <remarks>
/// The version is read before the tables, so a write that lands during a load leaves the snapshot marked
/// with the older version and the next request reloads. Memory is a few dozen bytes per order
/// (about 30 MB for a million orders), held once for all users. On SQLite the columns are also kept in a file
/// next to the database (<see cref="PaidOrderFile"/>), so the next process reads them instead of the tables.
/// </remarks>
public sealed class PaidOrderStore(IDbContextFactory<LiveOpsDbContext> factory, DataVersion version, ZoneClock clock)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile PaidOrderSnapshot? _current;

    /// <summary>The snapshot held now, without checking whether it is current or loading one (diagnostics).</summary>
    public PaidOrderSnapshot? Held => _current;

    public async Task<PaidOrderSnapshot> GetAsync(CancellationToken ct = default)
    {
        var wanted = version.Current;
        var current = _current;
        if (current is not null && current.Version == wanted)
        {
            return current;
        }
        await _gate.WaitAsync(ct);
        try
        {
            wanted = version.Current;
            current = _current;
            if (current is not null && current.Version == wanted)
            {
                return current;
            }
            current = await LoadAsync(wanted, ct);
            _current = current;
            return current;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<PaidOrderSnapshot> LoadAsync(long atVersion, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        // The stamp is read in the same transaction as the rows: a file with an equal stamp holds exactly these rows.
        var provider = DatabaseProvider.Of(connection);
        var stamp = provider.ReadChangeStamp(connection, transaction);
        var file = stamp is null ? null : provider.DerivedDataFile(connection, PaidOrderFile.Name);
        if (file is not null && PaidOrderFile.TryRead(file, stamp!, atVersion, clock) is { } persisted)
        {
            return persisted;
        }
        var customers = await ReadCustomersAsync(connection, ct);
        var orders = await ReadPaidOrdersAsync(connection, customers.KeyToIndex, ct);
        var snapshot = Build(atVersion, customers, orders, stamp);
        if (file is not null)
        {
            PaidOrderFile.TryWrite(file, snapshot);
        }
        return snapshot;
    }

    private sealed record CustomerColumns(int[] KeyToIndex, string[] Ids, string?[] Nicknames, sbyte[] Acquisition, long[] Joined);

    private static async Task<CustomerColumns> ReadCustomersAsync(DbConnection connection, CancellationToken ct)
    {
        await using var count = connection.CreateCommand();
        // max(rowid) is one b-tree lookup where count(*) would scan the table; it bounds the row count.
        count.CommandText = "SELECT coalesce(max(\"Id\"), 0) FROM customers";
        var maxKey = Convert.ToInt32(await count.ExecuteScalarAsync(ct));
        var n = maxKey;
        var keyToIndex = new int[maxKey + 1];
        Array.Fill(keyToIndex, -1);
        var ids = new string[n];
        var nicknames = new string?[n];
        var acquisition = new sbyte[n];
        var joined = new long[n];
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Id\", \"CustomerId\", \"Nickname\", \"AcquisitionChannel\", \"JoinedPrivateAt\" FROM customers ORDER BY \"Id\"";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var i = 0;
        while (i < n && reader.Read())
        {
            keyToIndex[reader.GetInt32(0)] = i;
            ids[i] = reader.GetString(1);
            nicknames[i] = reader.IsDBNull(2) ? null : reader.GetString(2);
            acquisition[i] = reader.IsDBNull(3) ? PaidOrderSnapshot.None : (sbyte)reader.GetInt32(3);
            joined[i] = reader.IsDBNull(4) ? PaidOrderSnapshot.NoInstant : reader.GetInt64(4);
            i++;
        }
        return new CustomerColumns(keyToIndex, ids[..i], nicknames[..i], acquisition[..i], joined[..i]);
    }

    private sealed class OrderColumns
    {
        public int Count;
        public int[] Customer = new int[1024];
        public long[] PlacedAt = new long[1024];
        public long[] Amount = new long[1024];
        public sbyte[] Channel = new sbyte[1024];
        public int[] Campaign = new int[1024];
        public int[] LiveSession = new int[1024];
        public readonly Dictionary<string, int> CampaignIndex = new(StringComparer.Ordinal);
        public readonly List<string> CampaignIds = [];
        public readonly Dictionary<string, int> LiveSessionIndex = new(StringComparer.Ordinal);
        public readonly List<string> LiveSessionIds = [];

        public void Grow(int capacity)
        {
            Array.Resize(ref Customer, capacity);
            Array.Resize(ref PlacedAt, capacity);
            Array.Resize(ref Amount, capacity);
            Array.Resize(ref Channel, capacity);
            Array.Resize(ref Campaign, capacity);
            Array.Resize(ref LiveSession, capacity);
        }
    }

    private static async Task<OrderColumns> ReadPaidOrdersAsync(DbConnection connection, int[] keyToIndex, CancellationToken ct)
    {
        var columns = new OrderColumns();
        await using (var count = connection.CreateCommand())
        {
            // An upper bound on the paid rows without a second table scan; the columns are trimmed in Build.
            count.CommandText = "SELECT coalesce(max(\"Id\"), 0) FROM orders";
            columns.Grow(Math.Max(1024, Convert.ToInt32(await count.ExecuteScalarAsync(ct))));
        }
        await using var command = connection.CreateCommand();
        // Rowid order: a plain table scan, and ties at one instant keep insertion order.
        command.CommandText = "SELECT \"CustomerKey\", \"PlacedAt\", \"Amount\", \"Channel\", \"CampaignId\", \"LiveSessionId\" FROM orders WHERE \"Status\" = @paid ORDER BY \"Id\"";
        var paid = command.CreateParameter();
        paid.ParameterName = "@paid";
        paid.Value = (int)OrderStatus.Paid;
        command.Parameters.Add(paid);
        await using var reader = await command.ExecuteReaderAsync(ct);
        // Synchronous Read: SQLite reads are in-process, and the async wrapper costs a task per row.
        while (reader.Read())
        {
            var key = reader.GetInt32(0);
            if (key < 0 || key >= keyToIndex.Length || keyToIndex[key] < 0)
            {
                continue; // Cannot happen with the foreign key; a stray row must not break every report.
            }
            var i = columns.Count;
            if (i == columns.Customer.Length)
            {
                columns.Grow(i * 2);
            }
            columns.Customer[i] = keyToIndex[key];
            columns.PlacedAt[i] = reader.GetInt64(1);
            columns.Amount[i] = reader.GetInt64(2);
            columns.Channel[i] = reader.IsDBNull(3) ? PaidOrderSnapshot.None : (sbyte)reader.GetInt32(3);
            columns.Campaign[i] = reader.IsDBNull(4) ? -1 : Intern(columns.CampaignIndex, columns.CampaignIds, reader.GetString(4));
            columns.LiveSession[i] = reader.IsDBNull(5) ? -1 : Intern(columns.LiveSessionIndex, columns.LiveSessionIds, reader.GetString(5));
            columns.Count++;
        }
        return columns;
    }

    /// <summary>Ids repeat across many orders (a campaign, a session): each is stored once and orders keep its index.</summary>
    private static int Intern(Dictionary<string, int> indexes, List<string> ids, string id)
    {
        if (!indexes.TryGetValue(id, out var index))
        {
            index = ids.Count;
            ids.Add(id);
            indexes.Add(id, index);
        }
        return index;
    }

    private PaidOrderSnapshot Build(long atVersion, CustomerColumns customers, OrderColumns orders, ChangeStamp? stamp)
    {
        var n = customers.Ids.Length;
        var m = orders.Count;
        // Counting sort by customer (stable, so insertion order survives), then by time within each customer.
        var start = new int[n + 1];
        for (var i = 0; i < m; i++)
        {
            start[orders.Customer[i] + 1]++;
        }
        for (var c = 0; c < n; c++)
        {
            start[c + 1] += start[c];
        }
        var next = (int[])start.Clone();
        var placedAt = new long[m];
        var amount = new long[m];
        var channel = new sbyte[m];
        var campaign = new int[m];
        var liveSession = new int[m];
        for (var i = 0; i < m; i++)
        {
            var at = next[orders.Customer[i]]++;
            placedAt[at] = orders.PlacedAt[i];
            amount[at] = orders.Amount[i];
            channel[at] = orders.Channel[i];
            campaign[at] = orders.Campaign[i];
            liveSession[at] = orders.LiveSession[i];
        }
        for (var c = 0; c < n; c++)
        {
            SortByTime(start[c], start[c + 1], placedAt, amount, channel, campaign, liveSession);
        }
        return new PaidOrderSnapshot(atVersion, clock, customers.Ids, customers.Nicknames, customers.Acquisition, customers.Joined,
            start, placedAt, amount, channel, campaign, [.. orders.CampaignIds], customers.KeyToIndex)
        {
            LiveSessions = liveSession,
            LiveSessionIds = [.. orders.LiveSessionIds],
            Stamp = stamp,
        };
    }

    /// <summary>Stable insertion sort of one customer's orders; a customer's orders are few and usually already in order.</summary>
    private static void SortByTime(int from, int to, long[] placedAt, long[] amount, sbyte[] channel, int[] campaign, int[] liveSession)
    {
        for (var i = from + 1; i < to; i++)
        {
            if (placedAt[i] >= placedAt[i - 1])
            {
                continue;
            }
            var (t, a, ch, cp, ls) = (placedAt[i], amount[i], channel[i], campaign[i], liveSession[i]);
            var j = i - 1;
            while (j >= from && placedAt[j] > t)
            {
                placedAt[j + 1] = placedAt[j];
                amount[j + 1] = amount[j];
                channel[j + 1] = channel[j];
                campaign[j + 1] = campaign[j];
                liveSession[j + 1] = liveSession[j];
                j--;
            }
            placedAt[j + 1] = t;
            amount[j + 1] = a;
            channel[j + 1] = ch;
            campaign[j + 1] = cp;
            liveSession[j + 1] = ls;
        }
    }
}
