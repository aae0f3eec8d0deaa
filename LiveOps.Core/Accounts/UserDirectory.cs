using LiveOps.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LiveOps.Core.Accounts;

/// <summary>Looks up who a signed-in user is now (role, disabled), for the dashboard's actor.</summary>
public sealed class UserDirectory(IDbContextFactory<LiveOpsDbContext> factory)
{
    /// <summary>The actor behind a signed-in user id, read fresh so a role change or a disabled account counts at once.</summary>
    public async Task<Actor> ActorForAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Email, u.Disabled, Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        if (user is null)
        {
            return Actor.Anonymous;
        }
        // A disabled account keeps its name (for the audit of what it tried) but no role.
        return new Actor(user.Email ?? userId, user.Disabled ? null : Roles.TryParse(user.Role, out var role) ? role : null, UserId: userId);
    }
}
