using System.Net;
using LiveOps.Core.Accounts;
using LiveOps.Core.Data;
using LiveOps.Dashboard;
using LiveOps.Tests.Browser;
using LiveOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiveOps.Tests.Dashboard.Security;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SessionCookieTests : IAsyncLifetime
{
    private DashboardApp _app = default!;

    public Task InitializeAsync()
    {
        _app = DashboardApp.Start(demoData: false);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ACopiedCookie_IsRefused_AfterSignOut()
    {
        var copied = await _app.SignInCookieAsync();
        using (var before = await GetAsync("/cohorts", copied))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var signOut = await SessionEndBrowserTests.SignOutAsync(_app, _app.DefaultEmail, _app.DefaultPassword!);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        using var after = await GetAsync("/cohorts", copied);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/login", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var export = await GetAsync("/export/campaigns.csv", copied);
        Assert.Equal(HttpStatusCode.Redirect, export.StatusCode);
    }

    [Fact]
    public async Task ACopiedCookie_IsRefused_OnceTheUserIsDisabled()
    {
        var copied = await _app.SignInCookieAsync();
        await using (var db = await _app.Services.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>().CreateDbContextAsync())
        {
            await db.Users.Where(u => u.Email == _app.DefaultEmail).ExecuteUpdateAsync(u => u.SetProperty(x => x.Disabled, true));
        }

        using var after = await GetAsync("/export/campaigns.csv", copied);

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task SignOut_WithoutAntiforgeryToken_Answers400WithAPage()
    {
        var cookie = await _app.SignInCookieAsync();
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(_app.BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/logout") { Content = new FormUrlEncodedContent(new Dictionary<string, string>()) };
        request.Headers.Add("Cookie", cookie);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("<main data-testid=\"bad-request\"", body, StringComparison.Ordinal);
        Assert.Contains("表单已过期或不完整", body, StringComparison.Ordinal);
        // Still signed in: a post without the token changes nothing.
        using var still = await GetAsync("/cohorts", cookie);
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [Fact]
    public async Task DatabaseFiles_AndTheKeyRingCertificate_AreOwnerOnly_AndKeysAreEncryptedAtRest()
    {
        _ = await _app.SignInCookieAsync(); // a key exists once something was protected
        var folder = Path.GetDirectoryName(_app.DatabasePath)!;
        var files = new[] { _app.DatabasePath, _app.DatabasePath + "-wal", _app.DatabasePath + "-shm", Path.Combine(folder, SharedDataProtection.DefaultCertificateName) };

        foreach (var file in files)
        {
            Assert.True(File.Exists(file), file);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>().CreateDbContextAsync();
        var keys = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, xml => Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal));
        Assert.All(keys, xml => Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartUp_DropsKeysStoredUnencrypted_AndNarrowsAnExistingDatabaseFile()
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>().CreateDbContextAsync();
        db.DataProtectionKeys.Add(new Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey
        {
            FriendlyName = "key-old",
            Xml = "<key id=\"00000000-0000-0000-0000-000000000001\" version=\"1\"><descriptor><descriptor><masterKey><value>AAAA</value></masterKey></descriptor></descriptor></key>",
        });
        await db.SaveChangesAsync();
        File.SetUnixFileMode(_app.DatabasePath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await StartupData.PrepareAsync(_app.Services, CancellationToken.None);

        Assert.False(await db.DataProtectionKeys.AnyAsync(k => k.FriendlyName == "key-old"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_app.DatabasePath));
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string cookie)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(_app.BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await http.SendAsync(request);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
