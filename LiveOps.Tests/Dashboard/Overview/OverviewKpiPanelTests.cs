using System.Text.Json;
using System.Text.Json.Nodes;
using Bunit;
using LiveOps.Dashboard.Components.Charts;
using LiveOps.Core.Data.Entities;
using LiveOps.Core.Overview;
using LiveOps.Dashboard.Components.Pages.Overview;
using LiveOps.Tests.Dashboard.Shell;
using LiveOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LiveOps.Tests.Dashboard.Overview;

/// <summary>
/// The KPI and evidence cards over the last 30 days to Tue 2026-11-24 (Oct 26 – Nov 24; previous Sep 26 – Oct 26):
/// m joined Oct 1, ordered 100 on Oct 10 and 300 on Nov 20; x never joined, ordered 50 in a private group on Nov 21.
/// </summary>
public sealed class OverviewKpiPanelTests : ShellContext
{
    private readonly TestDatabase _db = new();

    public OverviewKpiPanelTests()
    {
        Services.AddSingleton(_db.Get<OverviewKpiService>());
        JSInterop.SetupModule("./Components/Charts/ApexChart.razor.js").SetupModule(invocation => invocation.Identifier == "create");
    }

    private async Task SeedAsync()
    {
        await using var db = _db.NewContext();
        var m = new Customer { CustomerId = "m", JoinedPrivateAt = new DateTimeOffset(2026, 10, 1, 12, 0, 0, TimeSpan.FromHours(8)) };
        var x = new Customer { CustomerId = "x" };
        db.Customers.AddRange(m, x);
        await db.SaveChangesAsync();
        DateTimeOffset At(int month, int day) => new(2026, month, day, 12, 0, 0, TimeSpan.FromHours(8));
        db.Orders.AddRange(
            new Order { OrderId = "1", CustomerKey = m.Id, PlacedAt = At(10, 10), Amount = 100m },
            new Order { OrderId = "2", CustomerKey = m.Id, PlacedAt = At(11, 20), Amount = 300m },
            new Order { OrderId = "3", CustomerKey = x.Id, PlacedAt = At(11, 21), Amount = 50m, Channel = OrderChannel.PrivateGroup });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Cards_ShowTheRangeAgainstThePrevious_AndEachLinksToItsPage()
    {
        await SeedAsync();

        var cut = Render<OverviewKpiPanel>(p => p.Add(x => x.Days, 30));

        cut.WaitForAssertion(() => Assert.Equal("¥350.00", cut.Find("[data-testid=kpi-paid-gmv-value]").TextContent.Trim()));
        Assert.Equal("上期 ¥100.00 · +250.0%", cut.Find("[data-testid=kpi-paid-gmv-note]").TextContent.Trim());
        Assert.Equal("50.0%", cut.Find("[data-testid=kpi-repeat-rate-value]").TextContent.Trim());
        Assert.Equal("100.0%", cut.Find("[data-testid=kpi-private-share-value]").TextContent.Trim());
        Assert.Equal("上期 1 · -100.0%", cut.Find("[data-testid=kpi-members-joined-note]").TextContent.Trim());
        // Every number links to the private-domain page for the same range, at the row that explains it.
        const string range = "/private-domain?from=2026-10-26&to=2026-11-25";
        Assert.Equal(range + "#pd-repeat-rate", cut.Find("[data-testid=kpi-repeat-rate-value]").GetAttribute("href"));
        Assert.Equal(range + "#pd-private-share", cut.Find("[data-testid=kpi-private-share-value]").GetAttribute("href"));
        Assert.Equal(range + "#pd-campaigns", cut.Find("[data-testid=kpi-campaigns-value]").GetAttribute("href"));
        Assert.Equal(range + "#pd-new-gmv", cut.Find("[data-testid=new-returning-chart-link]").GetAttribute("href"));
        Assert.Equal("区间合计：新客 ¥50.00，老客 ¥300.00 · 定义与明细", cut.Find("[data-testid=new-returning-chart-link]").TextContent.Trim());
        Assert.Equal(range + "#weeks", cut.Find("[data-testid=joins-chart-link]").GetAttribute("href"));
        // First orders m100 x50 (avg 75), repeat m300: +300%.
        Assert.Equal("¥300.00 vs ¥75.00", cut.Find("[data-testid=evidence-aov-value]").TextContent.Trim());
        Assert.Equal("+300.0%", cut.Find("[data-testid=evidence-aov-change]").TextContent.Trim());
        Assert.Equal("首单 2 笔，复购 1 笔", cut.Find("[data-testid=evidence-aov-sample]").TextContent.Trim());
        Assert.Equal("100.0% vs 0.0%", cut.Find("[data-testid=evidence-members-value]").TextContent.Trim());
        Assert.Equal(range + "#pd-evidence-fatigue", cut.Find("[data-testid=evidence-fatigue-value]").GetAttribute("href"));
    }

    [Fact]
    public async Task SeriesCharts_StackFirstOrdersUnderLaterOnes_AndCountJoinsPerWeek()
    {
        await SeedAsync();
        var service = _db.Get<OverviewKpiService>();
        var report = await service.RunAsync(service.LastDays(30));
        var labels = new OverviewSeriesLabels("新客", "老客", "金额", "入私域");

        var split = JsonNode.Parse(JsonSerializer.Serialize(OverviewSeriesCharts.NewReturning(report.Days, labels), ChartOptions.Json))!;
        var joins = JsonNode.Parse(JsonSerializer.Serialize(OverviewSeriesCharts.Joins(report.JoinsByWeek, labels), ChartOptions.Json))!;

        Assert.True((bool)split["chart"]!["stacked"]!);
        var days = split["xaxis"]!["categories"]!.AsArray().Select(d => (string)d!).ToList();
        Assert.Equal(("2026-10-26", "2026-11-24", 30), (days[0], days[^1], days.Count));
        // x's first order (50) on Nov 21 is new; m's second (300) on Nov 20 is returning.
        Assert.Equal(50m, (decimal)split["series"]![0]!["data"]![days.IndexOf("2026-11-21")]!);
        Assert.Equal(300m, (decimal)split["series"]![1]!["data"]![days.IndexOf("2026-11-20")]!);
        Assert.Equal(0m, (decimal)split["series"]![0]!["data"]![days.IndexOf("2026-11-20")]!);
        // Oct 26 (Monday of W44) to Nov 24 (W48): nobody joined in the range.
        Assert.Equal("""["2026-W44","2026-W45","2026-W46","2026-W47","2026-W48"]""", joins["xaxis"]!["categories"]!.ToJsonString());
        Assert.Equal("[0,0,0,0,0]", joins["series"]![0]!["data"]!.ToJsonString());
    }

    protected override ValueTask DisposeFixturesAsync() => _db.DisposeAsync();
}
