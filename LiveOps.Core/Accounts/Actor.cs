using LiveOps.Core.Common;

namespace LiveOps.Core.Accounts;

/// <summary>
/// Who is asking a Core service to do something: a signed-in user with a role, the trusted command line
/// (it holds the database file anyway), or nobody.
/// </summary>
public sealed record Actor(string Name, Role? Role, bool Trusted = false, string? UserId = null)
{
    public static Actor CommandLine { get; } = new("command line", null, Trusted: true);

    public static Actor Anonymous { get; } = new("anonymous", null);

    public bool May(Permission permission) => Trusted || (Role is { } role && Roles.May(role, permission));
}

/// <summary>Gives the actor of the current operation. The dashboard reads the signed-in user; the command line is trusted.</summary>
public interface IActorAccessor
{
    ValueTask<Actor> CurrentAsync(CancellationToken ct = default);
}

/// <summary>The command line's actor: every command runs as the trusted local user.</summary>
public sealed class LocalActorAccessor : IActorAccessor
{
    public ValueTask<Actor> CurrentAsync(CancellationToken ct = default) => ValueTask.FromResult(Actor.CommandLine);
}

/// <summary>The actor may not do what was asked. Pages show <see cref="Exception.Message"/>; endpoints answer 403.</summary>
public sealed class AccessDeniedException(Actor actor, Permission permission)
    : Exception($"{actor.Name} ({actor.Role?.ToString() ?? "not signed in"}) may not {Describe(permission)}.")
{
    public Actor Actor { get; } = actor;

    public Permission Permission { get; } = permission;

    private static string Describe(Permission permission) => permission switch
    {
        Permission.Import => "import data",
        Permission.PublishTierRules => "publish tier rules",
        Permission.PlanPushes => "plan pushes",
        Permission.ManageUsers => "manage users",
        Permission.ViewAudit => "view the audit log",
        Permission.CreateActions => "create actions",
        _ => permission.ToString(),
    };
}

/// <summary>The one check every write service makes before it changes anything; a refusal is audited.</summary>
public sealed class AccessGuard(IActorAccessor actors, AuditLog audit)
{
    /// <summary>
    /// Returns the actor when it may do <paramref name="permission"/>; otherwise records the refused
    /// <paramref name="action"/> (when it is a change) and throws <see cref="AccessDeniedException"/>.
    /// </summary>
    public async Task<Actor> DemandAsync(Permission permission, AuditAction? action, string detail, CancellationToken ct = default)
    {
        var actor = await actors.CurrentAsync(ct);
        if (actor.May(permission))
        {
            return actor;
        }
        if (action is { } refused)
        {
            await audit.WriteAsync(actor, refused, detail, AuditOutcome.Refused, CancellationToken.None);
        }
        throw new AccessDeniedException(actor, permission);
    }
}
