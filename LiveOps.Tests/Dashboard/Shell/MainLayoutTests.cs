using Bunit;
using LiveOps.Dashboard.Components.Layout;
using Microsoft.AspNetCore.Components;

namespace LiveOps.Tests.Dashboard.Shell;

public sealed class MainLayoutTests : ShellContext
{
    // The context is signed in as an admin (ShellContext), who also sees the audit log and the users page.
    private static readonly string[] ChineseNav = ["总览", "复购分群", "推送节奏", "活动转化", "会员与等级", "私域经营", "直播场次", "客户价值", "行动与对照", "数据导入", "审计日志", "用户管理"];
    private static readonly string[] EnglishNav = ["Overview", "Repurchase cohorts", "Push cadence", "Campaigns", "Members & tiers", "Private domain", "Live sessions", "Customer value", "Actions & holdouts", "Data", "Audit log", "Users"];

    [Fact]
    public void Layout_InChinese_ShowsEveryNavLinkInChinese()
    {
        var cut = Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<p data-testid=\"body\">body</p>"))));

        Assert.Equal(ChineseNav, cut.FindAll(".mud-nav-link-text").Select(e => e.TextContent.Trim()));
        Assert.Equal(["/", "/cohorts", "/cadence", "/campaigns", "/tiers", "/private-domain", "/live-sessions", "/value", "/actions", "/data", "/audit", "/admin/users"],
            cut.FindAll("a.mud-nav-link").Select(a => a.GetAttribute("href")));
        Assert.Contains("直播间观众", cut.Markup);
        Assert.Equal("body", cut.Find("#app-root [data-testid=body]").TextContent);
    }

    [Fact]
    public void Layout_InEnglish_ShowsEveryNavLinkInEnglish()
    {
        UseCulture("en");

        var cut = Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<p data-testid=\"body\">body</p>"))));

        Assert.Equal(EnglishNav, cut.FindAll(".mud-nav-link-text").Select(e => e.TextContent.Trim()));
        Assert.Contains("Live-room viewers", cut.Markup);
    }

    [Fact]
    public void Layout_MarksTheLiveCircuit_ForBrowserTests()
    {
        var cut = Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(_ => { })));

        Assert.Equal("true", cut.Find("#app-root").GetAttribute("data-interactive"));
    }

    [Fact]
    public void ErrorInPage_ShowsErrorBoundary_AndRetryRecoversThePage()
    {
        var page = new FlakyPage.Switch { Fail = true };
        var cut = Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(b =>
        {
            b.OpenComponent<FlakyPage>(0);
            b.AddAttribute(1, nameof(FlakyPage.State), page);
            b.CloseComponent();
        })));

        var alert = cut.Find("[data-testid=error-boundary]");
        Assert.Contains("出错了", alert.TextContent);
        Assert.DoesNotContain("page-body", cut.Markup);

        page.Fail = false;
        cut.Find("[data-testid=error-boundary] button").Click();

        cut.WaitForAssertion(() => Assert.Equal("page body", cut.Find("[data-testid=page-body]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=error-boundary]"));
    }
}

/// <summary>A page that throws while its switch says so.</summary>
public sealed class FlakyPage : ComponentBase
{
    public sealed class Switch
    {
        public bool Fail { get; set; }
    }

    [Parameter] public Switch State { get; set; } = new();

    protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
    {
        if (State.Fail)
        {
            throw new InvalidOperationException("the page broke");
        }
        builder.OpenElement(0, "p");
        builder.AddAttribute(1, "data-testid", "page-body");
        builder.AddContent(2, "page body");
        builder.CloseElement();
    }
}
