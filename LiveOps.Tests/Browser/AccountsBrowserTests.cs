using System.Text.RegularExpressions;
using LiveOps.Core.Accounts;
using LiveOps.Core.Data;
using LiveOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LiveOps.Tests.Browser;

/// <summary>First-run setup, sign-in, sign-out and lockout in a real browser; the browser signs in by itself here.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountsBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task FreshStart_LeadsToSetup_CreatesTheFirstAdmin_ThenSetupIsGone()
    {
        await using var app = DashboardApp.Start(demoData: false, user: null);
        await using var page = await browser.NewPageAsync(signIn: false);

        await page.Page.GotoAsync(app.Url("/cohorts"));
        await Expect(page.Page).ToHaveURLAsync(app.Url("/account/setup"));
        await page.Page.GetByTestId("email").FillAsync("boss@shop.test");
        await page.Page.GetByTestId("password").FillAsync("Boss#2026pw");
        await page.Page.GetByTestId("confirm").FillAsync("Boss#2026pw");
        await page.Page.GetByTestId("create-admin").ClickAsync();

        await Expect(page.Page).ToHaveURLAsync(app.Url("/"));
        await Expect(page.Page.Locator("#app-root[data-interactive='true']")).ToBeVisibleAsync();
        await Expect(page.Page.GetByTestId("current-user")).ToHaveTextAsync("boss@shop.test · 管理员");
        await Expect(page.Page.GetByTestId("nav-users")).ToBeVisibleAsync();

        await using var stranger = await browser.NewPageAsync(signIn: false);
        await stranger.Page.GotoAsync(app.Url("/account/setup"));
        await Expect(stranger.Page).ToHaveURLAsync(app.Url("/account/login"));
        await Expect(stranger.Page.GetByTestId("create-admin")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Setup_WithDifferentPasswords_SaysSo_AndCreatesNobody()
    {
        await using var app = DashboardApp.Start(demoData: false, user: null);
        await using var page = await browser.NewPageAsync(signIn: false);

        await page.Page.GotoAsync(app.Url("/account/setup"));
        await page.Page.GetByTestId("email").FillAsync("boss@shop.test");
        await page.Page.GetByTestId("password").FillAsync("Boss#2026pw");
        await page.Page.GetByTestId("confirm").FillAsync("Boss#2026px");
        await page.Page.GetByTestId("create-admin").ClickAsync();

        await Expect(page.Page.GetByTestId("setup-error")).ToHaveTextAsync("两次输入的密码不一致。");
        Assert.False(await app.Services.GetRequiredService<UserAccountService>().AnyUsersAsync());
    }

    [Fact]
    public async Task UnauthenticatedPage_LandsOnSignIn_SignInReturnsThere_SignOutEndsTheSession()
    {
        await using var app = DashboardApp.Start(demoData: false);
        await using var page = await browser.NewPageAsync(signIn: false);

        await page.Page.GotoAsync(app.Url("/cadence"));
        await Expect(page.Page).ToHaveURLAsync(app.Url("/account/login?ReturnUrl=%2Fcadence"));
        await page.Page.GetByTestId("email").FillAsync(app.DefaultEmail);
        await page.Page.GetByTestId("password").FillAsync(app.DefaultPassword!);
        await page.Page.GetByTestId("sign-in").ClickAsync();

        await Expect(page.Page).ToHaveURLAsync(app.Url("/cadence"));
        await Expect(page.Page.Locator("#app-root[data-interactive='true']")).ToBeVisibleAsync();
        await page.Page.GetByTestId("sign-out").ClickAsync();

        await Expect(page.Page).ToHaveURLAsync(app.Url("/account/login"));
        await page.Page.GotoAsync(app.Url("/tiers"));
        await Expect(page.Page).ToHaveURLAsync(app.Url("/account/login?ReturnUrl=%2Ftiers"));
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_EvenTheRightPasswordIsThenRefused()
    {
        await using var app = DashboardApp.Start(demoData: false);
        await using var page = await browser.NewPageAsync(signIn: false);
        await page.Page.GotoAsync(app.Url("/account/login"));

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await SignInAsync(page.Page, app.DefaultEmail, "Wrong#pass1");
            await Expect(page.Page.GetByTestId("login-error")).ToHaveTextAsync("邮箱或密码不正确。连续 5 次失败后账号锁定 15 分钟。");
        }
        await SignInAsync(page.Page, app.DefaultEmail, "Wrong#pass1");
        await Expect(page.Page.GetByTestId("login-error")).ToHaveTextAsync("邮箱或密码不正确。连续 5 次失败后账号锁定 15 分钟。");
        await SignInAsync(page.Page, app.DefaultEmail, app.DefaultPassword!);

        // Locked: the right password is refused with the same words an unknown email gets.
        await Expect(page.Page.GetByTestId("login-error")).ToHaveTextAsync("邮箱或密码不正确。连续 5 次失败后账号锁定 15 分钟。");
        for (var i = 0; i < 6; i++)
        {
            await SignInAsync(page.Page, "nobody@liveops.test", "Wrong#pass1");
            await Expect(page.Page.GetByTestId("login-error")).ToHaveTextAsync("邮箱或密码不正确。连续 5 次失败后账号锁定 15 分钟。");
        }
        Assert.EndsWith("/account/login", page.Page.Url);
    }

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GetByTestId("email").FillAsync(email);
        await page.GetByTestId("password").FillAsync(password);
        await page.GetByTestId("sign-in").ClickAsync();
    }
}

