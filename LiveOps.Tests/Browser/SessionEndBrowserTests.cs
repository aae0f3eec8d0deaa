using LiveOps.Core.Accounts;
using LiveOps.Core.Data;
using LiveOps.Tests.Core.Campaigns;
using LiveOps.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LiveOps.Tests.Browser;

/// <summary>An open tab whose session ended elsewhere shows no further data: its next navigation goes to sign-in.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SessionEndBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private DashboardApp _app = default!;

    public async Task InitializeAsync()
    {
        _app = DashboardApp.Start(demoData: false, user: Role.Lead);
        var factory = _app.Services.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        await CampaignFixture.SeedAsync(db);
    }

    [Fact]
    public async Task DisabledLead_OpenTab_LosesTheDataOnItsNextNavigation()
    {
        await using var page = await browser.NewPageAsync();
        await page.GotoAsync(_app, "/");
        await page.Page.GetByRole(AriaRole.Link, new() { Name = "活动转化" }).ClickAsync();
        await Expect(page.Page.Locator("tr.campaign-row")).ToHaveCountAsync(3);

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var lead = (await users.FindByEmailAsync(_app.DefaultEmail))!;
            lead.Disabled = true;
            await users.UpdateAsync(lead);
        }
        await page.Page.GetByRole(AriaRole.Link, new() { Name = "总览" }).ClickAsync();

        await Expect(page.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login\\?returnUrl="));
        await Expect(page.Page.Locator("tr.campaign-row")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task SignOutElsewhere_EndsTheOpenTab_OnItsNextNavigation()
    {
        var email = "lead2@liveops.test";
        var password = await _app.AddUserAsync(email, Role.Lead);
        await using var tab = await browser.NewPageAsync(signIn: false);
        await tab.SignInAsync(_app, email, password);
        await tab.Page.GotoAsync(_app.Url("/campaigns"));
        await Expect(tab.Page.Locator("#app-root[data-interactive='true']")).ToBeVisibleAsync();
        await Expect(tab.Page.Locator("tr.campaign-row")).ToHaveCountAsync(3);
        // The same user signs in from another browser and signs out there.
        using var signOut = await SignOutAsync(_app, email, password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signOut.StatusCode);

        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "复购分群" }).ClickAsync();

        await Expect(tab.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login\\?returnUrl="));
    }

    /// <summary>Signs in with a cookie jar and posts the layout's sign-out form with its token.</summary>
    internal static async Task<HttpResponseMessage> SignOutAsync(DashboardApp app, string email, string password)
    {
        var cookies = new System.Net.CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };
        var login = await http.GetStringAsync("/account/login");
        using var _ = await http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = DashboardApp.AntiforgeryToken(login),
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
        var page = await http.GetStringAsync("/");
        return await http.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = DashboardApp.AntiforgeryToken(page),
        }));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
