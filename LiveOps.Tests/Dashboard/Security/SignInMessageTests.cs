using System.Net;
using System.Text.RegularExpressions;
using LiveOps.Core.Accounts;
using LiveOps.Core.Data;
using LiveOps.Dashboard.Accounts;
using LiveOps.Tests.Core.Import;
using LiveOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiveOps.Tests.Dashboard.Security;

/// <summary>The sign-in form's answers over HTTP: none of them tells an attacker which emails exist.</summary>
public sealed partial class SignInMessageTests : IAsyncLifetime
{
    private const string Failed = "邮箱或密码不正确。连续 5 次失败后账号锁定 15 分钟。";
    private DashboardApp _app = default!;

    public Task InitializeAsync()
    {
        _app = DashboardApp.Start(demoData: false);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task DisabledAccount_WithAWrongPassword_GetsTheWrongPasswordMessage_OnlyTheRightPasswordLearnsItIsDisabled()
    {
        var password = await _app.AddUserAsync("gone@liveops.test", Role.Lead);
        await using (var db = await _app.Services.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>().CreateDbContextAsync())
        {
            await db.Users.Where(u => u.Email == "gone@liveops.test").ExecuteUpdateAsync(u => u.SetProperty(x => x.Disabled, true));
        }

        var disabledWrong = await LoginMessageAsync(_app, "gone@liveops.test", "Wrong#pass1");
        var unknown = await LoginMessageAsync(_app, "nobody@liveops.test", "Wrong#pass1");
        var enabledWrong = await LoginMessageAsync(_app, _app.DefaultEmail, "Wrong#pass1");
        var disabledRight = await LoginMessageAsync(_app, "gone@liveops.test", password);

        Assert.Equal((Failed, Failed, Failed), (disabledWrong, unknown, enabledWrong));
        Assert.Equal("此账号已停用，请联系管理员。", disabledRight);
    }

    [Fact]
    public async Task EightParallelWrongPasswords_WhileAnotherWriterHoldsTheDatabase_AllCount_AndLockTheAccountAfterFive()
    {
        string?[] answers;
        string? rightPassword;
        await using (await WriteLock.HoldAsync(_app.DatabasePath))
        {
            answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => LoginMessageAsync(_app, _app.DefaultEmail, "Wrong#pass1")));
            rightPassword = await LoginMessageAsync(_app, _app.DefaultEmail, _app.DefaultPassword!);
        }

        Assert.All(answers, answer => Assert.Equal(Failed, answer));
        // Locked while the database was still held: the right password is refused with the same words.
        Assert.Equal(Failed, rightPassword);
        Assert.True(await _app.Services.GetRequiredService<SignInLedger>().FlushAsync(TimeSpan.FromSeconds(30)));
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>().CreateDbContextAsync();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == _app.DefaultEmail);
        Assert.Equal(0, user.AccessFailedCount);
        Assert.InRange(user.LockoutEnd!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        Assert.Equal(Failed, await LoginMessageAsync(_app, _app.DefaultEmail, _app.DefaultPassword!));
    }

    [Fact]
    public async Task FourWrongPasswords_ThenTheRightOne_SignsIn_AndClearsTheCount()
    {
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(Failed, await LoginMessageAsync(_app, _app.DefaultEmail, "Wrong#pass1"));
        }

        Assert.Null(await LoginMessageAsync(_app, _app.DefaultEmail, _app.DefaultPassword!));
        Assert.True(await _app.Services.GetRequiredService<SignInLedger>().FlushAsync(TimeSpan.FromSeconds(30)));
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, (await db.Users.AsNoTracking().SingleAsync(u => u.Email == _app.DefaultEmail)).AccessFailedCount);
    }

    /// <summary>Posts the real sign-in form and returns the message it shows (null: signed in).</summary>
    internal static async Task<string?> LoginMessageAsync(DashboardApp app, string email, string password)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };
        var form = await http.GetStringAsync("/account/login");
        using var response = await http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = DashboardApp.AntiforgeryToken(form),
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            return null;
        }
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var match = ErrorPattern().Match(await response.Content.ReadAsStringAsync());
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : "(no message)";
    }

    [GeneratedRegex("data-testid=\"login-error\">([^<]*)<")]
    private static partial Regex ErrorPattern();

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
