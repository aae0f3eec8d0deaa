using System.Net;
using LiveOps.Core.Accounts;
using LiveOps.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LiveOps.Tests.Browser;

/// <summary>An admin adds, disables and audits users through the pages; other roles cannot open them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private DashboardApp _app = default!;

    public Task InitializeAsync()
    {
        _app = DashboardApp.Start(demoData: false, user: Role.Admin);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Admin_AddsALead_WhoSignsInWithThePasswordShownOnce_ThenDisablesThem_AndTheAuditLogShowsBoth()
    {
        await using var admin = await browser.NewPageAsync();
        await admin.GotoAsync(_app, "/admin/users");
        await admin.Page.Locator("input[data-testid='new-email'], [data-testid='new-email'] input").FillAsync("lead2@shop.test");
        await admin.Page.GetByTestId("new-role").SelectOptionAsync("Lead");
        await admin.Page.GetByTestId("add-user").ClickAsync();

        await Expect(admin.Page.GetByTestId("user-added")).ToContainTextAsync("已添加 lead2@shop.test。初始密码只显示这一次：");
        var password = await admin.Page.GetByTestId("new-password").TextContentAsync();
        var row = admin.Page.GetByTestId("user-lead2@shop.test");
        await Expect(row.GetByTestId("status")).ToHaveTextAsync("启用");

        await using var lead = await browser.NewPageAsync(signIn: false);
        await lead.SignInAsync(_app, "lead2@shop.test", password!);
        await lead.GotoAsync(_app, "/");
        await Expect(lead.Page.GetByTestId("current-user")).ToHaveTextAsync("lead2@shop.test · 主管");

        await row.GetByTestId("toggle-disabled").ClickAsync();
        await Expect(row.GetByTestId("status")).ToHaveTextAsync("已停用");
        await using var again = await browser.NewPageAsync(signIn: false);
        await again.Page.GotoAsync(_app.Url("/account/login"));
        await again.Page.GetByTestId("email").FillAsync("lead2@shop.test");
        await again.Page.GetByTestId("password").FillAsync(password!);
        await again.Page.GetByTestId("sign-in").ClickAsync();
        await Expect(again.Page.GetByTestId("login-error")).ToHaveTextAsync("此账号已停用，请联系管理员。");

        await admin.GotoAsync(_app, "/audit");
        await Expect(admin.Page.GetByTestId("audit-total")).ToHaveTextAsync("共 2 条");
        await Expect(admin.Page.GetByTestId("audit-detail")).ToHaveTextAsync(["lead2@shop.test", "lead2@shop.test，角色：主管"]);
        await Expect(admin.Page.GetByTestId("audit-action")).ToHaveTextAsync(["停用账号", "添加用户"]);
        await admin.Page.GetByTestId("filter-action").SelectOptionAsync("UserCreated");
        await admin.Page.GetByTestId("filter-apply").ClickAsync();
        await Expect(admin.Page.GetByTestId("audit-total")).ToHaveTextAsync("共 1 条");
        await Expect(admin.Page.GetByTestId("audit-actor")).ToHaveTextAsync([_app.DefaultEmail]);
    }

    [Fact]
    public async Task UsersPage_IsForAdminsOnly_AuditPage_ForAdminsAndLeads()
    {
        var operatorPassword = await _app.AddUserAsync("ops@shop.test", Role.Operator);
        var leadPassword = await _app.AddUserAsync("lead@shop.test", Role.Lead);
        using var asOperator = await _app.SignedInClientAsync("ops@shop.test", operatorPassword);
        using var asLead = await _app.SignedInClientAsync("lead@shop.test", leadPassword);

        var operatorUsers = await asOperator.GetAsync("/admin/users");
        var operatorAudit = await asOperator.GetAsync("/audit");
        var leadUsers = await asLead.GetAsync("/admin/users");
        var leadAudit = await asLead.GetAsync("/audit");

        Assert.Equal((HttpStatusCode.Redirect, "/account/denied"), (operatorUsers.StatusCode, operatorUsers.Headers.Location!.AbsolutePath));
        Assert.Equal((HttpStatusCode.Redirect, "/account/denied"), (operatorAudit.StatusCode, operatorAudit.Headers.Location!.AbsolutePath));
        Assert.Equal((HttpStatusCode.Redirect, "/account/denied"), (leadUsers.StatusCode, leadUsers.Headers.Location!.AbsolutePath));
        Assert.Equal(HttpStatusCode.OK, leadAudit.StatusCode);
    }

    [Fact]
    public async Task SignOut_WithoutTheAntiforgeryToken_IsRejected_AndTheSessionStays()
    {
        using var http = await _app.SignedInClientAsync();

        var forged = await http.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" }));
        var page = await http.GetAsync("/cohorts");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
