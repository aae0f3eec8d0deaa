using System.Text.Json;
using System.Text.Json.Nodes;
using Bunit;
using LiveOps.Core.Common;
using LiveOps.Core.LiveSessions;
using LiveOps.Dashboard;
using LiveOps.Dashboard.Components.Charts;
using LiveOps.Dashboard.Components.Pages.LiveSessions;
using LiveOps.Tests.Core.LiveSessions;
using LiveOps.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace LiveOps.Tests.Dashboard.LiveSessions;

/// <summary>The list and detail pages over the hand-computed fixture (see <see cref="LiveSessionFixture"/>), in Chinese.</summary>
public sealed class LiveSessionPagesTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private readonly BunitContext _ctx = new();

    public async Task InitializeAsync()
    {
        await using (var db = _db.NewContext())
        {
            await LiveSessionFixture.SeedAsync(db);
        }
        _ctx.Services.AddMudServices();
        _ctx.Services.AddLocalization();
        _ctx.Services.AddSingleton(_db.Get<LiveSessionService>());
        _ctx.Services.AddSingleton(_db.Get<LiveOps.Core.Acquisition.AcquisitionService>());
        _ctx.Services.AddSingleton(_db.Get<LiveOps.Core.Tiers.TierRuleSetService>());
        _ctx.Services.AddSingleton(_db.Get<LiveOps.Core.InviteTiming.InviteTimingService>());
        _ctx.Services.AddSingleton(_db.Get<ZoneClock>());
        _ctx.Services.AddScoped<Formatting>();
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.JSInterop.SetupModule("./Components/Charts/ApexChart.razor.js");
        _ctx.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void List_WhilePrerendering_ShowsLoading_AndRunsNoReport()
    {
        _ctx.SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var page = _ctx.Render<LiveSessionsPage>();

        Assert.Empty(page.FindAll("tr.live-session-row"));
        Assert.Single(page.FindAll("[data-testid=live-sessions-loading]"));
    }

    [Fact]
    public void List_ShowsEverySessionNewestFirst_WithItsNumbersAndStanding()
    {
        var page = _ctx.Render<LiveSessionsPage>();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tr.live-session-row").Count));
        var s1 = page.FindAll("tr.live-session-row")[2].QuerySelectorAll("td").Select(td => string.Join(" ", td.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        // Peak, watch time and orders are behind the column chooser, so joins and the join rate fit at 1440 px.
        Assert.Equal(["双十一预热 s1", "2026-11-10 20:00", "1,000", "¥390.00", "3", "1", "33.3%", "低于中位数"], s1);
        var s2 = page.FindAll("tr.live-session-row")[1].QuerySelectorAll("td").Select(td => string.Join(" ", td.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Equal(["会员专场 s2", "2026-11-12 20:00", "600", "¥130.00", "4", "2", "50.0%", "前 25%"], s2);
        Assert.Equal("—", page.FindAll("[data-testid='cell-join-rate']")[0].TextContent.Trim());
        Assert.NotNull(page.Find("[data-testid='live-session-comparison']"));
    }

    [Fact]
    public void List_SortsByGmv()
    {
        var page = _ctx.Render<LiveSessionsPage>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tr.live-session-row").Count));

        page.Find("[data-testid='sort-gmv']").Click();

        page.WaitForAssertion(() => Assert.Equal(["¥0.00", "¥130.00", "¥390.00"],
            page.FindAll("[data-testid='cell-gmv']").Select(td => td.TextContent.Trim())));
    }

    [Fact]
    public void Detail_ShowsEachMeasureAgainstTheShopsMedianAndTopQuartile_AndTheAssumedEnd()
    {
        var page = _ctx.Render<LiveSessionDetailPage>(p => p.Add(x => x.LiveSessionId, "s2"));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid='live-session-measures']")));
        string[] Cells(string measure) => page.Find($"tr[data-measure='{measure}']").QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray();
        Assert.Equal(["观看人数", "600", "600", "800", "高于中位数"], Cells("Viewers"));
        Assert.Equal(["平均观看时长", "5:00", "2:00", "3:30", "前 25%"], Cells("Watch"));
        Assert.Equal(["入私域率", "50.0%", "41.7%", "45.8%", "前 25%"], Cells("JoinRate"));
        // The top quartile of new buyers is 3.5 people: shown whole, halves away from zero.
        Assert.Equal(["新客", "4", "3", "4", "前 25%"], Cells("NewBuyers"));
        Assert.Contains("2026-11-12 23:00（无下播时间，按开播后 3 小时计）", page.Markup);
    }

    [Fact]
    public void Detail_UnknownSession_SaysSo()
    {
        var page = _ctx.Render<LiveSessionDetailPage>(p => p.Add(x => x.LiveSessionId, "nope"));

        page.WaitForAssertion(() => Assert.Contains("找不到场次 “nope”", page.Find("[data-testid='live-session-not-found']").TextContent));
    }

    [Fact]
    public async Task ComparisonMapper_PlotsSessionsWithAJoinRate_AndTheMedians()
    {
        var report = await _db.Get<LiveSessionService>().RunAsync(new LiveSessionQuery());

        var json = JsonNode.Parse(JsonSerializer.Serialize(
            LiveSessionChartMapper.Comparison(report, new ComparisonLabels("场次", "时长", "入私域率", "中位数")), ChartOptions.Json))!;

        Assert.Equal("scatter", (string)json["chart"]!["type"]!);
        var points = json["series"]![0]!["data"]!.AsArray().Select(p => $"{p!["id"]}:{p["x"]}:{p["y"]}").ToList();
        Assert.Equal(["s2:300:50", $"s1:120:{JsonSerializer.Serialize(1.0 / 3 * 100)}"], points);
        Assert.Equal(120, (double)json["annotations"]!["xaxis"]![0]!["x"]!);
        Assert.Equal((1.0 / 3 + 0.5) / 2 * 100, (double)json["annotations"]!["yaxis"]![0]!["y"]!, 9);
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _db.DisposeAsync();
    }
}
