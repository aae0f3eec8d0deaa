using System.Data.Common;
using LiveOps.Core.Common;
using LiveOps.Core.Data;
using LiveOps.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LiveOps.Core.Store;

/// <summary>
/// The in-memory <see cref="DataSnapshot"/> that the analytics scan instead of querying the database per report.
/// It is rebuilt on the next request whenever <see cref="DataVersion"/> has moved since it was read,
/// so a report never sees data older than the last completed write in this process.
/// </summary>
/// <remarks>
/// The version is read before the tables, so a write that lands during a load leaves the snapshot marked
/// with the older version and the next request reloads. Memory is a few dozen bytes per order
/// (about 30 MB for a million orders), held once for all users. On SQLite the columns are also kept in files
/// next to the database (<see cref="SnapshotFiles"/>), so the next process reads them instead of the tables.
/// </remarks>
public sealed class SnapshotStore(IDbContextFactory<LiveOpsDbContext> factory, DataVersion version, ZoneClock clock)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile DataSnapshot? _current;

    /// <summary>The snapshot held now, without checking whether it is current or loading one (diagnostics).</summary>
    public DataSnapshot? Held => _current;

    public async Task<DataSnapshot> GetAsync(CancellationToken ct = default)
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

    /// <summary>
    /// Brings the snapshot and its funnel events up to date: writers call it after they commit (the command line's
    /// import and demo data, the dashboard after any change), so the next report finds them current — in this process
    /// in memory, in the next one in their files.
    /// </summary>
    public async Task RefreshAsync(CancellationToken ct = default)
    {
        var snapshot = await GetAsync(ct);
        await snapshot.EventsAsync(ct);
    }

    private async Task<DataSnapshot> LoadAsync(long atVersion, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        // The stamp is read in the same transaction as the rows: a file with an equal stamp holds exactly these rows.
        var provider = DatabaseProvider.Of(connection);
        var stamp = provider.ReadChangeStamp(connection, transaction);
        var file = stamp is null ? null : provider.DerivedDataFile(connection, SnapshotFiles.PaidOrders);
        if (file is not null && SnapshotFiles.TryReadPaidOrders(file, stamp!, s => Snapshot(atVersion, s)) is { } persisted)
        {
            return persisted;
        }
        var (keyToIndex, customers, customerCount) = await ReadCustomersAsync(connection, transaction, ct);
        var orders = await GroupedRows.ReadAsync(connection, transaction, GroupedRows.PaidOrders, keyToIndex, customerCount, ct);
        orders.Values.Merge(customers);
        var snapshot = new DataSnapshot(atVersion, clock, orders.Values, keyToIndex, orders.Start, LoadEventsAsync)
        {
            Stamp = stamp,
        };
        if (file is not null)
        {
            SnapshotFiles.TryWritePaidOrders(file, snapshot);
        }
        return snapshot;
    }

    private DataSnapshot Snapshot(long atVersion, PersistedSnapshot s) =>
        new(atVersion, clock, s.Columns, s.KeyIndex, s.OrderStart, LoadEventsAsync) { Stamp = s.Stamp, FromFile = true };

    private static async Task<(int[] KeyToIndex, ColumnValues Columns, int Count)> ReadCustomersAsync(
        DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        var columns = Column.Of<DataSnapshot>(Table.Customers);
        await using var count = connection.CreateCommand();
        count.Transaction = transaction;
        // max(rowid) is one b-tree lookup where count(*) would scan the table; it bounds the row count.
        count.CommandText = "SELECT coalesce(max(\"Id\"), 0) FROM customers";
        var maxKey = Convert.ToInt32(await count.ExecuteScalarAsync(ct));
        var keyToIndex = new int[maxKey + 1];
        Array.Fill(keyToIndex, -1);
        var buffers = columns.Select(c => c.NewBuffer(maxKey)).ToArray();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT \"Id\", {GroupedRows.Select(columns)} FROM customers ORDER BY \"Id\"";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var i = 0;
        while (i < maxKey && reader.Read())
        {
            keyToIndex[reader.GetInt32(0)] = i;
            for (var k = 0; k < buffers.Length; k++)
            {
                buffers[k].Append(reader, k + 1);
            }
            i++;
        }
        var values = new ColumnValues();
        foreach (var buffer in buffers)
        {
            buffer.Finish(null, i, values);
        }
        return (keyToIndex, values, i);
    }

    /// <summary>
    /// Reads the funnel events for <paramref name="snapshot"/>'s customer numbering. Events of customers the snapshot
    /// does not know yet (written after it was read) are left out; that write has already made the snapshot stale.
    /// </summary>
    private async Task<FunnelEvents> LoadEventsAsync(DataSnapshot snapshot)
    {
        await using var db = await factory.CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        // Persisted only when the database is still where the snapshot read it: the file follows that customer numbering.
        var provider = DatabaseProvider.Of(connection);
        var stamp = snapshot.Stamp is null ? null : provider.ReadChangeStamp(connection, transaction);
        var file = stamp is not null && stamp == snapshot.Stamp ? provider.DerivedDataFile(connection, SnapshotFiles.FunnelEvents) : null;
        if (file is not null && SnapshotFiles.TryReadEvents(file, stamp!, snapshot) is { } persisted)
        {
            return persisted;
        }
        var rows = await GroupedRows.ReadAsync(connection, transaction, GroupedRows.Events, snapshot.KeyIndex, snapshot.CustomerCount, CancellationToken.None);
        var events = new FunnelEvents(snapshot.Version, rows.Values, rows.Start);
        if (file is not null)
        {
            SnapshotFiles.TryWriteEvents(file, stamp!, events);
        }
        return events;
    }
}

