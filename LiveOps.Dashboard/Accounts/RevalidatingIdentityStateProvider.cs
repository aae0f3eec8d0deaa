using System.Security.Claims;
using LiveOps.Core.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LiveOps.Dashboard.Accounts;

/// <summary>
/// Re-checks a live circuit's user on every navigation (see <c>Routes.razor</c>) and every 15 seconds: a disabled
/// account, a changed role or a sign-out anywhere (each gives the user a new security stamp) turns the circuit
/// anonymous, and the page goes to sign-in. Cookies alone are only checked on HTTP requests, which a long-lived
/// circuit does not make. Writes are refused by the Core services on their own (the actor reads the same stamp).
/// </summary>
public sealed class RevalidatingIdentityStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopes,
    IOptions<IdentityOptions> options) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    protected override TimeSpan RevalidationInterval => Interval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct) =>
        IsCurrentAsync(state.User, ct);

    /// <summary>Checks the circuit's user now; an ended session becomes anonymous before the next page renders.</summary>
    public async Task RevalidateNowAsync(CancellationToken ct = default)
    {
        var state = await GetAuthenticationStateAsync();
        if (state.User.Identity?.IsAuthenticated == true && !await IsCurrentAsync(state.User, ct))
        {
            SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
        }
    }

    private async Task<bool> IsCurrentAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserDirectory>().IsCurrentAsync(
            user.FindFirstValue(ClaimTypes.NameIdentifier), user.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType), ct);
    }
}
