using System.Text.Json;
using System.Text.Json.Nodes;
using LiveOps.Core.Cohorts;
using LiveOps.Core.Content;
using LiveOps.Core.InviteTiming;
using LiveOps.Core.LiveSessions;
using LiveOps.Core.Overview;
using LiveOps.Dashboard.Components.Charts;
using LiveOps.Dashboard.Components.Pages.Cadence;
using LiveOps.Dashboard.Components.Pages.Cohorts;
using LiveOps.Dashboard.Components.Pages.LiveSessions;
using LiveOps.Dashboard.Components.Pages.Overview;
using LiveOps.Dashboard.Components.Pages.PrivateDomain;

namespace LiveOps.Tests.Dashboard.Charts;

/// <summary>The mappers name the chart module's formatters: money, counts, percentages, durations, thinned dates.</summary>
public sealed class ChartFormatterNamesTests
{
    [Fact]
    public void DailyGmv_YuanOnTheAxis_FenInTheTooltip_DayTicksThinned()
    {
        var report = new DailyGmvReport(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 3), "Asia/Shanghai",
            [new(new DateOnly(2026, 11, 1), 800000m, 1), new(new DateOnly(2026, 11, 2), 0m, 0)], 800000m, 1, 1);

        var json = Serialize(DailyGmvChart.Options(report, new DailyGmvChartLabels("GMV", "¥")));

