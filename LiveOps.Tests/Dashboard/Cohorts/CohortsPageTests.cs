using System.Globalization;
using Bunit;
using LiveOps.Core.Cohorts;
using LiveOps.Core.Common;
using LiveOps.Dashboard;
using LiveOps.Dashboard.Components.Pages.Cohorts;
using LiveOps.Tests.Core.Cohorts;
using LiveOps.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace LiveOps.Tests.Dashboard.Cohorts;

/// <summary>The cohorts page's states over the real service, with a gate that holds the report back for the loading state.</summary>
public sealed class CohortsPageTests : BunitContext, IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private readonly GatedCohortService _service;
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    public CohortsPageTests()
    {
        _service = new GatedCohortService(_db.Get<ICohortService>());
        JSInterop.Mode = JSRuntimeMode.Loose;
        JSInterop.SetupModule("./Components/Charts/ApexChart.razor.js").Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddSingleton(_db.Clock);
        Services.AddScoped<Formatting>();
        Services.AddSingleton<ICohortService>(_service);
        this.SignInAs(LiveOps.Core.Accounts.Role.Lead, "lead@liveops.test");
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        UseCulture("zh-CN");
    }

    public async Task InitializeAsync() => await new ShopFixture(_db)
        .Order("c1", "2026-02-05 10:00:00", 100m)
        .Order("c1", "2026-03-02 10:00:00", 60.5m)
        .Order("c2", "2026-02-20 12:00:00", 80m)
        .SaveAsync();

    private static void UseCulture(string name)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(name);
    }

    private IRenderedComponent<CohortsPage> RenderAt(string url)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        Render<MudPopoverProvider>();
        return Render<CohortsPage>();
    }

    [Fact]
    public void WhileTheServiceComputes_ShowsLoading_ThenTheMatrix()
    {
        _service.Hold();
        var page = RenderAt("/cohorts");

        Assert.Contains("正在计算分群", page.Find("[data-testid=cohorts-loading]").TextContent);

        _service.Release();
        page.WaitForAssertion(() => Assert.Equal("50.0%", page.Find("[data-testid='cell-all-2026-02-1']").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=cohorts-loading]"));
    }

    [Fact]
    public void WithData_ShowsKpisMatrixAndAverageRow()
    {
        var page = RenderAt("/cohorts");

        page.WaitForAssertion(() => page.Find("[data-testid=cohort-matrix]"));
        Assert.Equal("100.0%", page.Find("[data-testid='cell-all-2026-02-0']").TextContent.Trim());
        Assert.Contains("50.0%", page.Find("[data-testid=kpi-repeat-rate]").TextContent);
        Assert.Contains("25.0", page.Find("[data-testid=kpi-median-days]").TextContent);
        Assert.Contains("¥90.00", page.Find("[data-testid=kpi-aov-first]").TextContent);
        Assert.Contains("第 1 期", page.Find("[data-testid='cell-all-2026-02-1']").GetAttribute("title"));
        Assert.Contains("1/2", page.Find("[data-testid='cell-all-2026-02-1']").GetAttribute("title"));
    }

    [Fact]
    public void QueryString_SelectsCountsMetric()
    {
        var page = RenderAt("/cohorts?metric=customers&mode=cumulative");

        page.WaitForAssertion(() => Assert.Equal("2", page.Find("[data-testid='cell-all-2026-02-0']").TextContent.Trim()));
        Assert.Equal("1", page.Find("[data-testid='cell-all-2026-02-1']").TextContent.Trim());
    }

    [Fact]
    public void Prerendering_ShowsLoading_WithoutComputing()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        _service.Hold();

        var page = RenderAt("/cohorts");

        Assert.Contains("正在计算分群", page.Find("[data-testid=cohorts-loading]").TextContent);
        Assert.Equal(0, _service.Calls);
    }

    [Fact]
    public void NoPaidOrdersInRange_ShowsEmptyState()
    {
        var page = RenderAt("/cohorts?from=2027-01-01");

        page.WaitForAssertion(() => Assert.Contains("所选范围内没有已支付订单", page.Find("[data-testid=cohorts-empty]").TextContent));
    }

    [Fact]
    public void ChoosingWeekly_PutsThePeriodInTheUrl()
    {
        var page = RenderAt("/cohorts?metric=orders");
        page.WaitForAssertion(() => page.Find("[data-testid=cohort-matrix]"));

        page.Find("[data-testid=period-week]").Click();

        Assert.EndsWith("/cohorts?period=week&metric=orders", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void ClickingACell_ListsItsCustomers_WithAnExportLink()
    {
        var page = RenderAt("/cohorts");
        page.WaitForAssertion(() => page.Find("[data-testid='cell-all-2026-02-1']"));

        page.Find("[data-testid='cell-all-2026-02-1']").Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=customer-row]")));
        Assert.Contains("c1", page.Find("[data-testid=customer-row]").TextContent);
        Assert.Contains("共 1 位", page.Find("[data-testid=customers-total]").TextContent);
        Assert.Equal("/export/cohorts/customers.csv?group=all&cohort=2026-02&offset=1",
            page.Find("[data-testid=customers-export]").GetAttribute("href"));
    }

    [Fact]
    public async Task ManyCohorts_ShowsTheLatest24PerGroup_AndSaysHowManyAreHidden()
    {
        var shop = new ShopFixture(_db);
        for (var m = 0; m < 26; m++)
        {
            var month = new DateOnly(2023, 12, 1).AddMonths(m);
            shop.Order($"early{m}", $"{month:yyyy-MM}-10 10:00:00", 10m);
        }
        await shop.SaveAsync();

        var page = RenderAt("/cohorts");

        page.WaitForAssertion(() => Assert.Contains("另有 3 个较早的分群未显示", page.Find("[data-testid=rows-hidden]").TextContent));
        Assert.Equal(24, page.FindAll("tr[data-testid^=row-all-]").Count);
        Assert.Empty(page.FindAll("[data-testid='row-all-2024-02']"));
        Assert.Single(page.FindAll("[data-testid='row-all-2024-03']"));
        // Offsets 0..24: the oldest cohort shown (2024-03) through the last period (2026-03).
        Assert.Equal(25 + 2, page.FindAll("[data-testid=cohort-matrix] thead th").Count);
    }

    [Fact]
    public void InEnglish_ShowsEnglishLabels()
    {
        UseCulture("en");
        var page = RenderAt("/cohorts");

        page.WaitForAssertion(() => Assert.Contains("Repeat rate", page.Find("[data-testid=kpi-repeat-rate]").TextContent));
        Assert.Contains("Click a cell to see the customers behind it", page.Find("[data-testid=cohort-matrix]").TextContent);
    }

    public new async Task DisposeAsync()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
        await base.DisposeAsync();
        await _db.DisposeAsync();
    }

    /// <summary>Passes calls through, optionally holding reports back until released.</summary>
    private sealed class GatedCohortService(ICohortService inner) : ICohortService
    {
        private TaskCompletionSource _gate = CompletedGate();

        public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _gate.TrySetResult();

        public int Calls { get; private set; }

        public async Task<CohortReport> RunAsync(CohortQuery query, CancellationToken ct = default)
        {
            Calls++;
            await _gate.Task;
            return await inner.RunAsync(query, ct);
        }

        public Task<CohortCustomersPage> CustomersAsync(CohortCellQuery query, CancellationToken ct = default) => inner.CustomersAsync(query, ct);

        private static TaskCompletionSource CompletedGate()
        {
            var gate = new TaskCompletionSource();
            gate.SetResult();
            return gate;
        }
    }
}
