using LiveOps.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LiveOps.Core.Accounts;

/// <summary>Looks up who a signed-in user is now (role, disabled), for the dashboard's actor.</summary>
public sealed class UserDirectory(IDbContextFactory<LiveOpsDbContext> factory)
{
    /// <summary>
    /// The actor behind a signed-in user id, read fresh so a role change or a disabled account counts at once.
    /// <paramref name="securityStamp"/> is the stamp the session was issued with: sign-out, disable and a role change
    /// give the user a new one, and a session with an old stamp has no role any more.
    /// </summary>
    public async Task<Actor> ActorForAsync(string userId, string? securityStamp, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Email, u.Disabled, u.SecurityStamp, Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        if (user is null)
        {
            return Actor.Anonymous;
        }
        // A disabled account or an ended session keeps its name (for the audit of what it tried) but no role.
        var current = !user.Disabled && securityStamp is not null && securityStamp == user.SecurityStamp;
        return new Actor(user.Email ?? userId, current && Roles.TryParse(user.Role, out var role) ? role : null, UserId: userId);
    }

    /// <summary>Whether a session issued with <paramref name="securityStamp"/> still stands: the user exists, is enabled and kept that stamp.</summary>
    public async Task<bool> IsCurrentAsync(string? userId, string? securityStamp, CancellationToken ct = default)
    {
        if (userId is null || securityStamp is null)
        {
            return false;
        }
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().AnyAsync(u => u.Id == userId && !u.Disabled && u.SecurityStamp == securityStamp, ct);
    }
}
