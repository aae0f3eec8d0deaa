using System.Globalization;
using System.Security.Cryptography;
using LiveOps.Core.Accounts;
using LiveOps.Core.Store;
using LiveOps.Core.Common;
using LiveOps.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LiveOps.Core.Actions;

/// <summary>
/// Creates actions (contract §7) and previews a list before it is saved. Creating needs
/// <see cref="Permission.CreateActions"/> (Admin, Operator); a lead's attempt is refused and audited. Every create is
/// audited with its outcome, size, split and seed; a rejected one writes nothing else.
/// </summary>
public sealed class ActionService(
    IDbContextFactory<LiveOpsDbContext> factory,
    SnapshotStore paidOrders,
    SnapshotStore stores,
    DataVersion version,
    ZoneClock clock,
    AccessGuard guard,
    AuditLog audit)
{
    /// <summary>Creates an action from a list file (<see cref="ActionListFile"/>); the draft's members are ignored.</summary>
    public async Task<ActionCreateResult> CreateFromFileAsync(Stream csv, ActionDraft draft, CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Permission.CreateActions, AuditAction.ActionCreated, Describe(draft.Name), ct);
        var read = await ActionListFile.ReadAsync(csv, ct);
        if (!read.Succeeded)
        {
            return await RejectAsync(actor, draft, read.Problems);
        }
        return await CreateCoreAsync(actor, draft with { Members = read.Members }, ct);
    }

    public async Task<ActionCreateResult> CreateAsync(ActionDraft draft, CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Permission.CreateActions, AuditAction.ActionCreated, Describe(draft.Name), ct);
        return await CreateCoreAsync(actor, draft, ct);
    }

    /// <summary>
    /// The split and the measurable lift of a list before it is saved. The baseline is the share of these customers
    /// with a paid order in [starts − N × 24 h, starts): what they did in a window of the same length just before.
    /// </summary>
    public async Task<ActionPreview> PreviewAsync(IReadOnlyCollection<string> customerIds, double holdoutShare, DateTimeOffset? startsAt, int windowDays, CancellationToken ct = default)
    {
        var ids = customerIds.Select(id => id.Trim()).Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var holdout = holdoutShare > 0 && holdoutShare < 1 ? ActionRules.HoldoutSize(ids.Count, holdoutShare) : 0;
        var contacted = ids.Count - holdout;
        var baseline = await BaselineRateAsync(ids, startsAt ?? clock.UtcNow, windowDays, ct);
        return new ActionPreview(ids.Count, contacted, holdout, baseline,
            ActionStatistics.MinimumDetectableDifference(contacted, holdout, baseline));
    }

    /// <summary>Share of <paramref name="customerIds"/> with a paid order in the <paramref name="windowDays"/> before <paramref name="startsAt"/>.</summary>
    public async Task<double> BaselineRateAsync(IReadOnlyList<string> customerIds, DateTimeOffset startsAt, int windowDays, CancellationToken ct = default)
    {
        if (customerIds.Count == 0)
        {
            return 0;
        }
        var snapshot = await paidOrders.GetAsync(ct);
        var index = CustomerIndex.Of(snapshot);
        var toMs = startsAt.ToUnixTimeMilliseconds();
        var fromMs = startsAt.AddDays(-windowDays).ToUnixTimeMilliseconds();
        var buyers = customerIds.Count(id => OrderWindow.Sum(snapshot, index[id], fromMs, toMs).Orders > 0);
        return (double)buyers / customerIds.Count;
    }

    private async Task<ActionCreateResult> CreateCoreAsync(Actor actor, ActionDraft draft, CancellationToken ct)
    {
        var (members, problems) = ActionCheck.Check(draft);
        var name = draft.Name?.Trim() ?? "";
        if (problems.Count == 0 && await NameTakenAsync(name, ct))
        {
            problems.Add($"name: an action named '{name}' already exists; choose another name");
        }
        if (problems.Count > 0)
        {
            return await RejectAsync(actor, draft, problems);
        }

        var share = draft.HoldoutShare ?? ActionRules.DefaultHoldoutShare;
        var givenGroups = members.Any(m => m.Group is not null);
        long? seed = givenGroups ? null : draft.Seed ?? RandomNumberGenerator.GetInt32(int.MaxValue);
        var holdoutIds = givenGroups
            ? members.Where(m => m.Group == ActionGroup.Holdout).Select(m => m.Id).ToHashSet(StringComparer.Ordinal)
            : HoldoutDraw.Draw(members.Select(m => m.Id), ActionRules.HoldoutSize(members.Count, share), seed!.Value);
        var startsAt = draft.StartsAt ?? clock.UtcNow;
        var windowDays = draft.WindowDays ?? ActionRules.DefaultWindowDays;
        var record = new ActionRecord
        {
            Name = name,
            Source = draft.Source,
            StartsAt = startsAt,
            WindowDays = windowDays,
            Seed = seed,
            HoldoutShare = givenGroups ? null : share,
            CreatedAt = clock.UtcNow,
            CreatedBy = actor.Name,
        };
        var (id, created) = await WriteAsync(record, members.Select(m => (m.Id, holdoutIds.Contains(m.Id))).ToList(), ct);
        if (id is null)
        {
            return await RejectAsync(actor, draft, [$"name: an action named '{name}' already exists; choose another name"]);
        }
        var contacted = members.Select(m => m.Id).Where(m => !holdoutIds.Contains(m)).Order(StringComparer.Ordinal).ToList();
        var holdout = holdoutIds.Order(StringComparer.Ordinal).ToList();
        await audit.WriteAsync(actor, AuditAction.ActionCreated,
            $"{Describe(name)} ({ActionRules.ExternalId(id.Value)}, {draft.Source}): {members.Count} customers, {contacted.Count} contacted, {holdout.Count} holdout, "
            + (seed is { } s ? $"drawn with seed {s.ToString(CultureInfo.InvariantCulture)} at {share.ToString(CultureInfo.InvariantCulture)}" : "groups given")
            + $", {windowDays} days from {startsAt.ToUnixTimeMilliseconds()} ms, {created} customers created",
            AuditOutcome.Succeeded, CancellationToken.None);
        await stores.RefreshAsync(ct);
        return new ActionCreateResult(new CreatedAction(id.Value, ActionRules.ExternalId(id.Value), name, draft.Source,
            startsAt, windowDays, seed, contacted, holdout, created), []);
    }

    private async Task<ActionCreateResult> RejectAsync(Actor actor, ActionDraft draft, IReadOnlyList<string> problems)
    {
        await audit.WriteAsync(actor, AuditAction.ActionCreated, $"{Describe(draft.Name)}: {problems.Count} problems, nothing written",
            AuditOutcome.Rejected, CancellationToken.None);
        return new ActionCreateResult(null, problems);
    }

    private static string Describe(string? name) => $"action '{(name ?? "").Trim()}'";

    private async Task<bool> NameTakenAsync(string name, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Set<ActionRecord>().AnyAsync(a => a.Name == name, ct);
    }

    /// <summary>Writes the action, its members and the customers not known yet in one transaction; null id when the name was taken meanwhile.</summary>
    private Task<(int? Id, int Created)> WriteAsync(ActionRecord record, List<(string Id, bool Holdout)> members, CancellationToken ct) =>
        ActionWrites.WriteAsync(factory, version, record, members, ct);
}
