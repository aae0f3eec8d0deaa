using LiveOps.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace LiveOps.Dashboard.Accounts;

/// <summary>What the sign-in form may tell the person at it.</summary>
public enum SignInOutcome
{
    SignedIn,

    /// <summary>Wrong password, unknown email or a locked account: one message for all, so no answer tells which emails exist.</summary>
    Failed,

    /// <summary>The right password of a disabled account: only someone who knows the password learns that it is disabled.</summary>
    Disabled,
}

/// <summary>The sign-in form's check of an email and password, with the lockout counting failures.</summary>
public sealed class PasswordSignIn(SignInManager<AppUser> signIn)
{
    public async Task<SignInOutcome> SignInAsync(string email, string password)
    {
        var result = await signIn.PasswordSignInAsync(email, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return SignInOutcome.SignedIn;
        }
        // Identity answers NotAllowed for a disabled account before it looks at the password; saying "disabled" then
        // would tell anyone which emails exist. Only the right password learns it.
        if (result.IsNotAllowed && !result.IsLockedOut
            && await signIn.UserManager.FindByNameAsync(email) is { } user
            && await signIn.UserManager.CheckPasswordAsync(user, password))
        {
            return SignInOutcome.Disabled;
        }
        return SignInOutcome.Failed;
    }
}
