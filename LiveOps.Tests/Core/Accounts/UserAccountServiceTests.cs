using LiveOps.Core.Accounts;
using LiveOps.Tests.Support;
using static LiveOps.Tests.Core.Accounts.AccountsTestKit;

namespace LiveOps.Tests.Core.Accounts;

/// <summary>First-run setup, role changes and disabled accounts, as the users page and the sign-in use them.</summary>
public sealed class UserAccountServiceTests : IAsyncLifetime
{
    private readonly SettableActorAccessor _actors = new();
    private TestDatabase _db = default!;

    private UserAccountService Accounts => _db.Get<UserAccountService>();

    public Task InitializeAsync()
    {
        _db = DatabaseWith(_actors);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task FirstAdmin_IsCreatedOnlyWhileThereIsNoUser_ByAnyoneAtAll()
    {
        _actors.Current = Actor.Anonymous;

        var first = await Accounts.CreateFirstAdminAsync("boss@shop.test", "Boss#2026pw");
        var second = await Accounts.CreateFirstAdminAsync("intruder@shop.test", "Intr#2026pw");

        Assert.True(first.Succeeded);
        Assert.Equal("SetupDone", Assert.Single(second.Errors).Code);
        Assert.Equal(Role.Admin, (await SignedInActorAsync(first.UserId!)).Role);
        Assert.Equal(["boss@shop.test as Admin (first setup)"], (await _db.AuditAsync()).Select(e => e.Detail));
    }

    [Fact]
    public async Task ChangeRole_TakesEffectForTheNextAction_AtOnce()
    {
        _actors.Current = As(Role.Admin);
        var created = await Accounts.CreateAsync("ops@shop.test", Role.Operator, "Opsx#2026pw");

        var changed = await Accounts.ChangeRoleAsync(created.UserId!, Role.Lead);

        Assert.True(changed.Succeeded);
        var actor = await SignedInActorAsync(created.UserId!);
        Assert.Equal(("ops@shop.test", Role.Lead), (actor.Name, actor.Role));
        Assert.False(actor.May(Permission.Import));
        Assert.Equal("ops@shop.test to Lead", (await _db.AuditAsync()).Last().Detail);
    }

    [Fact]
    public async Task DisabledAccount_HasNoRole_SoEveryChangeIsRefused_UntilEnabledAgain()
    {
        _actors.Current = As(Role.Admin);
        var created = await Accounts.CreateAsync("ops@shop.test", Role.Operator, "Opsx#2026pw");

        await Accounts.SetDisabledAsync(created.UserId!, true);
        var disabled = await SignedInActorAsync(created.UserId!);
        await Accounts.SetDisabledAsync(created.UserId!, false);
        var enabled = await SignedInActorAsync(created.UserId!);

        Assert.Equal((null, false), (disabled.Role, disabled.May(Permission.Import)));
        Assert.Equal(Role.Operator, enabled.Role);
        Assert.Equal([AuditAction.UserCreated, AuditAction.UserDisabled, AuditAction.UserEnabled], (await _db.AuditAsync()).Select(e => e.Action));
        var listed = Assert.Single(await Accounts.ListAsync());
        Assert.False(listed.Disabled);
    }

    [Fact]
    public async Task ASessionIssuedBeforeARoleChangeOrDisable_HasNoRoleAnyMore()
    {
        _actors.Current = As(Role.Admin);
        var created = await Accounts.CreateAsync("ops@shop.test", Role.Operator, "Opsx#2026pw");
        var directory = _db.Get<UserDirectory>();
        var first = await StampOfAsync(created.UserId!);

        Assert.Equal(Role.Operator, (await directory.ActorForAsync(created.UserId!, first)).Role);
        Assert.True(await directory.IsCurrentAsync(created.UserId!, first));
        await Accounts.ChangeRoleAsync(created.UserId!, Role.Lead);
        var promoted = await StampOfAsync(created.UserId!);
        await Accounts.SetDisabledAsync(created.UserId!, true);

        var old = await directory.ActorForAsync(created.UserId!, first);
        Assert.Equal(("ops@shop.test", null), (old.Name, old.Role));
        Assert.NotEqual(first, promoted);
        Assert.False(await directory.IsCurrentAsync(created.UserId!, first));
        Assert.False(await directory.IsCurrentAsync(created.UserId!, promoted));
        Assert.Null((await directory.ActorForAsync(created.UserId!, null)).Role);
    }

    [Fact]
    public async Task TheLastActiveAdmin_CanNeitherBeDisabledNorLoseTheRole()
    {
        _actors.Current = Actor.Anonymous;
        var admin = await Accounts.CreateFirstAdminAsync("boss@shop.test", "Boss#2026pw");
        _actors.Current = new Actor("boss@shop.test", Role.Admin, UserId: admin.UserId);

        var disable = await Accounts.SetDisabledAsync(admin.UserId!, true);
        var demote = await Accounts.ChangeRoleAsync(admin.UserId!, Role.Operator);

        Assert.Equal(UserAccountService.LastAdminCode, Assert.Single(disable.Errors).Code);
        Assert.Equal(UserAccountService.LastAdminCode, Assert.Single(demote.Errors).Code);
        var user = Assert.Single(await Accounts.ListAsync());
        Assert.Equal((Role.Admin, false), (user.Role, user.Disabled));
    }

    [Fact]
    public async Task CreateUser_WithAWeakPassword_IsRejectedWithIdentitysReasons_AndAudited()
    {
        _actors.Current = As(Role.Admin);

        var result = await Accounts.CreateAsync("ops@shop.test", Role.Operator, "short");

        Assert.Equal(["PasswordTooShort", "PasswordRequiresNonAlphanumeric", "PasswordRequiresDigit", "PasswordRequiresUpper"],
            result.Errors.Select(e => e.Code));
        Assert.Empty(await Accounts.ListAsync());
        Assert.Equal(AuditOutcome.Rejected, Assert.Single(await _db.AuditAsync()).Outcome);
    }

    [Fact]
    public void GeneratedPassword_Has16Characters_OfEveryRequiredKind()
    {
        var password = UserAccountService.GeneratePassword();

        Assert.Equal(16, password.Length);
        Assert.Contains(password, char.IsUpper);
        Assert.Contains(password, char.IsLower);
        Assert.Contains(password, char.IsDigit);
        Assert.Contains(password, c => !char.IsLetterOrDigit(c));
        Assert.NotEqual(password, UserAccountService.GeneratePassword());
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    /// <summary>The actor of a session signed in now (with the user's current security stamp).</summary>
    private async Task<Actor> SignedInActorAsync(string userId) => await _db.Get<UserDirectory>().ActorForAsync(userId, await StampOfAsync(userId));

    private async Task<string?> StampOfAsync(string userId)
    {
        await using var context = await _db.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<LiveOps.Core.Data.LiveOpsDbContext>>().CreateDbContextAsync();
        return (await context.Users.FindAsync(userId))!.SecurityStamp;
    }
}
