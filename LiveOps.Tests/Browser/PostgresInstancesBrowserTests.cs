using System.Globalization;
using LiveOps.Core.Accounts;
using LiveOps.Core.Store;
using LiveOps.Core.Overview;
using LiveOps.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace LiveOps.Tests.Browser;

/// <summary>
/// Two dashboard instances on one PostgreSQL database, as behind a load balancer: the first seeds the demo shop on
/// start, both serve it, tokens protected by one are read by the other, and an import from the command line is seen by both.
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
        _second = DashboardApp.Start(demoData: false, settings, user: Role.Lead); // users are shared: another email
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
    public async Task AnImportFromTheCommandLine_IsSeenByBothInstancesNextRead()
    {
        var stores = new[] { _first, _second }.Select(a => a.Services.GetRequiredService<SnapshotStore>()).ToList();
        var before = (await stores[0].GetAsync()).OrderCount;
        Assert.Equal(before, (await stores[1].GetAsync()).OrderCount);
        var csv = Path.Combine(Path.GetTempPath(), $"liveops-pg-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(csv, "order_id,customer_id,placed_at,amount\nPG-1,new-buyer,2026-11-20 10:00,88\n");

        var imported = await CliRunner.RunAsync(new Dictionary<string, string?> { ["LiveOps:Database:Provider"] = "postgres" },
            "import", "orders", csv, "--db", _connectionString);
        File.Delete(csv);

        Assert.True(imported.ExitCode == 0, imported.Error);
        Assert.Equal(before + 1, (await stores[0].GetAsync()).OrderCount);
        Assert.Equal(before + 1, (await stores[1].GetAsync()).OrderCount);
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        TestPostgres.DropDatabase(_database, _connectionString);
    }
}
