using LiveOps.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LiveOps.Core.Accounts;

public static class AccountsServices
{
    /// <summary>Password, lockout and sign-in rules used wherever accounts are created or checked.</summary>
    public static void ConfigureIdentity(IdentityOptions o)
    {
        o.User.RequireUniqueEmail = true;
        o.Password.RequiredLength = 8;
        o.Lockout.AllowedForNewUsers = true;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        // "Confirmed" means "not disabled" here (see EnabledAccountConfirmation).
        o.SignIn.RequireConfirmedAccount = true;
    }

    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddIdentityCore<AppUser>(ConfigureIdentity)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<LiveOpsDbContext>();
        services.AddScoped<IUserConfirmation<AppUser>, EnabledAccountConfirmation>();
        // The command line (and Core tests) act as the trusted local user; the web app replaces this.
        services.TryAddSingleton<IActorAccessor, LocalActorAccessor>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<AccessGuard>();
        services.AddSingleton<AuditQueryService>();
        services.AddSingleton<UserAccountService>();
        services.AddSingleton<UserDirectory>();
        return services;
    }
}

/// <summary>A disabled account cannot sign in (Identity answers NotAllowed).</summary>
public sealed class EnabledAccountConfirmation : IUserConfirmation<AppUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<AppUser> manager, AppUser user) => Task.FromResult(!user.Disabled);
}
