using Bunit;
using Bunit.TestDoubles;
using LiveOps.Core.Accounts;

namespace LiveOps.Tests.Support;

/// <summary>Signs a bUnit context in with one role, as the dashboard's cookie does for a circuit.</summary>
public static class BunitAuth
{
    public static BunitAuthorizationContext SignInAs(this BunitContext context, Role role = Role.Admin, string email = "admin@liveops.test")
    {
        var auth = context.AddAuthorization();
        auth.SetAuthorized(email);
        auth.SetRoles(Roles.Name(role));
        return auth;
    }
}
