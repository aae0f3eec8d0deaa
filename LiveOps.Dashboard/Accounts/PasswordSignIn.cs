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

/// <summary>
/// The sign-in form's check of an email and password. The password is checked before anything else is told: a
/// disabled account with a wrong password reads like any wrong password. Failures are counted by the
/// <see cref="SignInLedger"/>, never lost to parallel guesses or a busy database.
/// </summary>
public sealed class PasswordSignIn(SignInManager<AppUser> signIn, SignInLedger ledger, TimeProvider time)
{
    public async Task<SignInOutcome> SignInAsync(string email, string password, CancellationToken ct = default)
    {
        using var turn = await ledger.TurnAsync(ct);
        var users = signIn.UserManager;
        if (await users.FindByNameAsync(email) is not { } user)
        {
            return SignInOutcome.Failed;
        }
        var now = time.GetUtcNow();
        if (ledger.StateOf(user).LockoutEnd > now)
        {
            return SignInOutcome.Failed;
        }
        if (!await users.CheckPasswordAsync(user, password))
        {
            if (user.LockoutEnabled)
            {
                ledger.Failed(user, now);
            }
            return SignInOutcome.Failed;
        }
        if (!await signIn.CanSignInAsync(user))
        {
            return SignInOutcome.Disabled;
        }
        ledger.Succeeded(user);
        await signIn.SignInAsync(user, isPersistent: false);
        return SignInOutcome.SignedIn;
    }
}
