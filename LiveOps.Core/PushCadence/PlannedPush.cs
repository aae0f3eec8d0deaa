using LiveOps.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LiveOps.Core.PushCadence;

/// <summary>
/// A push an operator plans from the dashboard. LiveOps sends nothing itself: a plan is shown in the
/// cadence grid as planned and never counted as sent.
/// </summary>
public sealed class PlannedPush
{
    public int Id { get; set; }
    public required string AudienceId { get; set; }
    public DateTimeOffset PlannedAt { get; set; }
    public PushKind Kind { get; set; }
    public string? Title { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class PlannedPushConfiguration : IEntityTypeConfiguration<PlannedPush>
{
    public void Configure(EntityTypeBuilder<PlannedPush> e)
    {
        e.ToTable("planned_pushes");
        e.HasIndex(x => new { x.AudienceId, x.PlannedAt });
        e.Property(x => x.AudienceId).HasMaxLength(64);
        e.Property(x => x.Title).HasMaxLength(200);
    }
}
