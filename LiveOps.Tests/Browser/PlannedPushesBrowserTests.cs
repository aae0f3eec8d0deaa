using LiveOps.Core.Data;
using LiveOps.Core.PushCadence;
using LiveOps.Tests.Core.PushCadence;
using LiveOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Microsoft.Playwright.Assertions;

namespace LiveOps.Tests.Browser;

/// <summary>The planned pushes of one audience on its page, in Chinese; the clock stands at Tue 2026-11-24 12:00.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PlannedPushesBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private DashboardApp _app = default!;

    public async Task InitializeAsync()
    {
        var clock = new FakeTimeProvider(CadenceFixture.At("2026-11-24T12:00:00"));
        _app = DashboardApp.Start(demoData: false, services: s => s.AddSingleton<TimeProvider>(clock));
        var factory = _app.Services.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>();
        await new CadenceFixture(factory.CreateDbContext).Audience("g1", "粉丝群1")
            .Promotions("g1", "2026-11-23T20:00:00")
            .Planned("g1", "2026-11-27T20:00:00", "周五秒杀")
            .SaveAsync();
    }

    [Fact]
    public async Task EditAPlan_ThePastIsRefusedInChinese_ThenMoved_ThenCancelled()
    {
        await using var page = await browser.NewPageAsync();
        await page.GotoAsync(_app, "/cadence/g1");
        var plan = page.Page.GetByTestId("planned-push");
        await Expect(plan.GetByTestId("planned-time")).ToHaveTextAsync("2026-11-27 20:00");
        await Expect(plan.GetByTestId("planned-title")).ToHaveTextAsync("周五秒杀");

        await plan.GetByTestId("planned-edit").ClickAsync();
        var time = page.Page.Locator("[data-testid='planned-edit-time'] input");
        await time.FillAsync("2026-11-20 20:00");
        await page.Page.GetByTestId("planned-edit-save").ClickAsync();

        await Expect(page.Page.GetByTestId("planned-error")).ToHaveTextAsync("计划时间 2026-11-20 20:00 已经过去，请选一个将来的时间");
        await Expect(time).ToHaveValueAsync("2026-11-20 20:00");

        await time.FillAsync("2026-12-02 21:00");
        await page.Page.GetByTestId("planned-edit-save").ClickAsync();

        await Expect(plan.GetByTestId("planned-time")).ToHaveTextAsync("2026-12-02 21:00");
        await Expect(page.Page.GetByTestId("planned-error")).ToHaveCountAsync(0);
        // The plan moved out of this week: the week row no longer marks it.
        await Expect(page.Page.Locator("[data-testid='audience-weeks'] tr[data-week='2026-W48']")).Not.ToContainTextAsync("计划");

        await plan.GetByTestId("planned-cancel").ClickAsync();

        await Expect(page.Page.GetByTestId("planned-empty")).ToContainTextAsync("这个人群还没有已计划的推送");
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await db.Set<PlannedPush>().CountAsync());
        Assert.Empty(page.ConsoleErrors);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