/// <summary>Rows of a table read in rowid order and grouped by customer, sorted by time within a customer.</summary>
internal sealed class GroupedRows
{
    /// <summary>Where a grouped table's rows come from: its declared columns, the filter, and the column (one of them) they are sorted by.</summary>
    public sealed record Source(Column[] Columns, string From, string? Where, string Time);

    public static readonly Source PaidOrders =
        new(Column.Of<DataSnapshot>(Table.Orders), "orders", $"\"Status\" = {(int)OrderStatus.Paid}", "PlacedAt");

    public static readonly Source Events = new(Column.Of<FunnelEvents>(Table.Events), "\"campaign_events\"", null, "At");

    private GroupedRows(int[] start, ColumnValues values)
    {
        Start = start;
        Values = values;
    }

    /// <summary>Customer c's rows are at <c>Start[c] .. Start[c+1]-1</c>.</summary>
    public int[] Start { get; }

    public ColumnValues Values { get; }

    public static string Select(IEnumerable<Column> columns) => string.Join(", ", columns.Select(c => $"\"{c.Source}\""));

    public static async Task<GroupedRows> ReadAsync(
        DbConnection connection, DbTransaction transaction, Source source, int[] keyToIndex, int customers, CancellationToken ct)
    {
        var columns = source.Columns;
        var capacity = 1024;
        await using (var count = connection.CreateCommand())
        {
            // An upper bound on the rows without a second table scan; the columns are trimmed when grouped.
            count.Transaction = transaction;
            count.CommandText = $"SELECT coalesce(max(\"Id\"), 0) FROM {source.From}";
            capacity = Math.Max(capacity, Convert.ToInt32(await count.ExecuteScalarAsync(ct)));
        }
        var buffers = columns.Select(c => c.NewBuffer(capacity)).ToArray();
        var timeColumn = Array.FindIndex(columns, c => c.Source == source.Time);
        var customer = new int[capacity];
        var rows = 0;
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            // Rowid order: a plain table scan, and rows at one instant keep insertion order.
            command.CommandText = $"SELECT \"CustomerKey\", {Select(columns)} FROM {source.From}{(source.Where is null ? "" : " WHERE " + source.Where)} ORDER BY \"Id\"";
            await using var reader = await command.ExecuteReaderAsync(ct);
            // Synchronous Read: SQLite reads are in-process, and the async wrapper costs a task per row.
            while (reader.Read())
            {
                var key = reader.GetInt32(0);
                var c = key >= 0 && key < keyToIndex.Length ? keyToIndex[key] : -1;
                if (c < 0)
                {
                    continue; // a customer the snapshot does not know (a stray row, or one written after it was read)
                }
                if (rows == customer.Length)
                {
                    Array.Resize(ref customer, rows * 2);
                }
                customer[rows] = c;
                for (var k = 0; k < buffers.Length; k++)
                {
                    buffers[k].Append(reader, k + 1);
                }
                rows++;
            }
        }
        var (start, order) = Group(customer, ValueColumn<long>.RowsOf(buffers[timeColumn]), rows, customers);
        var values = new ColumnValues();
        foreach (var buffer in buffers)
        {
            buffer.Finish(order, rows, values);
        }
        return new GroupedRows(start, values);
    }

    /// <summary>
    /// The row order grouped by customer (a stable counting sort, so insertion order survives) and by time within each
    /// customer (a stable insertion sort: a customer's rows are few and usually already in order).
    /// </summary>
    internal static (int[] Start, int[] Order) Group(int[] customer, long[] time, int rows, int customers)
    {
        var start = new int[customers + 1];
        for (var i = 0; i < rows; i++)
        {
            start[customer[i] + 1]++;
        }
        for (var c = 0; c < customers; c++)
        {
            start[c + 1] += start[c];
        }
        var next = (int[])start.Clone();
        var order = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            order[next[customer[i]]++] = i;
        }
        for (var c = 0; c < customers; c++)
        {
            for (var i = start[c] + 1; i < start[c + 1]; i++)
            {
                var row = order[i];
                var t = time[row];
                var j = i - 1;
                while (j >= start[c] && time[order[j]] > t)
                {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = row;
            }
        }
        return (start, order);
    }
}
