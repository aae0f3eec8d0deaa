using Bunit;
using LiveOps.Core.Accounts;
using LiveOps.Dashboard.Components.Layout;
using Microsoft.AspNetCore.Components;

namespace LiveOps.Tests.Dashboard.Shell;

/// <summary>Which links and user line each role sees in the shell.</summary>
public sealed class NavByRoleTests : ShellContext
{
    [Theory]
    [InlineData(Role.Admin, "/data,/audit,/admin/users", "admin@liveops.test · 管理员")]
    [InlineData(Role.Operator, "/data", "admin@liveops.test · 运营")]
    [InlineData(Role.Lead, "/data,/audit", "admin@liveops.test · 主管")]
    public void EachRole_SeesItsAdminLinks_AndItsRoleBesideTheSignOut(Role role, string lastLinks, string userLine)
    {
        Auth.SetRoles(Roles.Name(role));

        var cut = Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(_ => { })));

        var links = cut.FindAll("a.mud-nav-link").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(lastLinks.Split(','), links.SkipWhile(h => h != "/data"));
        Assert.Equal(userLine, cut.Find("[data-testid=current-user]").TextContent.Trim());
        Assert.Equal("/account/logout", cut.Find("[data-testid=sign-out-form]").GetAttribute("action"));
    }
}
