using Bunit;
using LiveOps.Core.Overview;
using LiveOps.Dashboard.Components.Pages.PrivateDomain;
using LiveOps.Tests.Core.Overview;
using LiveOps.Tests.Dashboard.Shell;
using LiveOps.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace LiveOps.Tests.Dashboard.PrivateDomain;

/// <summary>The page that explains the Overview's numbers, on <see cref="OverviewFixture"/> (January 2026 against December 2025).</summary>
public sealed class PrivateDomainPageTests : ShellContext
{
    private readonly TestDatabase _db = new();
    private readonly BunitJSModuleInterop _chart;

    public PrivateDomainPageTests()
    {
        Services.AddSingleton(_db.Get<OverviewKpiService>());
        _chart = JSInterop.SetupModule("./Components/Charts/ApexChart.razor.js");
        _chart.SetupModule(invocation => invocation.Identifier == "create");
    }

    private async Task<IRenderedComponent<PrivateDomainPage>> RenderAsync(string url)
    {
        await using (var db = _db.NewContext())
        {
            await OverviewFixture.SeedAsync(db);
        }
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        return Render<PrivateDomainPage>();
    }

    private static string Text(IRenderedComponent<PrivateDomainPage> cut, string testId) => cut.Find($"[data-testid={testId}]").TextContent.Trim();

    [Fact]
    public async Task January_ShowsEveryOverviewFigure_AgainstDecember_WithItsDefinition()
    {
        var cut = await RenderAsync("/private-domain?from=2026-01-01&to=2026-02-01");

        cut.WaitForAssertion(() => Assert.Equal("¥480.00", Text(cut, "pd-paid-gmv")));
        Assert.Equal("¥200.00", Text(cut, "pd-paid-gmv-previous"));
        Assert.Equal(("4", "1"), (Text(cut, "pd-orders"), Text(cut, "pd-orders-previous")));
        Assert.Equal("¥120.00", Text(cut, "pd-aov"));
        Assert.Equal(("3", "2", "66.7%"), (Text(cut, "pd-buyers"), Text(cut, "pd-repeat-buyers"), Text(cut, "pd-repeat-rate")));
        Assert.Equal(("¥350.00", "72.9%", "100.0%"), (Text(cut, "pd-private-gmv"), Text(cut, "pd-private-share"), Text(cut, "pd-private-share-previous")));
        Assert.Equal(("1", "2"), (Text(cut, "pd-members-joined"), Text(cut, "pd-campaigns")));
        Assert.Equal(("¥110.00", "¥370.00"), (Text(cut, "pd-new-gmv"), Text(cut, "pd-returning-gmv")));
        Assert.Contains("2026-01-01 至 2026-01-31，对比 2025-12-01 至 2025-12-31", cut.Markup);
        Assert.Contains("私域群渠道订单，或下单时已入私域的客户订单", cut.Find("#pd-private-share").TextContent);
    }

    [Fact]
    public async Task MembersAgainstOthers_AndWeekByWeek_AddUpToTheRangesTotals()
    {
        var cut = await RenderAsync("/private-domain?from=2026-01-01&to=2026-02-01");

        cut.WaitForAssertion(() => Assert.Equal("私域成员¥360.002250.0%", string.Concat(cut.FindAll("[data-testid=pd-members] td").Select(td => td.TextContent.Trim()))));
        Assert.Equal("非成员¥120.0021100.0%", string.Concat(cut.FindAll("[data-testid=pd-non-members] td").Select(td => td.TextContent.Trim())));
        Assert.Equal("2026-W01¥360.00¥300.0083.3%0", string.Concat(cut.FindAll("[data-testid=pd-week-2026-W01] td").Select(td => td.TextContent.Trim())));
        Assert.Equal("2026-W02¥50.00¥50.00100.0%1", string.Concat(cut.FindAll("[data-testid=pd-week-2026-W02] td").Select(td => td.TextContent.Trim())));
        Assert.Equal("2026-W03¥0.00¥0.00—0", string.Concat(cut.FindAll("[data-testid=pd-week-2026-W03] td").Select(td => td.TextContent.Trim())));
        Assert.Equal("¥190.00 vs ¥72.50", Text(cut, "pd-evidence-aov"));
        Assert.Equal("50.0% vs 50.0%", Text(cut, "pd-evidence-members"));
        Assert.Equal("首单满 90 天的顾客 2 人", Text(cut, "pd-evidence-never-back-sample"));
        Assert.Equal("/export/overview.csv?from=2026-01-01&to=2026-02-01", cut.Find("[data-testid=pd-export-csv]").GetAttribute("href"));
        Assert.Single(_chart.Invocations["create"]);
    }

    [Fact]
    public async Task WithoutARange_ShowsTheLastNinetyDays()
    {
        var cut = await RenderAsync("/private-domain");

        // Today is 2026-11-24 in the tests: Aug 27 - Nov 24, against May 29 - Aug 26; the fixture has no order then.
        cut.WaitForAssertion(() => Assert.Equal("¥0.00", Text(cut, "pd-paid-gmv")));
        Assert.Contains("2026-08-27 至 2026-11-24，对比 2026-05-29 至 2026-08-26", cut.Markup);
    }

    [Fact]
    public async Task ABadDate_SaysWhichAndWhy_InsteadOfAReport()
    {
        var cut = await RenderAsync("/private-domain?from=2026-13-01");

        Assert.Equal("区间有误：from：“2026-13-01”不是日期，例如 2026-11-03", Text(cut, "pd-problem"));
        Assert.Empty(cut.FindAll("[data-testid=pd-kpis]"));
    }

    protected override ValueTask DisposeFixturesAsync() => _db.DisposeAsync();
}
