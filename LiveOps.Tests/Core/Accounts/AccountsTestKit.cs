using LiveOps.Core.Accounts;
using LiveOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LiveOps.Tests.Core.Accounts;

/// <summary>An actor a test sets, standing in for the signed-in user the dashboard would give.</summary>
public sealed class SettableActorAccessor : IActorAccessor
{
    public Actor Current { get; set; } = Actor.Anonymous;

    public ValueTask<Actor> CurrentAsync(CancellationToken ct = default) => ValueTask.FromResult(Current);
}

internal static class AccountsTestKit
{
    /// <summary>A test database whose Core services see <paramref name="actors"/> as the current user.</summary>
    public static TestDatabase DatabaseWith(SettableActorAccessor actors) =>
        new(services: s => s.Replace(ServiceDescriptor.Singleton<IActorAccessor>(actors)));

    public static Actor As(Role role) => new($"{role.ToString().ToLowerInvariant()}@shop.test", role, UserId: role.ToString());

    public static async Task<List<AuditEntry>> AuditAsync(this TestDatabase db)
    {
        var trusted = new AuditQueryService(db.Factory, db.Clock, new AccessGuard(new LocalActorAccessor(), db.Get<AuditLog>()));
        return (await trusted.QueryAsync(new AuditQuery())).Entries.OrderBy(e => e.Id).ToList();
    }
}
