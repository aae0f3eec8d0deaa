using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LiveOps.Core.Import.Mapping;

/// <summary>
/// One saved version of an operator's mapping. Saving a mapping under a name adds a version; nothing is updated in
/// place, so what an earlier import used stays known. The newest version of a name is the one in use.
/// </summary>
public sealed class SavedMappingVersion
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int Version { get; set; }
    public required string Kind { get; set; }

    /// <summary>The mapping as contract §5 JSON.</summary>
    public required string Json { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? Author { get; set; }
}

/// <summary>
/// The key of the keyed hashes (<c>"hash": true</c>) of one database: made once, at the first import that hashes, kept
/// only here. No export, report or log writes it; without it the stored hashes cannot be tied back to phone numbers.
/// </summary>
public sealed class ImportSecret
{
    public int Id { get; set; }
    public required string Purpose { get; set; }
    public required byte[] Key { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class SavedMappingConfiguration : IEntityTypeConfiguration<SavedMappingVersion>
{
    public void Configure(EntityTypeBuilder<SavedMappingVersion> e)
    {
        e.ToTable("import_mappings");
        e.HasIndex(x => new { x.Name, x.Version }).IsUnique();
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.Kind).HasMaxLength(32);
        e.Property(x => x.Author).HasMaxLength(256);
    }
}

public sealed class ImportSecretConfiguration : IEntityTypeConfiguration<ImportSecret>
{
    public void Configure(EntityTypeBuilder<ImportSecret> e)
    {
        e.ToTable("import_secrets");
        e.HasIndex(x => x.Purpose).IsUnique();
        e.Property(x => x.Purpose).HasMaxLength(64);
    }
}
