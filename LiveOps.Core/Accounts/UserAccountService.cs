using System.Security.Cryptography;
using LiveOps.Core.Common;
using LiveOps.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiveOps.Core.Accounts;

public sealed record UserSummary(string Id, string Email, Role? Role, bool Disabled, bool LockedOut, DateTimeOffset CreatedAt);

/// <summary>The outcome of a user change: done, or Identity's problems (code and English description).</summary>
public sealed record UserChangeResult(string? UserId, IReadOnlyList<IdentityError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static UserChangeResult Failed(string code, string description) => new(null, [new IdentityError { Code = code, Description = description }]);
}

/// <summary>
/// Creates users, changes roles, disables accounts. Every change but the first admin's needs
/// <see cref="Permission.ManageUsers"/> and is audited. Each call uses its own scope, so a long-lived
/// dashboard circuit never holds a stale Identity context.
/// </summary>
public sealed class UserAccountService(IServiceScopeFactory scopes, IDbContextFactory<LiveOpsDbContext> factory, AccessGuard guard, AuditLog audit, ZoneClock clock)
{
    public const string LastAdminCode = "LastAdmin";

    // Two setup forms sent at once must not both create a first admin.
    private static readonly SemaphoreSlim SetupGate = new(1, 1);

    public async Task<bool> AnyUsersAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Users.AnyAsync(ct);
    }

    /// <summary>Creates the first user, an admin, only while the database has no user at all.</summary>
    public async Task<UserChangeResult> CreateFirstAdminAsync(string email, string password, CancellationToken ct = default)
    {
        await SetupGate.WaitAsync(ct);
        try
        {
            if (await AnyUsersAsync(ct))
            {
                return UserChangeResult.Failed("SetupDone", "An administrator already exists; sign in instead.");
            }
            var result = await CreateCoreAsync(email, Role.Admin, password, ct);
            var actor = new Actor(email.Trim(), Role.Admin);
            await audit.WriteAsync(actor, AuditAction.UserCreated, $"{email.Trim()} as Admin (first setup)", Outcome(result), ct);
            return result;
        }
        finally
        {
            SetupGate.Release();
        }
    }

    public async Task<UserChangeResult> CreateAsync(string email, Role role, string password, CancellationToken ct = default)
    {
        var detail = $"{email.Trim()} as {role}";
        var actor = await guard.DemandAsync(Permission.ManageUsers, AuditAction.UserCreated, detail, ct);
        var result = await CreateCoreAsync(email, role, password, ct);
        await audit.WriteAsync(actor, AuditAction.UserCreated, detail, Outcome(result), ct);
        return result;
    }

    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken ct = default)
    {
        await guard.DemandAsync(Permission.ManageUsers, null, "", ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.UtcNow;
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.Email, u.Disabled, u.LockoutEnd, u.CreatedAt, Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault() })
            .ToListAsync(ct);
        return users.Select(u => new UserSummary(u.Id, u.Email ?? "", Parse(u.Role), u.Disabled, u.LockoutEnd > now, u.CreatedAt)).ToList();
    }

    public async Task<UserChangeResult> ChangeRoleAsync(string userId, Role role, CancellationToken ct = default)
    {
        var email = await EmailOfAsync(userId, ct);
        var detail = $"{email} to {role}";
        var actor = await guard.DemandAsync(Permission.ManageUsers, AuditAction.UserRoleChanged, detail, ct);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return UserChangeResult.Failed("UnknownUser", "No such user.");
        }
        var current = await users.GetRolesAsync(user);
        if (role != Role.Admin && current.Contains(Roles.Admin) && !user.Disabled && await ActiveAdminsAsync(ct) <= 1)
        {
            await audit.WriteAsync(actor, AuditAction.UserRoleChanged, detail, AuditOutcome.Rejected, ct);
            return UserChangeResult.Failed(LastAdminCode, "The last active administrator cannot lose the role.");
        }
        var result = await users.RemoveFromRolesAsync(user, current);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, Roles.Name(role));
        }
        if (result.Succeeded)
        {
            // Open sessions pick up the new role at their next validation instead of keeping the old one.
            await users.UpdateSecurityStampAsync(user);
        }
        var outcome = ToResult(result, user.Id);
        await audit.WriteAsync(actor, AuditAction.UserRoleChanged, detail, Outcome(outcome), ct);
        return outcome;
    }

    public async Task<UserChangeResult> SetDisabledAsync(string userId, bool disabled, CancellationToken ct = default)
    {
        var email = await EmailOfAsync(userId, ct);
        var action = disabled ? AuditAction.UserDisabled : AuditAction.UserEnabled;
        var actor = await guard.DemandAsync(Permission.ManageUsers, action, email, ct);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return UserChangeResult.Failed("UnknownUser", "No such user.");
        }
        if (disabled && !user.Disabled && await users.IsInRoleAsync(user, Roles.Admin) && await ActiveAdminsAsync(ct) <= 1)
        {
            await audit.WriteAsync(actor, action, email, AuditOutcome.Rejected, ct);
            return UserChangeResult.Failed(LastAdminCode, "The last active administrator cannot be disabled.");
        }
        user.Disabled = disabled;
        var result = await users.UpdateAsync(user);
        if (result.Succeeded)
        {
            // A new stamp signs the account out everywhere at the next cookie validation.
            result = await users.UpdateSecurityStampAsync(user);
        }
        var outcome = ToResult(result, user.Id);
        await audit.WriteAsync(actor, action, email, Outcome(outcome), ct);
        return outcome;
    }

    /// <summary>A random password that meets the password rules (upper, lower, digit, symbol; 16 characters).</summary>
    public static string GeneratePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789", symbols = "!@#$%^&*-_=+";
        const string all = upper + lower + digits + symbols;
        var chars = new char[16];
        chars[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        chars[3] = symbols[RandomNumberGenerator.GetInt32(symbols.Length)];
        for (var i = 4; i < chars.Length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }

    private async Task<UserChangeResult> CreateCoreAsync(string email, Role role, string password, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await EnsureRolesAsync(scope.ServiceProvider);
        var user = new AppUser { UserName = email.Trim(), Email = email.Trim(), CreatedAt = clock.UtcNow, EmailConfirmed = true };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, Roles.Name(role));
        }
        return ToResult(result, user.Id);
    }

    private static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(Roles.Name(role)))
            {
                await roles.CreateAsync(new IdentityRole(Roles.Name(role)));
            }
        }
    }

    private async Task<int> ActiveAdminsAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Users.CountAsync(u => !u.Disabled && db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault() == Roles.Admin, ct);
    }

    private async Task<string> EmailOfAsync(string userId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(ct) ?? userId;
    }

    private static Role? Parse(string? name) => Roles.TryParse(name, out var role) ? role : null;

    private static UserChangeResult ToResult(IdentityResult result, string userId) =>
        result.Succeeded ? new UserChangeResult(userId, []) : new UserChangeResult(null, result.Errors.ToList());

    private static AuditOutcome Outcome(UserChangeResult result) => result.Succeeded ? AuditOutcome.Succeeded : AuditOutcome.Rejected;
}
