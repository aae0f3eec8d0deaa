using Bunit;
using LiveOps.Core.Data.Entities;
using LiveOps.Core.Overview;
using LiveOps.Dashboard.Components.Pages.Overview;
using LiveOps.Tests.Dashboard.Shell;
using LiveOps.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace LiveOps.Tests.Dashboard.Overview;

public sealed class OverviewPageTests : ShellContext
{
    private readonly TestDatabase _db = new();
    private readonly BunitJSModuleInterop _chart;

    public OverviewPageTests()
    {
        Services.AddSingleton(_db.Get<DailyGmvService>());
        Services.AddSingleton(_db.Get<OverviewKpiService>());
        Services.AddSingleton(_db.Get<LiveOps.Core.PushCadence.CadenceService>());
        Services.AddSingleton(_db.Get<LiveOps.Core.Value.ValueService>());
        _chart = JSInterop.SetupModule("./Components/Charts/ApexChart.razor.js");
        _chart.SetupModule(invocation => invocation.Identifier == "create");
    }

    [Fact]
    public void NoOrders_ShowsTheEmptyState_AndNoChart()
    {
        var cut = Render<OverviewPage>();

        cut.WaitForAssertion(() => Assert.Contains("2026-08-27 至 2026-11-24 没有已支付订单", cut.Find("[data-testid=overview-empty]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=gmv-chart]"));
        Assert.Empty(_chart.Invocations["create"]);
    }

    [Fact]
    public void Prerender_ShowsLoading_WithoutQuerying()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = Render<OverviewPage>();

        Assert.Contains("加载中", cut.Find("[data-testid=overview-loading]").TextContent);
    }

    [Fact]
    public async Task Orders_ShowKpisForTheRange_AndDrawTheDailyChart()
    {
        await AddPaidOrdersAsync(
            ("o1", "c1", new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(8)), 100.10m),
            ("o2", "c2", new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(8)), 50m),
            ("o3", "c1", new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.FromHours(8)), 1000m));

        var cut = Render<OverviewPage>();

        cut.WaitForAssertion(() => Assert.Equal("¥1,150.10", cut.Find("[data-testid=kpi-gmv-value]").TextContent));
        Assert.Equal("3", cut.Find("[data-testid=kpi-orders-value]").TextContent);
        Assert.Equal("2", cut.Find("[data-testid=kpi-buyers-value]").TextContent);
        Assert.Contains("2026-08-27 至 2026-11-24", cut.Markup);
        // Three charts: the daily GMV area, and the KPI panel's new/returning split and weekly joins.
        var options = _chart.VerifyInvoke("create", 3).Select(i => (string)i.Arguments[1]!).Single(o => o.Contains("\"type\":\"area\""));
        Assert.Contains("\"2026-11-24\"", options);
        Assert.Contains("\"data\":[", options);
    }

    [Fact]
    public async Task Last30Days_LeavesOutOlderOrders()
    {
        await AddPaidOrdersAsync(
            ("o1", "c1", new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(8)), 100.10m),
            ("o3", "c1", new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.FromHours(8)), 1000m));
        var cut = Render<OverviewPage>();
        cut.WaitForElement("[data-testid=kpi-gmv-value]");

        cut.Find("[data-testid=range-30]").Click();

        cut.WaitForAssertion(() => Assert.Equal("¥100.10", cut.Find("[data-testid=kpi-gmv-value]").TextContent));
        Assert.Contains("2026-10-26 至 2026-11-24", cut.Markup);
        Assert.Equal("1", cut.Find("[data-testid=kpi-orders-value]").TextContent);
    }

    [Fact]
    public async Task CustomRangeInTheUrl_ShowsThatRange_AndTheDownloadsCarryTheSameRange()
    {
        await AddPaidOrdersAsync(
            ("o1", "c1", new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(8)), 100.10m),
            ("o3", "c1", new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.FromHours(8)), 1000m));
        Services.GetRequiredService<NavigationManager>().NavigateTo("/?from=2026-09-01&to=2026-09-02");

        var cut = Render<OverviewPage>();

        cut.WaitForAssertion(() => Assert.Equal("¥1,000.00", cut.Find("[data-testid=kpi-gmv-value]").TextContent));
        Assert.Contains("2026-09-01 至 2026-09-01", cut.Markup);
        Assert.Equal("/export/overview.csv?from=2026-09-01&to=2026-09-02", cut.Find("[data-testid=overview-export-csv]").GetAttribute("href"));
        Assert.DoesNotContain("mud-button-filled", cut.Find("[data-testid=range-90]").ClassName);
    }

    [Fact]
    public void ReversedRangeInTheUrl_SaysWhatIsWrong()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/?from=2026-09-05&to=2026-09-01");

        var cut = Render<OverviewPage>();

        Assert.Contains("时间范围无效", cut.Find("[data-testid=overview-range-problem]").TextContent);
    }

    private async Task AddPaidOrdersAsync(params (string OrderId, string CustomerId, DateTimeOffset PlacedAt, decimal Amount)[] orders)
    {
        await using var context = _db.NewContext();
        var customers = orders.Select(o => o.CustomerId).Distinct().ToDictionary(id => id, id => new Customer { CustomerId = id });
        context.Customers.AddRange(customers.Values);
        await context.SaveChangesAsync();
        context.Orders.AddRange(orders.Select(o => new Order
        {
            OrderId = o.OrderId,
            CustomerKey = customers[o.CustomerId].Id,
            PlacedAt = o.PlacedAt,
            Amount = o.Amount,
            Status = OrderStatus.Paid,
        }));
        await context.SaveChangesAsync();
    }

    protected override ValueTask DisposeFixturesAsync() => _db.DisposeAsync();
}
