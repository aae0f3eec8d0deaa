using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LiveOps.Core.Accounts;

public enum AuditAction
{
    Import,
    TierRulesPublish,
    PushPlanned,
    UserCreated,
    UserRoleChanged,
    UserDisabled,
    UserEnabled,
    MappingSaved,
    ActionCreated,
    PushPlanChanged,
    PushPlanCancelled,
}

public enum AuditOutcome
{
    Succeeded,

    /// <summary>The input was refused (a file with problems, invalid rules); nothing was written.</summary>
    Rejected,

    /// <summary>The actor was not allowed to do it; nothing was written.</summary>
    Refused,
}

/// <summary>
/// One change (or refused attempt) to the shop's data or accounts: who, when, what, outcome. Details name
/// kinds, counts, versions and user emails, never customers.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public AuditAction Action { get; set; }
    public required string Detail { get; set; }
    public AuditOutcome Outcome { get; set; }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable("audit_log");
        e.HasIndex(x => x.At);
        e.HasIndex(x => new { x.Action, x.At });
        e.Property(x => x.Actor).HasMaxLength(256);
        e.Property(x => x.Detail).HasMaxLength(1000);
    }
}
