using LiveOps.Core.Data;
using LiveOps.Tests.Core.PushCadence;
using LiveOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Microsoft.Playwright.Assertions;

namespace LiveOps.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class CadenceBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private DashboardApp _app = default!;

    public async Task InitializeAsync()
    {
        var clock = new FakeTimeProvider(CadenceFixture.At("2026-11-24T12:00:00"));
        _app = DashboardApp.Start(demoData: false, services: s => s.AddSingleton<TimeProvider>(clock));
        var factory = _app.Services.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>();
        await new CadenceFixture(factory.CreateDbContext).Audience("g1", "粉丝群1").Audience("g2", "老客群")
            .Promotions("g1", "2026-11-20T20:00:00", "2026-11-22T20:00:00", "2026-11-23T20:00:00")
            .Promotions("g2", "2026-11-17T20:00:00", "2026-11-19T20:00:00")
            .SaveAsync();
    }

    [Fact]
    public async Task PlanAPush_ShowsOverLimitVerdict_ThenThePlanInTheGrid()
    {
        await using var page = await browser.NewPageAsync();
        await page.GotoAsync(_app, "/cadence");
        var g1Now = page.Page.Locator("tr[data-audience='g1'] [data-week='2026-W48']");
        await Expect(g1Now).ToHaveAttributeAsync("data-status", "partial");

        await page.Page.GetByTestId("plan-open").ClickAsync();
        await page.Page.GetByText("粉丝群1 (g1)").ClickAsync();
        await page.Page.Locator("[data-testid='plan-time'] input").FillAsync("2026-11-25 20:00");
        await page.Page.GetByTestId("plan-check").ClickAsync();

        var verdict = page.Page.Locator("[data-testid='verdict'][data-audience='g1']");
        await Expect(verdict).ToHaveAttributeAsync("data-verdict", "OverMaximum");
        await Expect(verdict).ToContainTextAsync("超过上限（每周最多 3 次）");

        await page.Page.GetByTestId("plan-save").ClickAsync();

        await Expect(g1Now.GetByTestId("grid-planned")).ToHaveTextAsync("+1 计划");
        // Planned, not sent: the week still counts only the push sent on Monday.
        await Expect(g1Now.GetByTestId("grid-count")).ToHaveTextAsync("1");
        Assert.Empty(page.ConsoleErrors);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
