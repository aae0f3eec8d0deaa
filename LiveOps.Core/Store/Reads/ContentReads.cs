using LiveOps.Core.Content;
using LiveOps.Core.Data;
using LiveOps.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LiveOps.Core.Store;

/// <summary>Content-driven repurchase's reads: every push, and every join or leave before an instant with its customer.</summary>
internal static class ContentReads
{
    public static async Task<List<ContentPush>> PushesAsync(LiveOpsDbContext db, CancellationToken ct) =>
        (await CadenceReads.PushesAsync(db, null, ct)).Select(p => new ContentPush(p.AudienceId, p.SentAt.ToUnixTimeMilliseconds(), p.Kind)).ToList();

    /// <summary>Joins and leaves before <paramref name="to"/>, customers as <paramref name="snapshot"/> indexes (−1 when unknown to it).</summary>
    public static async Task<List<ContentMemberEvent>> MemberEventsAsync(LiveOpsDbContext db, DataSnapshot snapshot, DateTimeOffset to, CancellationToken ct)
    {
        var rows = new List<ContentMemberEvent>();
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"AudienceId\", \"CustomerKey\", \"At\", \"Event\" FROM audience_events WHERE \"At\" < @to";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@to";
        parameter.Value = to.ToUnixTimeMilliseconds();
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        // Synchronous Read: the rows are in-process for SQLite, and the async wrapper costs a task per row.
        while (reader.Read())
        {
            var audience = reader.GetString(0);
            audience = names.TryGetValue(audience, out var known) ? known : names[audience] = audience;
            rows.Add(new ContentMemberEvent(audience, snapshot.IndexOfKey(reader.GetInt32(1)), reader.GetInt64(2),
                (AudienceEventType)reader.GetInt32(3) == AudienceEventType.Joined));
        }
        return rows;
    }
}
