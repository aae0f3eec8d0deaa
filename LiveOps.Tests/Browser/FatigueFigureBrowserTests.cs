using LiveOps.Core.Data;
using LiveOps.Core.Data.Entities;
using LiveOps.Tests.Core.PushCadence;
using LiveOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Microsoft.Playwright.Assertions;

namespace LiveOps.Tests.Browser;

/// <summary>
/// The Overview and the push cadence page show one fatigue figure over the same completed weeks, and say which;
/// the clock stands at Tue 2026-11-24 12:00 (2026-W48), so the weeks are 2026-W36 … 2026-W47.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FatigueFigureBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private DashboardApp _app = default!;

    public async Task InitializeAsync()
    {
        var clock = new FakeTimeProvider(CadenceFixture.At("2026-11-24T12:00:00"));
        _app = DashboardApp.Start(demoData: false, services: s => s.AddSingleton<TimeProvider>(clock));
        var factory = _app.Services.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>();
        // Over-pushed 2026-W42 (4 promotions, 2 leaves within 48 h of 103 members): 1.9%; within the guideline
        // 2026-W46 (2 promotions, 1 leave of 101 members): 1.0%. W42 lies outside the Overview's default 30 days
        // and the cadence grid's 8 weeks; it is inside the 12 completed weeks both pages now use.
        await new CadenceFixture(factory.CreateDbContext).Audience("f1", "疲劳群", members: 100)
            .Promotions("f1", "2026-10-12T10:00:00", "2026-10-13T10:00:00", "2026-10-14T10:00:00", "2026-10-15T10:00:00")
            .Promotions("f1", "2026-11-10T10:00:00", "2026-11-12T10:00:00")
            .Event("f1", "c1", "2026-10-13T12:00:00", AudienceEventType.Left)
            .Event("f1", "c2", "2026-10-14T12:00:00", AudienceEventType.Left)
            .Event("f1", "c3", "2026-11-12T20:00:00", AudienceEventType.Left)
            .SaveAsync();
        // The Overview shows its evidence once the range has orders.
        await new LiveOps.Tests.Core.Cohorts.ShopFixture(_app.Services).Order("b1", "2026-11-20 10:00:00", 99m).SaveAsync();
    }

    [Fact]
    public async Task OverviewAndCadencePage_ShowTheSameLeaveRates_ForTheSameWeeks()
    {
        await using var page = await browser.NewPageAsync();
        await page.GotoAsync(_app, "/cadence");
        await Expect(page.Page.GetByTestId("leave-rate-over")).ToHaveTextAsync("1.9%");
        await Expect(page.Page.GetByTestId("leave-rate-ok")).ToHaveTextAsync("1.0%");
        await Expect(page.Page.GetByTestId("fatigue-window")).ToHaveTextAsync("统计 2026-W36 至 2026-W47（12 个已结束的周，与总览相同）");

        await page.GotoAsync(_app, "/");
        await Expect(page.Page.GetByTestId("evidence-fatigue-value")).ToHaveTextAsync("1.9% vs 1.0%");
        await Expect(page.Page.GetByTestId("evidence-fatigue-sample")).ToHaveTextAsync("过多 1 周，合规 1 周 · 2026-W36 至 2026-W47（12 个已结束的周）");
        Assert.Empty(page.ConsoleErrors);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
