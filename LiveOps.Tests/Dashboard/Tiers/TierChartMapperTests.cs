using System.Text.Json;
using LiveOps.Core.Tiers;
using LiveOps.Dashboard.Components.Charts;
using LiveOps.Dashboard.Components.Pages.Tiers;

namespace LiveOps.Tests.Dashboard.Tiers;

public sealed class TierChartMapperTests
{
    [Fact]
    public void Distribution_IsADonutWithOneSlicePerTierInRankOrder()
    {
        var options = TierChartMapper.Distribution([new("normal", 0, 120), new("silver", 1, 30), new("gold", 2, 5)], "合计");

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(options, ChartOptions.Json));
        var root = json.RootElement;
        Assert.Equal("donut", root.GetProperty("chart").GetProperty("type").GetString());
        Assert.Equal([120, 30, 5], root.GetProperty("series").EnumerateArray().Select(e => e.GetInt32()).ToArray());
        Assert.Equal(["normal", "silver", "gold"], root.GetProperty("labels").EnumerateArray().Select(e => e.GetString()!).ToArray());
    }
}
