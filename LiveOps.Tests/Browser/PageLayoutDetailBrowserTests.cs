using LiveOps.Core.Accounts;
using LiveOps.Core.Actions;
using LiveOps.Core.Campaigns;
using LiveOps.Core.Common;
using LiveOps.Core.Data;
using LiveOps.Core.LiveSessions;
using LiveOps.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LiveOps.Tests.Browser;

/// <summary>
/// The detail, actions, data and admin pages in Chinese on a 1440×900 screen and a 390×844 phone: the name and the
/// figures a page exists for are inside the window without scrolling sideways, the page itself never scrolls
/// sideways, and no chart axis label overlaps another.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PageLayoutDetailBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private DashboardApp _app = default!;
    private string _campaign = "";
    private string _session = "";
    private string _audience = "";
    private int _action;
    private readonly string _folder = Directory.CreateTempSubdirectory("liveops-layout-").FullName;

    public async Task InitializeAsync()
    {
        _app = DashboardApp.Start(demoData: true, user: Role.Admin);
        _campaign = (await _app.Services.GetRequiredService<CampaignService>().RunAsync(new CampaignQuery())).Campaigns[0].CampaignId;
        _session = (await _app.Services.GetRequiredService<LiveSessionService>().RunAsync(new LiveSessionQuery())).Sessions[0].LiveSessionId;
        var factory = _app.Services.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        _audience = await db.Audiences.OrderBy(a => a.AudienceId).Select(a => a.AudienceId).FirstAsync();
        _action = await CreateActionAsync(await db.Customers.OrderBy(c => c.Id).Select(c => c.CustomerId).Take(40).ToListAsync());
    }

    [Theory]
    [InlineData(1440, 900)]
    [InlineData(390, 844)]
    public async Task Actions_NameRatesAndVerdict_InsideTheWindow(int width, int height)
    {
        await using var page = await OpenAsync(width, height, "/actions");
        var row = page.Page.Locator("[data-testid=actions-table] tr[data-action]").First;
        await Expect(row).ToContainTextAsync("升级冲刺");

        // Name, contacted rate, held-out rate and verdict.
        foreach (var i in new[] { 0, 4, 5, 7 })
        {
            await LayoutProbe.AssertInViewportAsync(page.Page, row.Locator("td").Nth(i), $"action cell {i} at {width}px");
        }
        await AssertNoSidewaysScrollAsync(page, width);
    }

    [Theory]
    [InlineData(1440, 900)]
    [InlineData(390, 844)]
    public async Task ActionDetail_GroupsEffectAndChart_InsideTheWindow_AndTheLabelsApart(int width, int height)
    {
        await using var page = await OpenAsync(width, height, $"/actions/{_action}");
        await Expect(page.Page.GetByTestId("contacted-buyers")).ToBeVisibleAsync();

        foreach (var cell in new[] { "action-verdict", "contacted-buyers", "holdout-buyers", "action-difference", "action-incremental-revenue" })
        {
            await LayoutProbe.AssertInViewportAsync(page.Page, page.Page.GetByTestId(cell), $"{cell} at {width}px");
        }
        await AssertNoSidewaysScrollAsync(page, width);
        await Expect(page.Page.Locator("[data-testid=action-daily-chart][data-chart-ready=true] svg.apexcharts-svg")).ToBeVisibleAsync();
        Assert.Empty(await LayoutProbe.OverlappingAxisLabelsAsync(page.Page));
    }

    [Theory]
    [InlineData(1440, 900)]
    [InlineData(390, 844)]
    public async Task Audit_WhenWhoWhatAndOutcome_InsideTheWindow(int width, int height)
    {
        await using var page = await OpenAsync(width, height, "/audit");
        var row = page.Page.GetByTestId("audit-entry").First;
        await Expect(row).ToBeVisibleAsync();

        await LayoutProbe.AssertInViewportAsync(page.Page, row.Locator("td").First, $"the time at {width}px");
        foreach (var cell in new[] { "audit-actor", "audit-action", "audit-outcome" })
        {
            await LayoutProbe.AssertInViewportAsync(page.Page, row.GetByTestId(cell), $"{cell} at {width}px");
        }
        await AssertNoSidewaysScrollAsync(page, width);
    }

    [Theory]
    [InlineData(1440, 900)]
    [InlineData(390, 844)]
    public async Task Data_KindColumnsAndProblemLines_InsideTheWindow(int width, int height)
    {
        var file = Path.Combine(_folder, $"orders-bad-{width}.csv");
        await File.WriteAllTextAsync(file, "order_id,customer_id,placed_at,amount\no1,c1,2026-11-03 20:15:00,129.90\no2,c2,2026-02-30 10:00:00,10\n");
        await using var page = await OpenAsync(width, height, "/data?kind=orders");
        var column = page.Page.Locator("[data-testid=kind-columns] tbody tr").First;
        await Expect(column).ToBeVisibleAsync();
        await LayoutProbe.AssertInViewportAsync(page.Page, column.Locator("td").First, $"the column name at {width}px");
        await LayoutProbe.AssertInViewportAsync(page.Page, column.Locator("td").Nth(1), $"required or not at {width}px");

        await page.Page.Locator("input[type=file]").SetInputFilesAsync(file);
        var problem = page.Page.GetByTestId("problem").First;
        await Expect(problem).ToContainTextAsync("3");
        foreach (var i in new[] { 0, 1, 2 })
        {
            await LayoutProbe.AssertInViewportAsync(page.Page, problem.Locator("td").Nth(i), $"problem cell {i} at {width}px");
        }
        await AssertNoSidewaysScrollAsync(page, width);
    }

    [Theory]
    [InlineData(1440, 900)]
    [InlineData(390, 844)]
    public async Task Users_EmailRoleAndStatus_InsideTheWindow(int width, int height)
    {
        await using var page = await OpenAsync(width, height, "/admin/users");
        var row = page.Page.Locator("[data-testid=users] tbody tr").First;
        await Expect(row).ToBeVisibleAsync();

        await LayoutProbe.AssertInViewportAsync(page.Page, row.Locator("td").First, $"the e-mail at {width}px");
        foreach (var cell in new[] { "role", "status" })
        {
            await LayoutProbe.AssertInViewportAsync(page.Page, row.GetByTestId(cell), $"{cell} at {width}px");
        }
        await AssertNoSidewaysScrollAsync(page, width);
    }

    [Theory]
    [InlineData(1440, 900)]
    [InlineData(390, 844)]
    public async Task CampaignDetail_KpisInsideTheWindow_AndTheChartsLabelsApart(int width, int height)
    {
        await using var page = await OpenAsync(width, height, $"/campaigns/{Uri.EscapeDataString(_campaign)}");
        await Expect(page.Page.GetByTestId("campaign-kpis")).ToBeVisibleAsync();

        foreach (var kpi in new[] { "kpi-buyers", "kpi-revenue", "kpi-roi", "kpi-repeat" })
        {
            await LayoutProbe.AssertInViewportAsync(page.Page, page.Page.GetByTestId(kpi), $"{kpi} at {width}px");
        }
        await AssertNoSidewaysScrollAsync(page, width);
        await Expect(page.Page.Locator("[data-testid=campaign-daily][data-chart-ready=true] svg.apexcharts-svg")).ToBeVisibleAsync();
        Assert.Empty(await LayoutProbe.OverlappingAxisLabelsAsync(page.Page));
    }

    [Theory]
    [InlineData(1440, 900)]
    [InlineData(390, 844)]
    public async Task LiveSessionDetail_MeasureValueAndStanding_InsideTheWindow_AndTheChartsLabelsApart(int width, int height)
    {
        await using var page = await OpenAsync(width, height, $"/live-sessions/{Uri.EscapeDataString(_session)}");
        var row = page.Page.Locator("[data-testid=live-session-measures] tbody tr").First;
        await Expect(row).ToBeVisibleAsync();

        // On a phone the median and top quartile give way to the standing chip that sums them up.
        foreach (var cell in new[] { "td:first-child", "td:nth-child(2)", "td:last-child" })
        {
            await LayoutProbe.AssertInViewportAsync(page.Page, row.Locator(cell), $"measure {cell} at {width}px");
        }
        await AssertNoSidewaysScrollAsync(page, width);
        await Expect(page.Page.Locator("[data-testid=live-session-comparison][data-chart-ready=true] svg.apexcharts-svg")).ToBeVisibleAsync();
        await Expect(page.Page.Locator("[data-testid=invite-minutes-chart][data-chart-ready=true] svg.apexcharts-svg")).ToBeVisibleAsync();
        // The minute axis keeps one label per ~80 px of its width, whatever the broadcast's length.
        var minutes = await LayoutProbe.AxisLabelsAsync(page.Page, "invite-minutes-chart", 'x');
        Assert.All(minutes, l => Assert.Matches(@"^\d{1,3}$", l));
        Assert.InRange(minutes.Count, 2, width / 64);
        Assert.Empty(await LayoutProbe.OverlappingAxisLabelsAsync(page.Page));
    }

    [Theory]
    [InlineData(1440, 900)]
    [InlineData(390, 844)]
    public async Task CadenceAudience_WeekPushesAndLeaveRate_InsideTheWindow_AndTheTimelinesLabelsApart(int width, int height)
    {
        await using var page = await OpenAsync(width, height, $"/cadence/{Uri.EscapeDataString(_audience)}");
        var row = page.Page.Locator("[data-testid=audience-weeks] tbody tr").First;
        await Expect(row).ToBeVisibleAsync();

        foreach (var i in new[] { 0, 1, 4 })
        {
            await LayoutProbe.AssertInViewportAsync(page.Page, row.Locator("td").Nth(i), $"week cell {i} at {width}px");
        }
        await AssertNoSidewaysScrollAsync(page, width);
        await Expect(page.Page.Locator("[data-testid=cadence-timeline][data-chart-ready=true] svg.apexcharts-svg")).ToBeVisibleAsync();
        // Columns get a label each from the chart library; the module keeps every n-th so they fit the width.
        var weeks = await LayoutProbe.AxisLabelsAsync(page.Page, "cadence-timeline", 'x');
        Assert.All(weeks, l => Assert.Matches(@"^第\d{1,2}周$", l));
        Assert.InRange(weeks.Count, 2, width / 64);
        Assert.Empty(await LayoutProbe.OverlappingAxisLabelsAsync(page.Page));
    }

    private async Task<BrowserPage> OpenAsync(int width, int height, string path)
    {
        var page = await browser.NewPageAsync();
        await page.Page.SetViewportSizeAsync(width, height);
        await page.GotoAsync(_app, path);
        return page;
    }

    private static async Task AssertNoSidewaysScrollAsync(BrowserPage page, int width)
    {
        var scrollWidth = await page.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"the page is {scrollWidth}px wide in a {width}px window");
    }

    private async Task<int> CreateActionAsync(IReadOnlyList<string> customerIds)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(_app.DefaultEmail) ?? throw new InvalidOperationException("no default user");
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        var http = _app.Services.GetRequiredService<IHttpContextAccessor>();
        http.HttpContext = new DefaultHttpContext { User = principal, RequestServices = scope.ServiceProvider };
        try
        {
            var clock = _app.Services.GetRequiredService<ZoneClock>();
            var result = await _app.Services.GetRequiredService<ActionService>().CreateAsync(new ActionDraft("升级冲刺",
                [.. customerIds.Select(id => new ActionMemberInput(id))], StartsAt: clock.UtcNow.AddDays(-7), WindowDays: 14));
            return result.Action?.Id ?? throw new InvalidOperationException(string.Join("; ", result.Problems));
        }
        finally
        {
            http.HttpContext = null;
        }
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
