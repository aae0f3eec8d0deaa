using System.Globalization;
using LiveOps.Core.Analytics;
using LiveOps.Core.Import;
using LiveOps.Core.Overview;
using LiveOps.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace LiveOps.Tests.Browser;

/// <summary>
/// Two dashboard instances on one PostgreSQL database, as behind a load balancer: the first seeds the demo shop on
/// start, both serve it, tokens protected by one are read by the other, and an import on one is seen by the other.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PostgresInstancesBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private string _database = "";
    private string _connectionString = "";
    private DashboardApp _first = default!;
    private DashboardApp _second = default!;

    public Task InitializeAsync()
    {
        (_database, _connectionString) = TestPostgres.CreateDatabase();
        var settings = new Dictionary<string, string?>
        {
            ["LiveOps:Database:Provider"] = "postgres",
            ["ConnectionStrings:LiveOps"] = _connectionString,
        };
        _first = DashboardApp.Start(demoData: true, settings);
        _second = DashboardApp.Start(demoData: false, settings);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task DemoShopOnPostgres_ShowsTheSameOverviewOnBothInstances()
    {
        var service = _second.Services.GetRequiredService<OverviewKpiService>();
        var report = await service.RunAsync(service.LastDays(DailyGmvQuery.DefaultDays));
        Assert.True(report.Current.PaidGmv > 100_000m, $"the demo shop sells: {report.Current.PaidGmv}");
        var gmv = "¥" + report.Current.PaidGmv.ToString("#,##0.00", CultureInfo.InvariantCulture);

        foreach (var app in new[] { _first, _second })
        {
            await using var page = await browser.NewPageAsync();
            await page.GotoAsync(app, "/");
            await Expect(page.Page.GetByTestId("kpi-paid-gmv-value")).ToHaveTextAsync(gmv);
            Assert.Empty(page.ConsoleErrors);
        }
    }

    [Fact]
    public void ATokenProtectedByOneInstance_IsReadByTheOther()
    {
        var token = _first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("LiveOps.Test").Protect("signed in");

        Assert.Equal("signed in", _second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("LiveOps.Test").Unprotect(token));
    }

    [Fact]
    public async Task AnImportOnOneInstance_IsSeenByTheOthersNextRead()
    {
        var store = _first.Services.GetRequiredService<PaidOrderStore>();
        var before = (await store.GetAsync()).OrderCount;
        using var csv = new MemoryStream("order_id,customer_id,placed_at,amount\nPG-1,new-buyer,2026-11-20 10:00,88\n"u8.ToArray());

        var result = await _second.Services.GetRequiredService<IImportService>().ImportAsync(ImportKind.Orders, csv);

        Assert.Equal(1, result.Added);
        Assert.Equal(before + 1, (await store.GetAsync()).OrderCount);
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        TestPostgres.DropDatabase(_database, _connectionString);
    }
}
