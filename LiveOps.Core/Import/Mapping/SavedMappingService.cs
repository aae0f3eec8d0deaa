using LiveOps.Core.Accounts;
using LiveOps.Core.Common;
using LiveOps.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LiveOps.Core.Import.Mapping;

/// <summary>A saved version of an operator's mapping.</summary>
public sealed record SavedMapping(string Name, int Version, DateTimeOffset CreatedAt, string? Author, ImportMapping Mapping);

/// <summary>
/// Mappings saved by name in the database, versioned like the tier rules: every save adds a version with its time
/// and author (audited), nothing is changed in place, and the newest version of a name is the one used. A name is
/// looked up among the saved mappings first, then the built-in presets (<see cref="PresetCatalog"/>), whose names
/// cannot be saved over.
/// </summary>
public sealed class SavedMappingService(IDbContextFactory<LiveOpsDbContext> factory, ZoneClock clock, AccessGuard guard, AuditLog audit)
{
    public const int MaxNameLength = 100;

    /// <summary>Saves <paramref name="mapping"/> as the next version of its name. Needs <see cref="Permission.Import"/>; audited.</summary>
    /// <exception cref="MappingException">The name is empty, too long or a preset's.</exception>
    public async Task<SavedMapping> SaveAsync(ImportMapping mapping, CancellationToken ct = default)
    {
        var name = mapping.Name.Trim();
        var actor = await guard.DemandAsync(Permission.Import, AuditAction.MappingSaved, $"mapping '{name}'", ct);
        if (name.Length is 0 or > MaxNameLength)
        {
            throw new MappingException([ImportProblem.Of(0, "name", "mapping.name")]);
        }
        if (PlainText.HasControl(name))
        {
            throw new MappingException([ImportProblem.Of(0, "name", "value.control")]);
        }
        if (PresetCatalog.Find(name) is not null)
        {
            await audit.WriteAsync(actor, AuditAction.MappingSaved, $"mapping '{name}': a preset's name", AuditOutcome.Rejected, CancellationToken.None);
            throw new MappingException([ImportProblem.Of(0, "name", "mapping.presetName", name)]);
        }
        await using var db = await factory.CreateDbContextAsync(ct);
        var last = await db.Set<SavedMappingVersion>().Where(m => m.Name == name).MaxAsync(m => (int?)m.Version, ct) ?? 0;
        var row = new SavedMappingVersion
        {
            Name = name,
            Version = last + 1,
            Kind = ImportKinds.Name(mapping.Kind),
            Json = MappingJson.Write(mapping with { Name = name }),
            CreatedAt = clock.UtcNow,
            Author = actor.Name,
        };
        db.Add(row);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(actor, AuditAction.MappingSaved, $"mapping '{name}' version {row.Version} ({row.Kind})", AuditOutcome.Succeeded, CancellationToken.None);
        return ToSaved(row);
    }

    /// <summary>The newest version of every saved mapping, by name.</summary>
    public async Task<IReadOnlyList<SavedMapping>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Set<SavedMappingVersion>().AsNoTracking().ToListAsync(ct);
        return rows.GroupBy(r => r.Name).Select(g => ToSaved(g.MaxBy(r => r.Version)!)).OrderBy(m => m.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Every version of a saved mapping, newest first.</summary>
    public async Task<IReadOnlyList<SavedMapping>> HistoryAsync(string name, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Set<SavedMappingVersion>().AsNoTracking().Where(m => m.Name == name.Trim()).ToListAsync(ct);
        return rows.OrderByDescending(r => r.Version).Select(ToSaved).ToList();
    }

    /// <summary>The newest saved version of <paramref name="name"/>, else the preset of that name, else null.</summary>
    public async Task<ImportMapping?> FindAsync(string name, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var trimmed = name.Trim();
        var row = await db.Set<SavedMappingVersion>().AsNoTracking().Where(m => m.Name == trimmed)
            .OrderByDescending(m => m.Version).FirstOrDefaultAsync(ct);
        return row is not null ? ToSaved(row).Mapping : PresetCatalog.Find(trimmed);
    }

    /// <summary>
    /// <c>--mapping</c>'s argument: a JSON file when it names one (or ends in <c>.json</c>), else a saved mapping or a preset.
    /// </summary>
    /// <exception cref="MappingException">The file's mapping is wrong, or no mapping has that name.</exception>
    public async Task<ImportMapping> ResolveAsync(string nameOrPath, CancellationToken ct = default)
    {
        if (File.Exists(nameOrPath) || nameOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            var json = await File.ReadAllTextAsync(nameOrPath, ct);
            return MappingJson.Parse(json, Path.GetFileNameWithoutExtension(nameOrPath));
        }
        return await FindAsync(nameOrPath, ct) ?? throw new MappingException(
            [ImportProblem.Of(0, "name", "mapping.notFound", nameOrPath, string.Join(", ", PresetCatalog.All.Select(p => p.Name)))]);
    }

    /// <summary>The saved mappings and presets that fit a header, best first (saved ones first on a tie: they were made for this shop).</summary>
    public async Task<IReadOnlyList<MappingMatch>> DetectAsync(IReadOnlyList<string> header, CancellationToken ct = default)
    {
        var saved = (await ListAsync(ct)).Select(s => PresetCatalog.Match(s.Mapping, header, isPreset: false, s.Version)).OfType<MappingMatch>();
        return saved.Concat(PresetCatalog.Detect(header)).OrderByDescending(m => m.Matched).ThenBy(m => m.IsPreset).ToList();
    }

    private static SavedMapping ToSaved(SavedMappingVersion row) =>
        new(row.Name, row.Version, row.CreatedAt, row.Author, MappingJson.Parse(row.Json, row.Name));
}
