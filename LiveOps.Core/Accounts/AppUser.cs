using Microsoft.AspNetCore.Identity;

namespace LiveOps.Core.Accounts;

/// <summary>A person who signs in to the dashboard. The email is the user name; each user holds one <see cref="Role"/>.</summary>
public sealed class AppUser : IdentityUser
{
    /// <summary>A disabled account cannot sign in and its open sessions can change nothing.</summary>
    public bool Disabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