        Assert.Equal("yuan", json["yaxis"]!["labels"]!["formatter"]!.GetValue<string>());
        Assert.Equal("yuanExact", json["tooltip"]!["y"]!["formatter"]!.GetValue<string>());
        Assert.Equal("day", json["tooltip"]!["x"]!["formatter"]!.GetValue<string>());
        Assert.Equal("dayTick", json["xaxis"]!["labels"]!["formatter"]!.GetValue<string>());
        Assert.Equal(0, json["xaxis"]!["labels"]!["rotate"]!.GetValue<int>());
    }

    [Fact]
    public void WeeklyJoins_CountsOnTheAxis_WeeksNamedInTheTooltip()
    {
        var json = Serialize(OverviewSeriesCharts.Joins([new WeeklyJoins("2026-W36", 12), new WeeklyJoins("2026-W37", 30)],
            new OverviewSeriesLabels("新客", "老客", "金额", "入会")));

        Assert.Equal("count", json["yaxis"]!["labels"]!["formatter"]!.GetValue<string>());
        Assert.Equal("weekTick", json["xaxis"]!["labels"]!["formatter"]!.GetValue<string>());
        Assert.Equal("week", json["tooltip"]!["x"]!["formatter"]!.GetValue<string>());
        Assert.Equal(["2026-W36", "2026-W37"], json["xaxis"]!["categories"]!.AsArray().Select(c => c!.GetValue<string>()));
    }

    [Fact]
    public void PrivateDomainShare_PercentOnTheAxis()
    {
        var json = Serialize(PrivateDomainChart.Share([new WeeklyShare("2026-W36", 100m, 25m, 0.25)], "占比"));

        Assert.Equal("percent", json["yaxis"]!["labels"]!["formatter"]!.GetValue<string>());
        Assert.Equal("percentExact", json["tooltip"]!["y"]!["formatter"]!.GetValue<string>());
        Assert.Equal(25d, json["series"]![0]!["data"]![0]!.GetValue<double>());
    }

    [Fact]
    public void LiveSessionComparison_WatchTimeAsMinutesAndSeconds_JoinRateAsPercent()
    {
        var labels = new ComparisonLabels("场次", "平均观看时长（分:秒）", "入私域率（%）", "中位数");
        var json = Serialize(LiveSessionChartMapper.Comparison(LiveSessionReportWithOneSession(), labels));

        Assert.Equal("duration", json["xaxis"]!["labels"]!["formatter"]!.GetValue<string>());
        Assert.Equal("duration", json["tooltip"]!["x"]!["formatter"]!.GetValue<string>());
        Assert.Equal("percent", json["yaxis"]!["labels"]!["formatter"]!.GetValue<string>());
        Assert.Equal("平均观看时长（分:秒）", json["xaxis"]!["title"]!["text"]!.GetValue<string>());
        Assert.Equal(25d, json["series"]![0]!["data"]![0]!["y"]!.GetValue<double>());
    }

    [Fact]
    public void ContentMix_WeeksThinned_CountsOnTheAxis()
    {
        var json = Serialize(ContentChartMapper.Mix([new ContentMixWeek("2026-W36", 2, 1, 0, ContentMixStatus.Ok)],
            new MixLabels("促销", "内容", "服务", "推送数"), 2, 3));

        Assert.Equal("weekTick", json["xaxis"]!["labels"]!["formatter"]!.GetValue<string>());
        Assert.Equal(0, json["xaxis"]!["labels"]!["rotate"]!.GetValue<int>());
        Assert.Equal(["2026-W36"], json["xaxis"]!["categories"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("count", json["yaxis"]!["labels"]!["formatter"]!.GetValue<string>());
        Assert.Equal("week", json["tooltip"]!["x"]!["formatter"]!.GetValue<string>());
    }

    [Fact]
    public void CohortCurves_PeriodsInThePagesWords_Thinned()
    {
        var query = new CohortQuery();
        var report = new CohortReport(query, "Asia/Shanghai", 3, null, null, CohortReport.Empty(query, "Asia/Shanghai").Kpis, []);

        var json = Serialize(CohortCurveMapper.Options(report, key => key, "平均", k => $"第 {k} 期"));

        Assert.Equal("tick", json["xaxis"]!["labels"]!["formatter"]!.GetValue<string>());
        Assert.Equal(0, json["xaxis"]!["labels"]!["rotate"]!.GetValue<int>());
        Assert.Equal(["第 0 期", "第 1 期", "第 2 期"], json["xaxis"]!["categories"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("fraction", json["yaxis"]!["labels"]!["formatter"]!.GetValue<string>());
    }

    [Fact]
    public void InviteMinutes_MinutesAsThinnedCategories_NotAFixedTickCount()
    {
        var json = Serialize(InviteChartMapper.Minutes([new(0, 3, 1), new(1, 0, 2), new(125, 7, 0)], "订单", "入群", "开播后分钟"));

        Assert.Equal("tick", json["xaxis"]!["labels"]!["formatter"]!.GetValue<string>());
        Assert.Equal(["0", "1", "125"], json["xaxis"]!["categories"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("开播后分钟", json["xaxis"]!["title"]!["text"]!.GetValue<string>());
        Assert.Null(json["xaxis"]!["tickAmount"]);
        Assert.Equal([3, 0, 7], json["series"]![0]!["data"]!.AsArray().Select(v => v!.GetValue<int>()));
    }

    [Fact]
    public void EveryNamedFormatter_IsOneTheChartModuleDefines()
    {
        var module = File.ReadAllText(Path.Combine(RepoRoot(), "LiveOps.Dashboard", "Components", "Charts", "ApexChart.razor.js"));
        var names = typeof(ChartOptions.Format).GetFields().Select(f => (string)f.GetValue(null)!).ToArray();

        Assert.Equal(13, names.Length);
        Assert.All(names, name => Assert.Contains($"\n    {name}: (", module));
        Assert.DoesNotContain("eval(", module);
        Assert.DoesNotContain("new Function", module);
    }

    private static LiveSessionReport LiveSessionReportWithOneSession()
    {
        var at = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
        var none = new Benchmark(null, null, 0);
        return new LiveSessionReport(
            [new LiveSessionRow("L1", "周末场", at, at.AddHours(2), at.AddHours(2), 1000, 200, 185.0, 10, 1000m, 10, 8, 2, 0.25)],
            new LiveSessionBenchmarks(none, new Benchmark(185.0, 185.0, 1), none, none, none, new Benchmark(0.25, 0.25, 1)));
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LiveOps.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("LiveOps.sln not found above the test output");
    }

    private static JsonNode Serialize(object options) => JsonNode.Parse(JsonSerializer.Serialize(options, ChartOptions.Json))!;
}
