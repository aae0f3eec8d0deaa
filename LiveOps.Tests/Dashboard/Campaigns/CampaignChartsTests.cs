using System.Text.Json;
using LiveOps.Core.Campaigns;
using LiveOps.Core.Data.Entities;
using LiveOps.Dashboard.Components.Charts;
using LiveOps.Dashboard.Components.Pages.Campaigns;

namespace LiveOps.Tests.Dashboard.Campaigns;

public sealed class CampaignChartsTests
{
    [Fact]
    public void Daily_HasRevenueColumnsAndBuyerLine_OneLabelPerDay()
    {
        var result = new CampaignResult("k1", "n", CampaignType.Content, 0, 0, 0, 0, 0, 2, 3, 12.5m, 0, null, null);
        var days = new[] { new CampaignDay(new DateOnly(2026, 9, 30), 10m, 1), new CampaignDay(new DateOnly(2026, 10, 1), 2.5m, 1) };
        var insight = new CampaignInsight(result, DateTimeOffset.UnixEpoch, null, 7, new CampaignConversions(null, null, null, null, null),
            0, 0, null, null, days, new CampaignBenchmark(1, new(null, null, null), new(null, null, null), new(null, null, null), new(null, null, null)));

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(CampaignCharts.Daily(insight, "Revenue", "Buyers"), ChartOptions.Json));

        var series = json.RootElement.GetProperty("series");
        Assert.Equal("column", series[0].GetProperty("type").GetString());
        Assert.Equal([10m, 2.5m], series[0].GetProperty("data").EnumerateArray().Select(e => e.GetDecimal()));
        Assert.Equal([1, 1], series[1].GetProperty("data").EnumerateArray().Select(e => e.GetInt32()));
        var xaxis = json.RootElement.GetProperty("xaxis");
        Assert.Equal(["2026-09-30", "2026-10-01"], xaxis.GetProperty("categories").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("dayTick", xaxis.GetProperty("labels").GetProperty("formatter").GetString());
        Assert.Equal("yuan", json.RootElement.GetProperty("yaxis")[0].GetProperty("labels").GetProperty("formatter").GetString());
        Assert.Equal("count", json.RootElement.GetProperty("yaxis")[1].GetProperty("labels").GetProperty("formatter").GetString());
    }
}
