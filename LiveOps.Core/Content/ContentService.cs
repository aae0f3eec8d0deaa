using System.Data.Common;
using LiveOps.Core.Analytics;
using LiveOps.Core.Common;
using LiveOps.Core.Data;
using LiveOps.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LiveOps.Core.Content;

/// <summary>
/// Content-driven repurchase for the cadence page and <c>report content</c>: paid orders from the shared
/// <see cref="PaidOrderStore"/> snapshot, pushes and audience events read raw (a few columns each), then the pure
/// <see cref="ContentShape"/>.
/// </summary>
public sealed class ContentService(
    IDbContextFactory<LiveOpsDbContext> factory,
    PaidOrderStore store,
    ZoneClock clock,
    IOptions<LiveOpsOptions> options)
{
    public async Task<ContentReport> RunAsync(ContentQuery query, CancellationToken ct = default)
    {
        var asOf = query.AsOf ?? clock.UtcNow;
        var to = query.To ?? asOf;
        var snapshot = await store.GetAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var audiences = (await db.Audiences.AsNoTracking().Select(a => new { a.AudienceId, a.Name }).ToListAsync(ct))
            .Select(a => (a.AudienceId, a.Name)).ToList();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);

        var pushes = new List<ContentPush>();
        await using (var command = Command(connection, "SELECT \"AudienceId\", \"SentAt\", \"Kind\" FROM pushes"))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (reader.Read())
            {
                pushes.Add(new ContentPush(reader.GetString(0), reader.GetInt64(1), (PushKind)reader.GetInt32(2)));
            }
        }
        var from = query.From ?? (pushes.Count > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(pushes.Min(p => p.SentMs)) : to);

        // Every event before the range's end: membership at the range's start needs the joins before it.
        var events = new List<ContentMemberEvent>();
        await using (var command = Command(connection, "SELECT \"AudienceId\", \"CustomerKey\", \"At\", \"Event\" FROM audience_events WHERE \"At\" < @to"))
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@to";
            parameter.Value = to.ToUnixTimeMilliseconds();
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (reader.Read())
            {
                events.Add(new ContentMemberEvent(reader.GetString(0), snapshot.IndexOfKey(reader.GetInt32(1)), reader.GetInt64(2),
                    (AudienceEventType)reader.GetInt32(3) == AudienceEventType.Joined));
            }
        }
        var cadence = options.Value.PushCadence;
        return ContentShape.Shape(new ContentInput(audiences, pushes, events, snapshot), from, to, cadence.MinPerWeek, cadence.MaxPerWeek, clock);
    }

    private static DbCommand Command(DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}

public static class ContentServices
{
    public static IServiceCollection AddContent(this IServiceCollection services) => services.AddSingleton<ContentService>();
}
