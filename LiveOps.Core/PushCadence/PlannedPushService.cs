using LiveOps.Core.Accounts;
using LiveOps.Core.Common;
using LiveOps.Core.Data;
using LiveOps.Core.Data.Entities;
using LiveOps.Core.Store;
using Microsoft.EntityFrameworkCore;

namespace LiveOps.Core.PushCadence;

/// <summary>One planned push as the audience page lists it.</summary>
public sealed record PlannedPushItem(int Id, string AudienceId, DateTimeOffset PlannedAt, PushKind Kind, string? Title, DateTimeOffset CreatedAt);

/// <summary>A planned time that has already passed (or is this very minute): nothing was saved.</summary>
public sealed class PlannedInPastException(DateTimeOffset plannedAt, DateTimeOffset now)
    : Exception($"The planned time {plannedAt:O} is not after now ({now:O}).")
{
    public DateTimeOffset PlannedAt { get; } = plannedAt;
    public DateTimeOffset Now { get; } = now;
}

/// <summary>A planned push that no longer exists (cancelled meanwhile, or a crafted id).</summary>
public sealed class PlannedPushNotFoundException(int id) : Exception($"There is no planned push {id}.")
{
    public int Id { get; } = id;
}

/// <summary>
/// The planned pushes of one audience: list, move (time and title) and cancel. Moving and cancelling need
/// <see cref="Permission.PlanPushes"/> (a lead may list but not change) and are audited like planning.
/// </summary>
public sealed class PlannedPushService(
    IDbContextFactory<LiveOpsDbContext> factory,
    ZoneClock clock,
    DataVersion dataVersion,
    AccessGuard guard,
    AuditLog audit)
{
    /// <summary>The audience's plans that are still ahead (planned after now), soonest first.</summary>
    public async Task<IReadOnlyList<PlannedPushItem>> UpcomingAsync(string audienceId, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        await using var db = await factory.CreateDbContextAsync(ct);
        var plans = await db.Set<PlannedPush>().AsNoTracking()
            .Where(p => p.AudienceId == audienceId)
            .Select(p => new PlannedPushItem(p.Id, p.AudienceId, p.PlannedAt, p.Kind, p.Title, p.CreatedAt))
            .ToListAsync(ct);
        // Filtered and ordered in memory: a handful of rows per audience, and instants compare the same way on both providers.
        return plans.Where(p => p.PlannedAt > now).OrderBy(p => p.PlannedAt).ThenBy(p => p.Id).ToList();
    }

    /// <summary>Moves a plan to another time (and title). The new time must be ahead of now.</summary>
    public async Task RescheduleAsync(int id, DateTimeOffset plannedAt, string? title, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var plan = await db.Set<PlannedPush>().FirstOrDefaultAsync(p => p.Id == id, ct);
        var detail = plan is null
            ? $"plan {id}"
            : $"plan {id} ({plan.AudienceId}): {Local(plan.PlannedAt)} -> {Local(plannedAt)}";
        var actor = await guard.DemandAsync(Permission.PlanPushes, AuditAction.PushPlanChanged, detail, ct);
        if (plan is null)
        {
            throw new PlannedPushNotFoundException(id);
        }
        await RefuseIfPastAsync(plannedAt, clock, audit, actor, AuditAction.PushPlanChanged, detail);
        await RefuseControlAsync(title, audit, actor, AuditAction.PushPlanChanged, detail);
        plan.PlannedAt = plannedAt;
        plan.Title = string.IsNullOrWhiteSpace(title) ? null : title.Trim();
        await db.SaveChangesAsync(ct);
        dataVersion.Bump();
        await audit.WriteAsync(actor, AuditAction.PushPlanChanged, detail, AuditOutcome.Succeeded, CancellationToken.None);
    }

    /// <summary>Cancels a plan: it is removed from the grid and from every pre-send check.</summary>
    public async Task CancelAsync(int id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var plan = await db.Set<PlannedPush>().FirstOrDefaultAsync(p => p.Id == id, ct);
        var detail = plan is null ? $"plan {id}" : $"plan {id} ({plan.AudienceId}) at {Local(plan.PlannedAt)}";
        var actor = await guard.DemandAsync(Permission.PlanPushes, AuditAction.PushPlanCancelled, detail, ct);
        if (plan is null)
        {
            throw new PlannedPushNotFoundException(id);
        }
        db.Remove(plan);
        await db.SaveChangesAsync(ct);
        dataVersion.Bump();
        await audit.WriteAsync(actor, AuditAction.PushPlanCancelled, detail, AuditOutcome.Succeeded, CancellationToken.None);
    }

    /// <summary>
    /// Refuses a planned time that is not after now: audited as rejected, then <see cref="PlannedInPastException"/>.
    /// </summary>
    internal static async Task RefuseIfPastAsync(DateTimeOffset plannedAt, ZoneClock clock, AuditLog audit, Actor actor, AuditAction action, string detail)
    {
        var now = clock.UtcNow;
        if (plannedAt <= now)
        {
            await audit.WriteAsync(actor, action, $"{detail}: the time has passed, nothing saved", AuditOutcome.Rejected, CancellationToken.None);
            throw new PlannedInPastException(plannedAt, now);
        }
    }

    /// <summary>A title follows the rule for names (<see cref="PlainText"/>): a control character is refused and audited.</summary>
    internal static async Task RefuseControlAsync(string? title, AuditLog audit, Actor actor, AuditAction action, string detail)
    {
        if (PlainText.HasControl(title))
        {
            await audit.WriteAsync(actor, action, $"{detail}: the title contains a control character, nothing saved", AuditOutcome.Rejected, CancellationToken.None);
            throw new ControlCharacterException("title");
        }
    }

    private string Local(DateTimeOffset at) => $"{clock.ToLocal(at):yyyy-MM-dd HH:mm}";
}
