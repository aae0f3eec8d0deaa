using System.Security.Claims;
using LiveOps.Core.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LiveOps.Dashboard.Accounts;

/// <summary>
/// The signed-in user as the actor of Core services. Inside a Blazor circuit the user comes from the circuit's
/// <see cref="AuthenticationStateProvider"/> (HttpContext is not the circuit's there); in a plain request from
/// <see cref="HttpContext.User"/>. The role is read fresh from the database, so a change counts at once, and a
/// session whose security stamp is no longer the user's (signed out, disabled, role changed) has no role.
/// </summary>
public sealed class DashboardActorAccessor(IHttpContextAccessor http, CircuitServicesAccessor circuit, UserDirectory users, IOptions<IdentityOptions> identity) : IActorAccessor
{
    public async ValueTask<Actor> CurrentAsync(CancellationToken ct = default)
    {
        ClaimsPrincipal? user;
        if (circuit.Services is { } services)
        {
            var state = await services.GetRequiredService<AuthenticationStateProvider>().GetAuthenticationStateAsync();
            user = state.User;
        }
        else
        {
            user = http.HttpContext?.User;
        }
        var id = user?.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        return id is null
            ? Actor.Anonymous
            : await users.ActorForAsync(id, user!.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType), ct);
    }
}

/// <summary>The services of the circuit whose event is running, carried through the async flow of that event.</summary>
public sealed class CircuitServicesAccessor
{
    private static readonly AsyncLocal<IServiceProvider?> Current = new();

    public IServiceProvider? Services
    {
        get => Current.Value;
        set => Current.Value = value;
    }
}

/// <summary>Sets <see cref="CircuitServicesAccessor.Services"/> around every inbound circuit activity (events, JS calls, renders).</summary>
public sealed class CircuitServicesHandler(IServiceProvider services, CircuitServicesAccessor accessor) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            accessor.Services = services;
            await next(context);
            accessor.Services = null;
        };
}
