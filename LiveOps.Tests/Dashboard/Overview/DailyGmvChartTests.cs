using System.Text.Json;
using System.Text.Json.Nodes;
using LiveOps.Core.Overview;
using LiveOps.Dashboard.Components.Charts;
using LiveOps.Dashboard.Components.Pages.Overview;

namespace LiveOps.Tests.Dashboard.Overview;

public sealed class DailyGmvChartTests
{
    private static readonly DailyGmvReport Report = new(
        new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 4), "Asia/Shanghai",
        [
            new(new DateOnly(2026, 11, 1), 129.9m, 1),
            new(new DateOnly(2026, 11, 2), 0m, 0),
            new(new DateOnly(2026, 11, 3), 1000.05m, 3),
        ],
        1129.95m, 4, 3);

    [Fact]
    public void Options_OnePointPerDay_WithDatesAsCategoriesAndYuanAsValues()
    {
        var json = Serialize(DailyGmvChart.Options(Report, new DailyGmvChartLabels("实付 GMV", "金额（¥）")));

        Assert.Equal(["2026-11-01", "2026-11-02", "2026-11-03"], json["xaxis"]!["categories"]!.AsArray().Select(c => c!.GetValue<string>()));
        var series = Assert.Single(json["series"]!.AsArray());
        Assert.Equal("实付 GMV", series!["name"]!.GetValue<string>());
        Assert.Equal([129.9m, 0m, 1000.05m], series["data"]!.AsArray().Select(v => v!.GetValue<decimal>()));
        Assert.Equal("area", json["chart"]!["type"]!.GetValue<string>());
        Assert.Equal("金额（¥）", json["yaxis"]!["title"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Options_ValuesAreJsonNumbers_NotStrings()
    {
        var text = JsonSerializer.Serialize(DailyGmvChart.Options(Report, new DailyGmvChartLabels("GMV", "¥")), ChartOptions.Json);

        Assert.Contains("\"data\":[129.9,0,1000.05]", text);
    }

    private static JsonNode Serialize(object options) =>
        JsonNode.Parse(JsonSerializer.Serialize(options, ChartOptions.Json))!;
}
