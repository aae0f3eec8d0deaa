namespace LiveOps.Core.Store;

/// <summary>What a paid-order file holds, before it becomes a <see cref="DataSnapshot"/>.</summary>
internal sealed record PersistedSnapshot(ColumnValues Columns, int[] KeyIndex, int[] OrderStart, ChangeStamp Stamp);

/// <summary>
/// A <see cref="DataSnapshot"/>'s columns in <see cref="ColumnFile"/>s: the customers and paid orders in one, the funnel
/// events in another (read only when asked for). Written by whoever read them from the tables (after an import, the
/// import itself), read by every later process while the database has not changed. The declared columns are written
/// in declaration order, so the layout follows the declarations; every length is checked when read back.
/// </summary>
internal static class SnapshotFiles
{
    public const string PaidOrders = "paid-orders";

    public const string FunnelEvents = "funnel-events";

    // The layouts; a change of what the writers below write needs a new one, so old files are not misread.
    private const string PaidOrdersKind = "paid-orders/2";
    private const string FunnelEventsKind = "funnel-events/2";

    public static DataSnapshot? TryReadPaidOrders(string path, ChangeStamp stamp, Func<PersistedSnapshot, DataSnapshot> snapshot) =>
        ColumnFile.TryRead(path, PaidOrdersKind, stamp, file =>
        {
            var values = new ColumnValues();
            var keyIndex = file.Read<int>();
            var n = ReadColumns(file, Column.Of<DataSnapshot>(Table.Customers), values);
            var start = file.Read<int>();
            if (n < 0 || start.Length != n + 1)
            {
                return null;
            }
            var m = ReadColumns(file, Column.Of<DataSnapshot>(Table.Orders), values);
            return m >= 0 && start[n] == m ? snapshot(new PersistedSnapshot(values, keyIndex, start, stamp)) : null;
        });

    public static void TryWritePaidOrders(string path, DataSnapshot snapshot) =>
        ColumnFile.TryWrite(path, PaidOrdersKind, snapshot.Stamp!, file =>
        {
            file.Write(snapshot.KeyIndex);
            WriteColumns(file, Column.Of<DataSnapshot>(Table.Customers), snapshot);
            file.Write(snapshot.OrderStart);
            WriteColumns(file, Column.Of<DataSnapshot>(Table.Orders), snapshot);
        });

    public static FunnelEvents? TryReadEvents(string path, ChangeStamp stamp, DataSnapshot snapshot) =>
        ColumnFile.TryRead(path, FunnelEventsKind, stamp, file =>
        {
            var values = new ColumnValues();
            var start = file.Read<int>();
            var m = ReadColumns(file, Column.Of<FunnelEvents>(Table.Events), values);
            return m >= 0 && start.Length == snapshot.CustomerCount + 1 && start[^1] == m
                ? new FunnelEvents(snapshot.Version, values, start) { FromFile = true }
                : null;
        });

    public static void TryWriteEvents(string path, ChangeStamp stamp, FunnelEvents events) =>
        ColumnFile.TryWrite(path, FunnelEventsKind, stamp, file =>
        {
            file.Write(events.Start);
            WriteColumns(file, Column.Of<FunnelEvents>(Table.Events), events);
        });

    private static void WriteColumns(ColumnFileWriter file, Column[] columns, object owner)
    {
        foreach (var column in columns)
        {
            column.Write(file, owner);
        }
    }

    /// <summary>The columns' common length, or -1 when they differ.</summary>
    private static int ReadColumns(ColumnFileReader file, Column[] columns, ColumnValues values)
    {
        var length = -1;
        foreach (var column in columns)
        {
            var read = column.Read(file, values);
            if (length >= 0 && read != length)
            {
                return -1;
            }
            length = read;
        }
        return length;
    }
}
