using System.Data.Common;
using LiveOps.Core.Data.Demo;
using LiveOps.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LiveOps.Core.Store;

/// <summary>
/// Writes a generated dataset with the provider's bulk rows (SQLite: prepared, reused INSERTs; PostgreSQL: binary
/// COPY) in one transaction: a million orders take seconds this way, where change-tracked entities would take minutes.
/// </summary>
internal static class DemoDataWriter
{
    /// <summary>Writes the dataset into the database of the contexts and bumps the data version.</summary>
    public static async Task<DemoDataSummary> WriteAsync(IDbContextFactory<LiveOpsDbContext> contexts, DemoDataset data, DataVersion version, CancellationToken ct)
    {
        await using var connection = await DatabaseProvider.OpenWriterAsync(contexts, ct);
        var summary = Write(connection, data);
        version.Bump();
        return summary;
    }

    private static DemoDataSummary Write(DbConnection connection, DemoDataset data)
    {
        var provider = DatabaseProvider.Of(connection);
        using var tx = connection.BeginTransaction();
        // Building an index once from sorted keys is several times faster than a million random inserts into it.
        var deferred = DropIndexes(connection, tx, "customers", "orders", "audience_events", "campaign_events");
        var triggers = provider.SuspendChangeTriggers(connection, tx, ["customers", "orders", "campaign_events"]);
        WriteLiveSessions(connection, tx, data);
        WriteAudiences(connection, tx, data);
        WriteCampaigns(connection, tx, data);
        WritePushes(connection, tx, data);
        WriteCustomers(connection, tx, data);
        provider.AfterExplicitKeys(connection, tx, "customers", "Id");
        WriteAudienceEvents(connection, tx, data);
        WriteCampaignEvents(connection, tx, data);
        WriteOrders(connection, tx, data);
        RecreateIndexes(connection, tx, deferred);
        triggers.Restore();
        tx.Commit();
        provider.AfterBulkLoad(connection, ["live_sessions", "audiences", "campaigns", "pushes", "customers", "audience_events", "campaign_events", "orders"]);
        return new DemoDataSummary(data.Customers.Length, data.Orders.Count, data.Audiences.Count, data.AudienceEvents.Count,
            data.Pushes.Count, data.Campaigns.Count, data.CampaignEvents.Count, data.LiveSessions.Count);
    }

    private static void WriteLiveSessions(DbConnection connection, DbTransaction tx, DemoDataset data)
    {
        using var insert = Rows(connection, tx, "live_sessions",
            "LiveSessionId", "StartedAt", "Title", "EndedAt", "Viewers", "PeakConcurrent", "AvgWatchSeconds");
        foreach (var s in data.LiveSessions)
        {
            insert.Add(s.Id, s.StartMs, s.Title, s.EndMs, s.Viewers, s.PeakConcurrent, s.AvgWatchSeconds);
        }
    }

    private static void WriteAudiences(DbConnection connection, DbTransaction tx, DemoDataset data)
    {
        using var insert = Rows(connection, tx, "audiences", "AudienceId", "Name", "Kind", "MemberCount");
        foreach (var a in data.Audiences)
        {
            insert.Add(a.Id, a.Name, (int)a.Kind, a.MemberCount);
        }
    }

    private static void WriteCampaigns(DbConnection connection, DbTransaction tx, DemoDataset data)
    {
        using var insert = Rows(connection, tx, "campaigns",
            "CampaignId", "Name", "Type", "StartsAt", "EndsAt", "Cost", "AttributionDays");
        foreach (var c in data.Campaigns)
        {
            insert.Add(c.Id, c.Name, (int)c.Type, c.StartMs, c.EndMs, c.CostUnits, c.AttributionDays);
        }
    }

    private static void WritePushes(DbConnection connection, DbTransaction tx, DemoDataset data)
    {
        using var insert = Rows(connection, tx, "pushes",
            "PushId", "AudienceId", "SentAt", "Kind", "CampaignId", "Title", "Reached", "Clicked");
        foreach (var p in data.Pushes)
        {
            insert.Add(p.Id, data.Audiences[p.Audience].Id, p.SentMs, (int)p.Kind,
                p.Campaign >= 0 ? data.Campaigns[p.Campaign].Id : null, p.Title, p.Reached, p.Clicked);
        }
    }

