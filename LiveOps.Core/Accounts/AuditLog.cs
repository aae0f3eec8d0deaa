using LiveOps.Core.Common;
using LiveOps.Core.Data;
using LiveOps.Core.Store;
using Microsoft.EntityFrameworkCore;

namespace LiveOps.Core.Accounts;

/// <summary>Appends audit entries. Writing never fails the operation it records for a reason of its own making.</summary>
/// <remarks>
/// An entry is no change of the shop's data: it is written through <see cref="DataVersion.TryWriteUnobserved"/>,
/// so recording a refused or rejected attempt does not make every cache rebuild.
/// </remarks>
public sealed class AuditLog(IDbContextFactory<LiveOpsDbContext> factory, ZoneClock clock, DataVersion dataVersion)
{
    public const int MaxDetail = 1000;

    public async Task WriteAsync(Actor actor, AuditAction action, string detail, AuditOutcome outcome, CancellationToken ct = default)
    {
        var entry = new AuditEntry
        {
            At = clock.UtcNow,
            Actor = actor.Name,
            Action = action,
            Detail = detail.Length > MaxDetail ? detail[..MaxDetail] : detail,
            Outcome = outcome,
        };
        if (AuditWrites.TryInsertUnobserved(dataVersion, entry))
        {
            return;
        }
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Add(entry);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>A filter over the audit log; local dates are days in the configured zone, both ends included.</summary>
public sealed record AuditQuery(
    string? Actor = null,
    AuditAction? Action = null,
    AuditOutcome? Outcome = null,
    DateOnly? From = null,
    DateOnly? To = null,
    int Offset = 0,
    int Limit = 100);

public sealed record AuditEntries(IReadOnlyList<AuditEntry> Entries, int Total);

/// <summary>Reads the audit log for admins and leads (and the command line), newest first.</summary>
public sealed class AuditQueryService(IDbContextFactory<LiveOpsDbContext> factory, ZoneClock clock, AccessGuard guard)
{
    public async Task<AuditEntries> QueryAsync(AuditQuery query, CancellationToken ct = default)
    {
        await guard.DemandAsync(Permission.ViewAudit, null, "", ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var entries = db.Set<AuditEntry>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            var actor = query.Actor.Trim();
            entries = entries.Where(e => e.Actor.Contains(actor));
        }
        if (query.Action is { } action)
        {
            entries = entries.Where(e => e.Action == action);
        }
        if (query.Outcome is { } outcome)
        {
            entries = entries.Where(e => e.Outcome == outcome);
        }
        if (query.From is { } from)
        {
            var start = clock.StartOfDay(from);
            entries = entries.Where(e => e.At >= start);
        }
        if (query.To is { } to)
        {
            var end = clock.StartOfDay(to.AddDays(1));
            entries = entries.Where(e => e.At < end);
        }
        var total = await entries.CountAsync(ct);
        var page = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip(Math.Max(0, query.Offset)).Take(Math.Clamp(query.Limit, 1, 1000)).ToListAsync(ct);
        return new AuditEntries(page, total);
    }
}
