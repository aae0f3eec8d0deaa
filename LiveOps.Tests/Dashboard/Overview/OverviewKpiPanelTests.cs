using Bunit;
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
        Assert.Equal("/cohorts", cut.Find("[data-testid=kpi-repeat-rate-value]").GetAttribute("href"));
        Assert.Equal("/campaigns", cut.Find("[data-testid=kpi-campaigns-value]").GetAttribute("href"));
        // First orders m100 x50 (avg 75), repeat m300: +300%.
        Assert.Equal("¥300.00 vs ¥75.00", cut.Find("[data-testid=evidence-aov-value]").TextContent.Trim());
        Assert.Equal("+300.0%", cut.Find("[data-testid=evidence-aov-change]").TextContent.Trim());
        Assert.Equal("首单 2 笔，复购 1 笔", cut.Find("[data-testid=evidence-aov-sample]").TextContent.Trim());
        Assert.Equal("100.0% vs 0.0%", cut.Find("[data-testid=evidence-members-value]").TextContent.Trim());
        Assert.Equal("/cadence", cut.Find("[data-testid=evidence-fatigue-value]").GetAttribute("href"));
    }

    protected override ValueTask DisposeFixturesAsync() => _db.DisposeAsync();
}
