using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LiveOps.Core.Accounts;

/// <summary>Identity's tables, named like the rest of the schema.</summary>
public sealed class IdentityTableConfiguration :
    IEntityTypeConfiguration<AppUser>,
    IEntityTypeConfiguration<IdentityRole>,
    IEntityTypeConfiguration<IdentityUserRole<string>>,
    IEntityTypeConfiguration<IdentityUserClaim<string>>,
    IEntityTypeConfiguration<IdentityUserLogin<string>>,
    IEntityTypeConfiguration<IdentityUserToken<string>>,
    IEntityTypeConfiguration<IdentityRoleClaim<string>>
{
    public void Configure(EntityTypeBuilder<AppUser> e) => e.ToTable("users");

    public void Configure(EntityTypeBuilder<IdentityRole> e) => e.ToTable("roles");

    public void Configure(EntityTypeBuilder<IdentityUserRole<string>> e) => e.ToTable("user_roles");

    public void Configure(EntityTypeBuilder<IdentityUserClaim<string>> e) => e.ToTable("user_claims");

    public void Configure(EntityTypeBuilder<IdentityUserLogin<string>> e) => e.ToTable("user_logins");

    public void Configure(EntityTypeBuilder<IdentityUserToken<string>> e) => e.ToTable("user_tokens");

    public void Configure(EntityTypeBuilder<IdentityRoleClaim<string>> e) => e.ToTable("role_claims");
}
