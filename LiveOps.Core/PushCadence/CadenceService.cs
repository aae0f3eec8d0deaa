using LiveOps.Core.Accounts;
using LiveOps.Core.Common;
using LiveOps.Core.Data;
using LiveOps.Core.Data.Entities;
using LiveOps.Core.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LiveOps.Core.PushCadence;

/// <summary>
/// The push cadence analytics: the weekly report (page, command line, export), the pre-send check and
/// saving planned pushes. Each call reads with its own short-lived context and a handful of set queries.
/// </summary>
public sealed class CadenceService(
    ReportCache cache,
    IDbContextFactory<LiveOpsDbContext> factory,
    ZoneClock clock,
    IOptions<LiveOpsOptions> options,
    DataVersion dataVersion,
    AccessGuard guard,
    AuditLog audit)
{
    private PushCadenceOptions Options => options.Value.PushCadence;

    /// <summary>The weekly report, computed once per query and data version and shared (<see cref="ReportCache"/>).</summary>
    public Task<CadenceReport> RunAsync(CadenceQuery query, CancellationToken ct = default) =>
        cache.GetOrComputeAsync("cadence", query, c => ComputeAsync(query, c), ct);

    private async Task<CadenceReport> ComputeAsync(CadenceQuery query, CancellationToken ct)
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
        var pushes = await CadenceReads.PushesAsync(db, only, ct);
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
        var events = eventsFrom < eventsTo ? await CadenceReads.EventsAsync(db, only, eventsFrom, eventsTo, ct) : [];
        var totals = await CadenceReads.TotalsAsync(db, only, eventsFrom, eventsTo, events, ct);

        var input = new CadenceInput(audiences, pushes, planned, eventsFrom, events, totals);
        return CadenceShaper.Shape(input, query, asOf, Options, clock);
    }

    /// <summary>How many completed weeks the fatigue figure covers (the Overview and the cadence page alike).</summary>
    public const int FatigueWeeks = 12;

    /// <summary>
    /// The fatigue figure: leave rates of over-pushed weeks against weeks within the guideline, over the
    /// <see cref="FatigueWeeks"/> completed weeks before <paramref name="end"/> (now when later), all audiences.
    /// The one computation behind the Overview's evidence and the cadence page's card, so both show the same weeks.
    /// </summary>
    public async Task<FatigueWindow> FatigueAsync(DateTimeOffset end, CancellationToken ct = default)
    {
        var asOf = end < clock.UtcNow ? end : clock.UtcNow;
        var last = Period.Containing(PeriodKind.Week, asOf, clock).Add(-1);
        var first = last.Add(-(FatigueWeeks - 1));
        // As of the end of the last week: every listed week is complete, none is the running one.
        var report = await RunAsync(new CadenceQuery(From: first.Start(clock), To: last.End(clock), AsOf: last.End(clock)), ct);
        return new FatigueWindow(report.Fatigue.All, first, last);
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

    /// <summary>
    /// Stores a planned promotion push for each audience. Nothing is sent. Needs <see cref="Permission.PlanPushes"/>; audited.
    /// A time that has already passed is refused (<see cref="PlannedInPastException"/>).
    /// </summary>
    public async Task<int> PlanAsync(IReadOnlyCollection<string> audienceIds, DateTimeOffset plannedAt, string? title, CancellationToken ct = default)
    {
        var detail = $"{string.Join(", ", audienceIds.Distinct(StringComparer.Ordinal))} at {clock.ToLocal(plannedAt):yyyy-MM-dd HH:mm}";
        var actor = await guard.DemandAsync(Permission.PlanPushes, AuditAction.PushPlanned, detail, ct);
        await PlannedPushService.RefuseIfPastAsync(plannedAt, clock, audit, actor, AuditAction.PushPlanned, detail);
        await PlannedPushService.RefuseControlAsync(title, audit, actor, AuditAction.PushPlanned, detail);
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
