using LiveOps.Core.Accounts;
using LiveOps.Core.Common;
using LiveOps.Core.Data;
using LiveOps.Core.Data.Entities;
using LiveOps.Core.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LiveOps.Core.Tiers;

/// <summary>The outcome of a publish: the new version, or the problems that kept it from being written.</summary>
public sealed record TierPublishResult(TierRuleVersion? Version, IReadOnlyList<TierRuleProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>The configured or stored rules cannot be used; the message lists why.</summary>
public sealed class TierRulesUnusableException(string message) : Exception(message);

/// <summary>
/// The versioned tier rules. Every change is a new <see cref="TierRuleSet"/> with its time, author and source;
/// nothing is ever updated in place, so earlier tier results stay explainable.
/// </summary>
/// <remarks>
/// When the database holds no version, the rules of <c>LiveOps:Tiers</c> are written as the first version
/// (source <c>config</c>, created at that moment) on first use, so the configuration is read once and every
/// later result names a stored version. The version in force at an instant is the newest one created at or
/// before it; before the first version the oldest one applies (data older than any rule change is judged by
/// the first rules known).
/// </remarks>
public sealed class TierRuleSetService(
    IDbContextFactory<LiveOpsDbContext> factory,
    IOptions<LiveOpsOptions> options,
    ZoneClock clock,
    DataVersion dataVersion,
    AccessGuard guard,
    AuditLog audit,
    ImportGate importGate)
{
    // Two first uses in one process must not both write the configuration version.
    private static readonly SemaphoreSlim WriteGate = new(1, 1);

    /// <summary>The rules in force at <paramref name="at"/>.</summary>
    public async Task<TierRuleVersion> InForceAsync(DateTimeOffset at, CancellationToken ct)
    {
        // Versions are few (each is a person's publish): one query reads them all and the choice is made here. Every
        // distinct EF query costs ~0.1 s to compile in a fresh process, and the command line is always a fresh process.
        var sets = await AllSetsAsync(ct);
        if (sets.Count == 0)
        {
            await EnsureSeededAsync(ct);
            sets = await AllSetsAsync(ct);
        }
        var chosen = sets.Where(s => s.CreatedAt <= at).MaxBy(s => (s.CreatedAt, s.Id))
            ?? sets.MinBy(s => (s.CreatedAt, s.Id))
            ?? throw new InvalidOperationException("no tier rule version after seeding");
        return ToVersion(chosen);
    }

    /// <summary>Every version, newest first.</summary>
    public async Task<IReadOnlyList<TierRuleVersion>> HistoryAsync(CancellationToken ct)
    {
        await EnsureSeededAsync(ct);
        var sets = await AllSetsAsync(ct);
        return sets.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).Select(ToVersion).ToList();
    }

    private async Task<List<TierRuleSet>> AllSetsAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.TierRuleSets.AsNoTracking().Include(s => s.Rules).ToListAsync(ct);
    }

    /// <summary>
    /// Validates <paramref name="rules"/> and, when they are valid, writes them as a new version created now.
    /// Used by the editor (source <c>editor</c>) and the <c>tier-rules</c> import (source <c>import</c>).
    /// </summary>
    /// <remarks>Needs <see cref="Permission.PublishTierRules"/>; a signed-in user is always the author. Audited.</remarks>
    public async Task<TierPublishResult> PublishAsync(IReadOnlyList<TierRuleDraft> rules, string source, string? author, CancellationToken ct)
    {
        var actor = await guard.DemandAsync(Permission.PublishTierRules, AuditAction.TierRulesPublish, $"{source}: {rules.Count} tiers", ct);
        author = actor.Trusted ? author : actor.Name;
        var problems = TierRuleValidator.Validate(rules);
        if (problems.Count > 0)
        {
            await audit.WriteAsync(actor, AuditAction.TierRulesPublish, $"{source}: {rules.Count} tiers, {problems.Count} problems", AuditOutcome.Rejected, CancellationToken.None);
            return new TierPublishResult(null, problems);
        }
        await EnsureSeededAsync(ct);
        await WriteGate.WaitAsync(ct);
        try
        {
            TierRuleVersion version;
            try
            {
                version = await WriteAsync(rules, source, author, importGate.Wait, ct);
            }
            catch (ImportBusyException)
            {
                await audit.WriteAsync(actor, AuditAction.TierRulesPublish, $"{source}: {rules.Count} tiers, another import was running, nothing written", AuditOutcome.Rejected, CancellationToken.None);
                throw;
            }
            await audit.WriteAsync(actor, AuditAction.TierRulesPublish, $"{source}: version {version.Id}, {rules.Count} tiers", AuditOutcome.Succeeded, CancellationToken.None);
            return new TierPublishResult(version, []);
        }
        finally
        {
            WriteGate.Release();
        }
    }

    /// <summary>
    /// Writes the rules of a <c>tier-rules</c> import as a new version (source <c>import</c>). The import has already
    /// checked the file line by line, demanded <see cref="Permission.Import"/> and audits the attempt itself.
    /// </summary>
    internal async Task<TierRuleVersion> PublishImportAsync(IReadOnlyList<TierRuleDraft> rules, string? author, TimeSpan busyWait, CancellationToken ct)
    {
        // The file has no display names: each tier keeps the one its code has in the newest version.
        var latest = (await AllSetsAsync(ct)).MaxBy(s => (s.CreatedAt, s.Id));
        rules = TierDisplayNames.Inherit(rules, latest is null ? null : ToVersion(latest).Rules);
        await WriteGate.WaitAsync(ct);
        try
        {
            return await WriteAsync(rules, TierRuleSources.Import, author, busyWait, ct);
        }
        finally
        {
            WriteGate.Release();
        }
    }

    /// <summary>Writes the configured rules as the first version when the database holds none.</summary>
    public async Task EnsureSeededAsync(CancellationToken ct)
    {
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            if (await db.TierRuleSets.AnyAsync(ct))
            {
                return;
            }
        }
        await WriteGate.WaitAsync(ct);
        try
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            if (await db.TierRuleSets.AnyAsync(ct))
            {
                return;
            }
            var configured = options.Value.Tiers
                .Select(t => new TierRuleDraft(t.Tier, t.Rank, t.MinSpend12m, t.MinOrders12m, t.Discount, t.DedicatedService, t.DisplayName))
                .ToList();
            var problems = TierRuleValidator.Validate(configured);
            if (problems.Count > 0)
            {
                throw new TierRulesUnusableException(
                    "LiveOps:Tiers cannot be used as the tier rules: " + string.Join("; ", problems.Select(p => p.ToString())));
            }
            await WriteAsync(configured, TierRuleSources.Config, null, null, ct);
        }
        finally
        {
            WriteGate.Release();
        }
    }

    /// <summary>Writes a new version; with <paramref name="busyWait"/>, a database another writer holds longer is <see cref="ImportBusyException"/>.</summary>
    private async Task<TierRuleVersion> WriteAsync(IReadOnlyList<TierRuleDraft> rules, string source, string? author, TimeSpan? busyWait, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (busyWait is { } wait)
        {
            ImportGate.BoundWait(db, wait);
        }
        var set = new TierRuleSet
        {
            CreatedAt = clock.UtcNow,
            Author = string.IsNullOrWhiteSpace(author) ? null : author.Trim(),
            Source = source,
            Rules = rules.OrderBy(r => r.Rank).Select(r => new TierRule
            {
                Tier = r.Tier.Trim(),
                DisplayName = string.IsNullOrWhiteSpace(r.DisplayName) ? null : r.DisplayName.Trim(),
                Rank = r.Rank,
                MinSpend12m = r.MinSpend12m,
                MinOrders12m = r.MinOrders12m,
                Discount = r.Discount,
                DedicatedService = r.DedicatedService,
            }).ToList(),
        };
        db.TierRuleSets.Add(set);
        await ImportGate.TranslateAsync(() => db.SaveChangesAsync(ct));
        dataVersion.Bump();
        return ToVersion(set);
    }

    private static TierRuleVersion ToVersion(TierRuleSet set) => new(
        set.Id,
        set.CreatedAt,
        set.Author,
        set.Source,
        set.Rules.OrderBy(r => r.Rank)
            .Select(r => new TierRuleDraft(r.Tier, r.Rank, r.MinSpend12m, r.MinOrders12m, r.Discount, r.DedicatedService, r.DisplayName))
            .ToList());
}
