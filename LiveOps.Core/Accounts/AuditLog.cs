using System.Collections.Concurrent;
using LiveOps.Core.Common;
using LiveOps.Core.Data;
using LiveOps.Core.Store;
using Microsoft.EntityFrameworkCore;

namespace LiveOps.Core.Accounts;

/// <summary>Appends audit entries. Writing never fails the operation it records for a reason of its own making.</summary>
/// <remarks>
/// An entry is no change of the shop's data: it is written through <see cref="DataVersion.TryWriteUnobserved"/>,
/// so recording a refused or rejected attempt does not make every cache rebuild. While another writer holds the
/// database (a long import), entries wait in order in memory and are written as soon as it is free: a refusal is
/// never lost to a busy database, and the request that caused it is not kept waiting.
/// </remarks>
public sealed class AuditLog(IDbContextFactory<LiveOpsDbContext> factory, ZoneClock clock, DataVersion dataVersion)
{
    public const int MaxDetail = 1000;

    // The first try of an entry; the watching connection it uses is shared with every reader of DataVersion.
    private static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(1);

    // Each later try, on a connection of its own.
    private static readonly TimeSpan LaterWait = TimeSpan.FromSeconds(5);

    private readonly ConcurrentQueue<AuditEntry> _pending = new();
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly Lock _sync = new();
    private Task _drain = Task.CompletedTask;

    /// <summary>Entries waiting for a busy database.</summary>
    public int Pending => _pending.Count;

    public async Task WriteAsync(Actor actor, AuditAction action, string detail, AuditOutcome outcome, CancellationToken ct = default)
    {
        _pending.Enqueue(new AuditEntry
        {
            At = clock.UtcNow,
            Actor = actor.Name,
            Action = action,
            Detail = Bounded(Common.PlainText.Escape(detail)),
            Outcome = outcome,
        });
        if (!await TryWritePendingAsync(FirstWait, unobserved: true, ct))
        {
            StartDrain();
        }
    }

    // A refused value is named in its entry with its controls escaped: readable, and storable on PostgreSQL.
    private static string Bounded(string detail) => detail.Length > MaxDetail ? detail[..MaxDetail] : detail;

    /// <summary>Waits until every entry is written (the command line, before it exits); false when the database stayed busy for <paramref name="wait"/>.</summary>
    public async Task<bool> FlushAsync(TimeSpan wait, CancellationToken ct = default)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        while (!await TryWritePendingAsync(LaterWait < wait ? LaterWait : wait, unobserved: false, ct))
        {
            if (System.Diagnostics.Stopwatch.GetElapsedTime(started) >= wait)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Writes the waiting entries in order; false when the database (or another flush) stayed busy for <paramref name="wait"/>.</summary>
    private async Task<bool> TryWritePendingAsync(TimeSpan wait, bool unobserved, CancellationToken ct)
    {
        if (!await _writing.WaitAsync(wait, ct))
        {
            return false;
        }
        try
        {
            while (_pending.TryPeek(out var entry))
            {
                try
                {
                    await InsertAsync(entry, wait, unobserved, ct);
                }
                catch (Exception e) when (ImportGate.IsBusy(e))
                {
                    return false;
                }
                _pending.TryDequeue(out _);
            }
            return true;
        }
        finally
        {
            _writing.Release();
        }
    }

    private async Task InsertAsync(AuditEntry entry, TimeSpan wait, bool unobserved, CancellationToken ct)
    {
        if (unobserved && AuditWrites.TryInsertUnobserved(dataVersion, entry, wait))
        {
            return;
        }
        await using var db = await factory.CreateDbContextAsync(ct);
        ImportGate.BoundWait(db, wait);
        // A fresh entity each try: one that failed to save must not carry a key into the next context.
        db.Add(new AuditEntry { At = entry.At, Actor = entry.Actor, Action = entry.Action, Detail = entry.Detail, Outcome = entry.Outcome });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Writes the waiting entries in the background, trying until the database is free.</summary>
    private void StartDrain()
    {
        lock (_sync)
        {
            if (_drain.IsCompleted)
            {
                _drain = Task.Run(async () =>
                {
                    while (!await TryWritePendingAsync(LaterWait, unobserved: false, CancellationToken.None))
                    {
                    }
                });
            }
        }
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