/// <summary>A team lead reads and exports but sees no edit control, and a crafted change is refused by the server.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LeadBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string LeadEmail = "lead@shop.test";
    private DashboardApp _app = default!;
    private string _leadPassword = "";

    public async Task InitializeAsync()
    {
        _app = DashboardApp.Start(demoData: false);
        _leadPassword = await _app.AddUserAsync(LeadEmail, Role.Lead);
    }

    [Fact]
    public async Task Lead_SeesNoEditControls_OnData_Tiers_OrCadence()
    {
        await using var page = await browser.NewPageAsync(signIn: false);
        await page.SignInAsync(_app, LeadEmail, _leadPassword);

        await page.GotoAsync(_app, "/data");
        await Expect(page.Page.GetByTestId("read-only")).ToHaveTextAsync("你的角色（主管）可查看和导出，但不能修改数据。");
        await Expect(page.Page.GetByTestId("upload-button")).ToHaveCountAsync(0);
        await Expect(page.Page.GetByTestId("current-user")).ToHaveTextAsync("lead@shop.test · 主管");
        await Expect(page.Page.GetByTestId("nav-audit")).ToBeVisibleAsync();
        await Expect(page.Page.GetByTestId("nav-users")).ToHaveCountAsync(0);

        await page.GotoAsync(_app, "/tiers");
        await Expect(page.Page.GetByTestId("read-only")).ToBeVisibleAsync();
        await Expect(page.Page.GetByTestId("publish")).ToHaveCountAsync(0);

        await page.GotoAsync(_app, "/cadence");
        await Expect(page.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Page.GetByTestId("plan-open")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Lead_CraftedImport_IsRefusedWith403_WritesNothing_AndIsAudited_WhileExportsWork()
    {
        await using var page = await browser.NewPageAsync(signIn: false);
        await page.SignInAsync(_app, LeadEmail, _leadPassword);
        var request = page.Page.Context.APIRequest;

        var export = await request.GetAsync(_app.Url("/export/campaigns.csv"), new() { MaxRedirects = 0 });
        var crafted = await request.PostAsync(_app.Url("/data/import/orders"), new()
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "text/csv" },
            DataString = "order_id,customer_id,placed_at,amount,status\nX1,u1,2026-10-01 10:00:00,100.00,paid\n",
            MaxRedirects = 0,
        });

        Assert.Equal(200, export.Status);
        Assert.Equal(403, crafted.Status);
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await db.Orders.CountAsync());
        var entry = await db.Set<AuditEntry>().SingleAsync();
        Assert.Equal((LeadEmail, AuditAction.Import, AuditOutcome.Refused), (entry.Actor, entry.Action, entry.Outcome));
    }

    [Fact]
    public async Task Operator_SameRequest_Imports()
    {
        await using var page = await browser.NewPageAsync(signIn: false);
        await page.SignInAsync(_app, _app.DefaultEmail, _app.DefaultPassword!);

        var response = await page.Page.Context.APIRequest.PostAsync(_app.Url("/data/import/orders"), new()
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "text/csv" },
            DataString = "order_id,customer_id,placed_at,amount,status\nX1,u1,2026-10-01 10:00:00,100.00,paid\n",
            MaxRedirects = 0,
        });

        Assert.Equal(200, response.Status);
        Assert.Equal("{\"kind\":\"orders\",\"rows\":1,\"added\":1,\"updated\":0}", await response.TextAsync());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
