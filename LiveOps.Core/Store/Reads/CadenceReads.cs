using System.Data;
using System.Data.Common;
using LiveOps.Core.Data;
using LiveOps.Core.Data.Entities;
using LiveOps.Core.PushCadence;
using Microsoft.EntityFrameworkCore;

namespace LiveOps.Core.Store;

/// <summary>The push cadence's reads of pushes and audience joins and leaves.</summary>
internal static class CadenceReads
{
    // Raw reads: these run over every push and a year of joins and leaves, where EF's materializer
    // costs several times the query itself (see the cadence bench). Instants are stored as UTC milliseconds.
    public static async Task<List<PushRow>> PushesAsync(LiveOpsDbContext db, string? only, CancellationToken ct)
    {
        var rows = new List<PushRow>();
        await using var command = await OpenCommandAsync(db,
            "SELECT \"PushId\", \"AudienceId\", \"SentAt\", \"Kind\" FROM pushes WHERE @only IS NULL OR \"AudienceId\" = @only", only, ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new PushRow(reader.GetString(0), Intern(names, reader.GetString(1)),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)), (PushKind)reader.GetInt32(3)));
        }
        return rows;
    }

    public static async Task<List<MemberEventRow>> EventsAsync(LiveOpsDbContext db, string? only, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var rows = new List<MemberEventRow>();
        await using var command = await OpenCommandAsync(db,
            "SELECT \"AudienceId\", \"At\", \"Event\" FROM audience_events WHERE \"At\" >= @from AND \"At\" < @to AND (@only IS NULL OR \"AudienceId\" = @only)", only, ct);
        AddParameter(command, "@from", from.ToUnixTimeMilliseconds());
        AddParameter(command, "@to", to.ToUnixTimeMilliseconds());
        await using var reader = await command.ExecuteReaderAsync(ct);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new MemberEventRow(Intern(names, reader.GetString(0)),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), (AudienceEventType)reader.GetInt32(2)));
        }
        return rows;
    }

    /// <summary>Joins and leaves before the loaded events and in total: counted outside the loaded span in SQL, inside it from the rows.</summary>
    public static async Task<List<MemberTotals>> TotalsAsync(
        LiveOpsDbContext db, string? only, DateTimeOffset from, DateTimeOffset to, List<MemberEventRow> loaded, CancellationToken ct)
    {
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal); // joins before, leaves before, joins total, leaves total
        int[] For(string id) => counts.TryGetValue(id, out var c) ? c : counts[id] = new int[4];
        await using (var command = await OpenCommandAsync(db,
            "SELECT \"AudienceId\", \"Event\", CASE WHEN \"At\" < @from THEN 1 ELSE 0 END, COUNT(*) FROM audience_events WHERE (\"At\" < @from OR \"At\" >= @to) AND (@only IS NULL OR \"AudienceId\" = @only) GROUP BY \"AudienceId\", \"Event\", 3", only, ct))
        {
            AddParameter(command, "@from", from.ToUnixTimeMilliseconds());
            AddParameter(command, "@to", Math.Max(from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds()));
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var c = For(reader.GetString(0));
                var joined = (AudienceEventType)reader.GetInt32(1) == AudienceEventType.Joined;
                var n = (int)reader.GetInt64(3);
                if (reader.GetInt32(2) == 1)
                {
                    c[joined ? 0 : 1] += n;
                }
                c[joined ? 2 : 3] += n;
            }
        }
        foreach (var e in loaded)
        {
            For(e.AudienceId)[e.Event == AudienceEventType.Joined ? 2 : 3]++;
        }
        return counts.Select(p => new MemberTotals(p.Key, p.Value[0], p.Value[1], p.Value[2], p.Value[3])).ToList();
    }

    private static async Task<DbCommand> OpenCommandAsync(LiveOpsDbContext db, string sql, string? only, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }
        var command = connection.CreateCommand();
        command.CommandText = sql;
        AddParameter(command, "@only", (object?)only ?? DBNull.Value);
        command.Parameters[0].DbType = DbType.String; // typed even when null, for PostgreSQL
        return command;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string Intern(Dictionary<string, string> names, string id) =>
        names.TryGetValue(id, out var known) ? known : names[id] = id;
}