    private static void WriteCustomers(DbConnection connection, DbTransaction tx, DemoDataset data)
    {
        // Explicit keys (1-based positions) so events and orders can reference customers without reading back.
        using var insert = Rows(connection, tx, "customers",
            "Id", "CustomerId", "Nickname", "AcquiredAt", "AcquisitionChannel", "JoinedPrivateAt", "PrivateAudienceId");
        var customers = data.Customers;
        for (var i = 0; i < customers.Length; i++)
        {
            ref readonly var c = ref customers[i];
            insert.Add(i + 1, c.Id, c.Nickname, c.AcquiredMs, (int)c.Channel,
                c.IsMember ? c.JoinedPrivateMs : null, c.IsMember ? data.Audiences[c.Audience].Id : null);
        }
    }

    private static void WriteAudienceEvents(DbConnection connection, DbTransaction tx, DemoDataset data)
    {
        using var insert = Rows(connection, tx, "audience_events", "AudienceId", "CustomerKey", "At", "Event");
        foreach (var e in data.AudienceEvents)
        {
            insert.Add(data.Audiences[e.Audience].Id, e.Customer + 1, e.AtMs, (int)e.Event);
        }
    }

    private static void WriteCampaignEvents(DbConnection connection, DbTransaction tx, DemoDataset data)
    {
        using var insert = Rows(connection, tx, "campaign_events", "CampaignId", "CustomerKey", "At", "Stage");
        foreach (var e in data.CampaignEvents)
        {
            insert.Add(data.Campaigns[e.Campaign].Id, e.Customer + 1, e.AtMs, (int)e.Stage);
        }
    }

    private static void WriteOrders(DbConnection connection, DbTransaction tx, DemoDataset data)
    {
        using var insert = Rows(connection, tx, "orders",
            "OrderId", "CustomerKey", "PlacedAt", "Amount", "Status", "Channel", "CampaignId", "LiveSessionId");
        var width = Math.Max(7, data.Orders.Count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        var format = "D" + width;
        for (var i = 0; i < data.Orders.Count; i++)
        {
            var o = data.Orders[i];
            insert.Add("D" + (i + 1).ToString(format, System.Globalization.CultureInfo.InvariantCulture), o.Customer + 1, o.PlacedMs,
                o.AmountUnits, (int)o.Status, (int)o.Channel,
                o.Campaign >= 0 ? data.Campaigns[o.Campaign].Id : null,
                o.LiveSession >= 0 ? data.LiveSessions[o.LiveSession].Id : null);
        }
    }

    private static Inserter Rows(DbConnection connection, DbTransaction tx, string table, params string[] columns) =>
        new(DatabaseProvider.Of(connection).BulkRows(connection, tx, table, columns));

    /// <summary>Completes the provider's bulk rows when the table is written (a COPY must end before the next begins).</summary>
    private sealed class Inserter(IBulkRows rows) : IDisposable
    {
        public void Add(params object?[] values) => rows.Add(values);

        public void Dispose()
        {
            rows.Complete();
            rows.Dispose();
        }
    }

    /// <summary>Drops the secondary indexes of the tables (within the transaction) and returns their definitions.</summary>
    private static List<string> DropIndexes(DbConnection connection, DbTransaction tx, params string[] tables)
    {
        var indexes = DatabaseProvider.Of(connection).SecondaryIndexes(connection, tx, tables, nonUniqueOnly: false);
        foreach (var (name, _) in indexes)
        {
            Execute(connection, tx, $"DROP INDEX {DatabaseProvider.Quote(name)}");
        }
        return indexes.Select(i => i.Definition).ToList();
    }

    private static void RecreateIndexes(DbConnection connection, DbTransaction tx, List<string> definitions)
    {
        foreach (var sql in definitions)
        {
            Execute(connection, tx, sql);
        }
    }

    private static void Execute(DbConnection connection, DbTransaction tx, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
