using LiveOps.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LiveOps.Core.Actions;

/// <summary>Which side of an action a customer is on: sent to, or held back to measure against.</summary>
public enum ActionGroup
{
    Contacted = 0,
    Holdout = 1,
}

/// <summary>
/// A named contact list with a measurement window [<see cref="StartsAt"/>, StartsAt + <see cref="WindowDays"/> × 24 h).
/// Written once; its members never change, so every later result is measured on the list as it was sent.
/// </summary>
public sealed class ActionRecord
{
    public int Id { get; set; }

    /// <summary>Unique, as the operator typed it (trimmed).</summary>
    public required string Name { get; set; }

    /// <summary>Where the list came from (<see cref="ActionSources"/>); completed actions of one source pool into a programme holdout.</summary>
    public required string Source { get; set; }

    public DateTimeOffset StartsAt { get; set; }

    public int WindowDays { get; set; }

    /// <summary>The seed of the random holdout draw; null when the file gave the groups.</summary>
    public long? Seed { get; set; }

    /// <summary>The holdout share asked for (the F of round(n × F)); null when the file gave the groups.</summary>
    public double? HoldoutShare { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }
}

/// <summary>One customer of an action and the group they were put in.</summary>
public sealed class ActionMember
{
    public long Id { get; set; }
    public int ActionId { get; set; }
    public int CustomerKey { get; set; }
    public ActionGroup Group { get; set; }
}

public sealed class ActionRecordConfiguration : IEntityTypeConfiguration<ActionRecord>
{
    public void Configure(EntityTypeBuilder<ActionRecord> e)
    {
        e.ToTable("actions");
        e.HasIndex(x => x.Name).IsUnique();
        e.HasIndex(x => x.StartsAt);
        e.Property(x => x.Name).HasMaxLength(ActionRules.MaxNameLength);
        e.Property(x => x.Source).HasMaxLength(32);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
    }
}

public sealed class ActionMemberConfiguration : IEntityTypeConfiguration<ActionMember>
{
    public void Configure(EntityTypeBuilder<ActionMember> e)
    {
        e.ToTable("action_members");
        e.HasIndex(x => new { x.ActionId, x.CustomerKey }).IsUnique();
        e.HasOne<ActionRecord>().WithMany().HasForeignKey(x => x.ActionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerKey).OnDelete(DeleteBehavior.Restrict);
    }
}
