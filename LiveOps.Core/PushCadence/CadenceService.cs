using LiveOps.Core.Accounts;
using LiveOps.Core.Common;
using LiveOps.Core.Data;
using LiveOps.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LiveOps.Core.PushCadence;

/// <summary>
/// The push cadence analytics: the weekly report (page, command line, export), the pre-send check and
/// saving planned pushes. Each call reads with its own short-lived context and a handful of set queries.
/// </summary>
public sealed class CadenceService(
    IDbContextFactory<LiveOpsDbContext> factory,
    ZoneClock clock,
    IOptions<LiveOpsOptions> options,
    DataVersion dataVersion,
    AccessGuard guard,
    AuditLog audit)
{
    private PushCadenceOptions Options => options.Value.PushCadence;

    public async Task<CadenceReport> RunAsync(CadenceQuery query, CancellationToken ct = default)
    {
        var asOf = query.AsOf ?? clock.UtcNow;
        var only = query.AudienceId;
        await using var db = await factory.CreateDbContextAsync(ct);

        var audiences = await db.Audiences.AsNoTracking()
            .Where(a => only == null || a.AudienceId == only)
            .Select(a => new AudienceRow(a.AudienceId, a.Name, a.Kind, a.MemberCount))
            .ToListAsync(ct);
        // Pushes are a small table (a few per audience per week), and the default range and the WeCom
        // monthly count need each audience's whole history, so they are read whole.
        var pushes = await ReadPushesAsync(db, only, ct);
        var planned = await db.Set<PlannedPush>().AsNoTracking()
            .Where(p => only == null || p.AudienceId == only)
            .Select(p => new PlannedRow(p.AudienceId, p.PlannedAt, p.Kind))
            .ToListAsync(ct);

        // Events are only needed from the first listed week on (plus 48 h after the last for leaves).
        var lastWeek = CadenceShaper.LastWeek(query, asOf, clock);
        var eventsFrom = query.From is { } from
            ? Period.Containing(PeriodKind.Week, from, clock).Start(clock)
            : pushes.Count > 0 ? Period.Containing(PeriodKind.Week, pushes.Min(p => p.SentAt), clock).Start(clock) : asOf;
        var eventsTo = lastWeek.End(clock) + CadenceRules.LeaveWindow;
        var events = eventsFrom < eventsTo ? await ReadEventsAsync(db, only, eventsFrom, eventsTo, ct) : [];
        var totals = await ReadTotalsAsync(db, only, eventsFrom, eventsTo, events, ct);

        var input = new CadenceInput(audiences, pushes, planned, eventsFrom, events, totals);
        return CadenceShaper.Shape(input, query, asOf, Options, clock);
    }

    /// <summary>
    /// The pre-send check of a planned promotion push to each audience: promotion pushes sent in the
    /// 7 days ending at <paramref name="plannedAt"/> plus this one, quiet hours, and the WeCom limit.
    /// Saved plans are never counted as sent; they are reported beside the count.
    /// </summary>
    public async Task<IReadOnlyList<PreSendCheck>> CheckAsync(IReadOnlyCollection<string> audienceIds, DateTimeOffset plannedAt, CancellationToken ct = default)
    {
        var ids = audienceIds.Distinct(StringComparer.Ordinal).ToList();
        var windowStart = plannedAt - CadenceRules.Window;
        var localDay = clock.LocalDate(plannedAt);
        var monthStart = clock.StartOfDay(new DateOnly(localDay.Year, localDay.Month, 1));
        var monthEnd = clock.StartOfDay(new DateOnly(localDay.Year, localDay.Month, 1).AddMonths(1));
        var readFrom = windowStart < monthStart ? windowStart : monthStart;
        var readTo = plannedAt > monthEnd ? plannedAt : monthEnd;

        await using var db = await factory.CreateDbContextAsync(ct);
        var audiences = await db.Audiences.AsNoTracking()
            .Where(a => ids.Contains(a.AudienceId))
            .Select(a => new AudienceRow(a.AudienceId, a.Name, a.Kind, a.MemberCount))
            .ToDictionaryAsync(a => a.AudienceId, StringComparer.Ordinal, ct);
        var pushes = await db.Pushes.AsNoTracking()
            .Where(p => ids.Contains(p.AudienceId) && p.SentAt >= readFrom && p.SentAt <= readTo)
            .Select(p => new PushRow(p.PushId, p.AudienceId, p.SentAt, p.Kind))
            .ToListAsync(ct);
        var plans = await db.Set<PlannedPush>().AsNoTracking()
            .Where(p => ids.Contains(p.AudienceId) && p.PlannedAt > windowStart && p.PlannedAt <= plannedAt && p.Kind == PushKind.Promotion)
            .Select(p => p.AudienceId)
            .ToListAsync(ct);

        var quiet = CadenceRules.InQuietHours(TimeOnly.FromTimeSpan(clock.ToLocal(plannedAt).TimeOfDay), Options.QuietHoursStart, Options.QuietHoursEnd);
        var checks = new List<PreSendCheck>(ids.Count);
        foreach (var id in ids)
        {
            var own = pushes.Where(p => p.AudienceId == id).ToList();
            var count = CadenceRules.PromotionsInWindow(own.Where(p => p.Kind == PushKind.Promotion).Select(p => p.SentAt), plannedAt);
            var audience = audiences.GetValueOrDefault(id);
            checks.Add(new PreSendCheck(
                id,
                audience?.Name ?? id,
                plannedAt,
                count,
                CadenceRules.Verdict(count, Options.MinPerWeek, Options.MaxPerWeek),
                quiet,
                audience?.Kind == AudienceKind.WecomContacts ? WeComLimitFor(own, plannedAt, monthStart, monthEnd) : null,
                plans.Count(p => p == id)));
        }
        return checks;
    }

    /// <summary>Stores a planned promotion push for each audience. Nothing is sent. Needs <see cref="Permission.PlanPushes"/>; audited.</summary>
    public async Task<int> PlanAsync(IReadOnlyCollection<string> audienceIds, DateTimeOffset plannedAt, string? title, CancellationToken ct = default)
    {
        var detail = $"{string.Join(", ", audienceIds.Distinct(StringComparer.Ordinal))} at {clock.ToLocal(plannedAt):yyyy-MM-dd HH:mm}";
        var actor = await guard.DemandAsync(Permission.PlanPushes, AuditAction.PushPlanned, detail, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.UtcNow;
        foreach (var id in audienceIds.Distinct(StringComparer.Ordinal))
        {
            db.Add(new PlannedPush
            {
                AudienceId = id,
                PlannedAt = plannedAt,
                Kind = PushKind.Promotion,
                Title = string.IsNullOrWhiteSpace(title) ? null : title.Trim(),
                CreatedAt = now,
            });
        }
        var saved = await db.SaveChangesAsync(ct);
        dataVersion.Bump();
        await audit.WriteAsync(actor, AuditAction.PushPlanned, detail, AuditOutcome.Succeeded, CancellationToken.None);
        return saved;
    }

    // Raw reads: these run over every push and a year of joins and leaves, where EF's materializer
    // costs several times the query itself (see the cadence bench). Instants are stored as UTC milliseconds.
    private static async Task<List<PushRow>> ReadPushesAsync(LiveOpsDbContext db, string? only, CancellationToken ct)
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

    private static async Task<List<MemberEventRow>> ReadEventsAsync(LiveOpsDbContext db, string? only, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
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
    private static async Task<List<MemberTotals>> ReadTotalsAsync(
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

    private static async Task<System.Data.Common.DbCommand> OpenCommandAsync(LiveOpsDbContext db, string sql, string? only, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }
        var command = connection.CreateCommand();
        command.CommandText = sql;
        AddParameter(command, "@only", (object?)only ?? DBNull.Value);
        command.Parameters[0].DbType = System.Data.DbType.String; // typed even when null, for PostgreSQL
        return command;
    }

    private static void AddParameter(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string Intern(Dictionary<string, string> names, string id) =>
        names.TryGetValue(id, out var known) ? known : names[id] = id;

    private WeComLimitKind? WeComLimitFor(List<PushRow> own, DateTimeOffset plannedAt, DateTimeOffset monthStart, DateTimeOffset monthEnd)
    {
        var limit = Options.WeCom;
        if (!limit.Enabled)
        {
            return null;
        }
        const string plannedId = "\u0000planned";
        var sends = own.Where(p => p.SentAt >= monthStart && p.SentAt < monthEnd)
            .Select(p => new GroupSend(p.PushId, p.SentAt))
            .Append(new GroupSend(plannedId, plannedAt));
        return WeComRule.Blocked(sends, clock.LocalDate, limit.MaxPerCustomerPerDay, limit.MaxPerAudiencePerMonth)
            .FirstOrDefault(b => b.PushId == plannedId)?.Limit;
    }
}
