using System.Text.RegularExpressions;
using LiveOps.Core.Accounts;
using LiveOps.Tests.Core.Accounts;
using LiveOps.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace LiveOps.Tests.Cli;

/// <summary><c>user add</c> for automation: the account works with the password given or printed, and the command line is audited.</summary>
public sealed partial class UserCliTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task UserAdd_WithoutPasswordStdin_PrintsAGeneratedPasswordOnce_ThatSignsIn()
    {
        var result = await CliRunner.RunAsync("user", "add", "--email", "ops@shop.test", "--role", "operator", "--db", _db.Path);

        Assert.Equal(0, result.ExitCode);
        var password = GeneratedPassword().Match(result.Out).Groups[1].Value;
        Assert.Equal(16, password.Length);
        Assert.Equal($"user added: ops@shop.test (operator)\npassword (shown only this once): {password}\n", result.Out.ReplaceLineEndings("\n"));
        Assert.True(await PasswordWorksAsync("ops@shop.test", password));
        Assert.Equal(Role.Operator, (await SignedInActorAsync(await IdOfAsync("ops@shop.test"))).Role);
    }

    [Fact]
    public async Task UserAdd_WithPasswordStdin_TakesThePasswordFromStdin_AndPrintsNoPassword()
    {
        var result = await CliRunner.RunWithInputAsync("Lead#Pass2026\n", "user", "add", "--email", "lead@shop.test", "--role", "LEAD", "--password-stdin", "--db", _db.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("user added: lead@shop.test (lead)\n", result.Out.ReplaceLineEndings("\n"));
        Assert.True(await PasswordWorksAsync("lead@shop.test", "Lead#Pass2026"));
        var entry = Assert.Single(await _db.AuditAsync());
        Assert.Equal(("command line", AuditAction.UserCreated, "lead@shop.test as Lead", AuditOutcome.Succeeded), (entry.Actor, entry.Action, entry.Detail, entry.Outcome));
    }

    [Fact]
    public async Task UserAdd_UnknownRole_IsWrongUsage()
    {
        var result = await CliRunner.RunAsync("user", "add", "--email", "x@shop.test", "--role", "owner", "--db", _db.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("user add: unknown role 'owner' (admin, operator or lead)", result.Error);
    }

    [Fact]
    public async Task UserAdd_WeakPasswordOrExistingEmail_IsRefusedWithTheReason()
    {
        var weak = await CliRunner.RunWithInputAsync("short\n", "user", "add", "--email", "a@shop.test", "--role", "admin", "--password-stdin", "--db", _db.Path);
        await CliRunner.RunAsync("user", "add", "--email", "b@shop.test", "--role", "admin", "--db", _db.Path);
        var twice = await CliRunner.RunAsync("user", "add", "--email", "b@shop.test", "--role", "lead", "--db", _db.Path);

        Assert.Equal(1, weak.ExitCode);
        Assert.Contains("user add: a@shop.test: Passwords must be at least 8 characters.", weak.Error);
        Assert.Equal(1, twice.ExitCode);
        Assert.Contains("Username 'b@shop.test' is already taken.", twice.Error);
        Assert.DoesNotContain("   at ", weak.Error + twice.Error);
    }

    private async Task<bool> PasswordWorksAsync(string email, string password)
    {
        await using var scope = _db.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.CheckPasswordAsync((await users.FindByEmailAsync(email))!, password);
    }

    private async Task<string> IdOfAsync(string email)
    {
        await using var scope = _db.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id;
    }

    [GeneratedRegex("password \\(shown only this once\\): (\\S+)")]
    private static partial Regex GeneratedPassword();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    /// <summary>The actor of a session signed in now (with the user's current security stamp).</summary>
    private async Task<Actor> SignedInActorAsync(string userId)
    {
        await using var context = await _db.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<LiveOps.Core.Data.LiveOpsDbContext>>().CreateDbContextAsync();
        var stamp = (await context.Users.FindAsync(userId))!.SecurityStamp;
        return await _db.Get<UserDirectory>().ActorForAsync(userId, stamp);
    }
}
