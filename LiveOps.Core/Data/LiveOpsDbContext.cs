using LiveOps.Core.Accounts;
using LiveOps.Core.Common;
using LiveOps.Core.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LiveOps.Core.Data;

/// <summary>
/// The shared model. Each database provider has its own derived context (<see cref="SqliteLiveOpsDbContext"/>,
/// <see cref="PostgresLiveOpsDbContext"/>) that owns that provider's migrations; services ask for this type.
/// </summary>
public class LiveOpsDbContext : IdentityDbContext<AppUser>, IDataProtectionKeyContext
{
    public LiveOpsDbContext(DbContextOptions<LiveOpsDbContext> options) : base(options) { }

    /// <summary>For the provider-specific contexts.</summary>
    protected LiveOpsDbContext(DbContextOptions options) : base(options) { }

    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<Audience> Audiences => Set<Audience>();
    public DbSet<AudienceEvent> AudienceEvents => Set<AudienceEvent>();
    public DbSet<Push> Pushes => Set<Push>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<CampaignEvent> CampaignEvents => Set<CampaignEvent>();
    public DbSet<LiveSession> LiveSessions => Set<LiveSession>();
    public DbSet<TierRuleSet> TierRuleSets => Set<TierRuleSet>();
    public DbSet<TierRule> TierRules => Set<TierRule>();
    // Shared by every dashboard instance, so cookies and antiforgery tokens of one are valid at the others.
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Instants as UTC Unix milliseconds: sortable integers that range queries can use an index for,
        // independent of the offset a file was written with.
        builder.Properties<DateTimeOffset>().HaveConversion<InstantConverter>();
        // Money as whole 1/10000 yuan: exact sums in SQL and in memory.
        builder.Properties<decimal>().HaveConversion<MoneyConverter>();
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        // Identity's model first; Accounts/IdentityTableConfiguration renames its tables.
        base.OnModelCreating(model);
        // Feature folders add their own tables through IEntityTypeConfiguration classes.
        model.ApplyConfigurationsFromAssembly(typeof(LiveOpsDbContext).Assembly);
        model.Entity<Customer>(e =>
        {
            e.ToTable("customers");
            e.HasIndex(x => x.CustomerId).IsUnique();
            e.Property(x => x.CustomerId).HasMaxLength(64);
            e.Property(x => x.PrivateAudienceId).HasMaxLength(64);
        });
        model.Entity<Order>(e =>
        {
            e.ToTable("orders");
            e.HasIndex(x => x.OrderId).IsUnique();
            e.HasIndex(x => new { x.CustomerKey, x.PlacedAt });
            e.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerKey).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.OrderId).HasMaxLength(64);
            e.Property(x => x.CampaignId).HasMaxLength(64);
            e.Property(x => x.LiveSessionId).HasMaxLength(64);
        });
        model.Entity<Audience>(e =>
        {
            e.ToTable("audiences");
            e.HasIndex(x => x.AudienceId).IsUnique();
            e.Property(x => x.AudienceId).HasMaxLength(64);
        });
        model.Entity<AudienceEvent>(e =>
        {
            e.ToTable("audience_events");
            e.HasIndex(x => new { x.AudienceId, x.CustomerKey, x.At, x.Event }).IsUnique();
            e.HasIndex(x => new { x.AudienceId, x.At });
            e.HasIndex(x => new { x.CustomerKey, x.At });
            e.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerKey).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.AudienceId).HasMaxLength(64);
        });
        model.Entity<Push>(e =>
        {
            e.ToTable("pushes");
            e.HasIndex(x => x.PushId).IsUnique();
            e.HasIndex(x => new { x.AudienceId, x.SentAt });
            e.Property(x => x.PushId).HasMaxLength(64);
            e.Property(x => x.AudienceId).HasMaxLength(64);
            e.Property(x => x.CampaignId).HasMaxLength(64);
        });
        model.Entity<Campaign>(e =>
        {
            e.ToTable("campaigns");
            e.HasIndex(x => x.CampaignId).IsUnique();
            e.HasIndex(x => x.StartsAt);
            e.Property(x => x.CampaignId).HasMaxLength(64);
        });
        model.Entity<CampaignEvent>(e =>
        {
            e.ToTable("campaign_events");
            e.HasIndex(x => new { x.CampaignId, x.CustomerKey, x.At, x.Stage }).IsUnique();
            e.HasIndex(x => new { x.CustomerKey, x.At });
            e.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerKey).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.CampaignId).HasMaxLength(64);
        });
        model.Entity<LiveSession>(e =>
        {
            e.ToTable("live_sessions");
            e.HasIndex(x => x.LiveSessionId).IsUnique();
            e.HasIndex(x => x.StartedAt);
            e.Property(x => x.LiveSessionId).HasMaxLength(64);
        });
        model.Entity<TierRuleSet>(e =>
        {
            e.ToTable("tier_rule_sets");
            e.HasMany(x => x.Rules).WithOne().HasForeignKey(x => x.RuleSetId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.CreatedAt);
        });
        model.Entity<TierRule>(e =>
        {
            e.ToTable("tier_rules");
            e.HasIndex(x => new { x.RuleSetId, x.Rank }).IsUnique();
            e.Property(x => x.DisplayName).HasMaxLength(Tiers.TierRuleValidator.MaxDisplayNameLength);
        });
    }
}

public sealed class InstantConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.ToUnixTimeMilliseconds(),
    v => DateTimeOffset.FromUnixTimeMilliseconds(v));

public sealed class MoneyConverter() : ValueConverter<decimal, long>(
    v => Money.ToUnits(v),
    v => Money.FromUnits(v));
