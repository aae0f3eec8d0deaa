using Bunit;
using LiveOps.Core.Overview;
using LiveOps.Dashboard.Components.Pages.Overview;
using LiveOps.Tests.Dashboard.Shell;
using LiveOps.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace LiveOps.Tests.Dashboard.Overview;

/// <summary>A bad range on the Overview (in the URL or picked) is explained in the page's language.</summary>
public abstract class OverviewRangeLanguageTests : ShellContext
{
    private readonly TestDatabase _db = new();

    protected OverviewRangeLanguageTests(string culture) : base(culture)
    {
        Services.AddSingleton(_db.Get<DailyGmvService>());
        Services.AddSingleton(_db.Get<OverviewKpiService>());
        Services.AddSingleton(_db.Get<LiveOps.Core.PushCadence.CadenceService>());
        Services.AddSingleton(_db.Get<LiveOps.Core.Value.ValueService>());
        JSInterop.SetupModule("./Components/Charts/ApexChart.razor.js").SetupModule(invocation => invocation.Identifier == "create");
    }

    protected string ProblemFor(string url)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        var cut = Render<OverviewPage>();
        return cut.WaitForElement("[data-testid=overview-range-problem]").TextContent.Trim();
    }

    /// <summary>Picks a first and last day in the custom-range pickers and applies them.</summary>
    protected string ProblemForPicked(string first, string last)
    {
        var cut = Render<OverviewPage>();
        cut.WaitForElement("[data-testid=overview-empty]");
        Input(cut, "range-from").Change(first);
        Input(cut, "range-last").Change(last);
        cut.Find("[data-testid=range-apply]").Click();
        return cut.WaitForElement("[data-testid=overview-range-problem]").TextContent.Trim();
    }

    private static AngleSharp.Dom.IElement Input(IRenderedComponent<OverviewPage> cut, string id) =>
        cut.FindAll($"input[data-testid={id}], [data-testid={id}] input").First();

    protected override ValueTask DisposeFixturesAsync() => _db.DisposeAsync();
}

public sealed class OverviewRangeEnglishTests() : OverviewRangeLanguageTests("en")
{
    [Fact]
    public void Reversed_IsExplainedInEnglish()
    {
        Assert.Equal("The range is not valid: from must be before to", ProblemFor("/?from=2026-09-05&to=2026-09-01"));
    }

    [Fact]
    public void TooLong_IsExplainedInEnglish() =>
        Assert.Equal("The range is not valid: a range of at most 3700 days is needed, not 4018; choose a later from or an earlier to",
            ProblemFor("/?from=2015-01-01&to=2026-01-01"));

    [Fact]
    public void OutOfYears_IsExplainedInEnglish() =>
        Assert.StartsWith("The range is not valid: from: '1899-01-01' is outside the years", ProblemFor("/?from=1899-01-01&to=2026-01-01"));

    [Fact]
    public void PickedReversedRange_IsExplainedInEnglish() =>
        Assert.Equal("The range is not valid: from must be before to", ProblemForPicked("2026-09-05", "2026-09-01"));
}

public sealed class OverviewRangeChineseTests() : OverviewRangeLanguageTests("zh-CN")
{
    [Fact]
    public void Reversed_IsExplainedInChinese() =>
        Assert.Equal("时间范围无效：开始日期（from）必须早于结束日期（to）", ProblemFor("/?from=2026-09-05&to=2026-09-01"));

    [Fact]
    public void PickedReversedRange_IsExplainedInChinese() =>
        Assert.Equal("时间范围无效：开始日期（from）必须早于结束日期（to）", ProblemForPicked("2026-09-05", "2026-09-01"));
}
