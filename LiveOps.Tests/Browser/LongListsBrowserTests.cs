using System.Text;
using System.Text.RegularExpressions;
using LiveOps.Core.Data;
using LiveOps.Core.Data.Entities;
using LiveOps.Core.Tiers;
using LiveOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LiveOps.Tests.Browser;

/// <summary>
/// Lists of thousands of rows in a real browser: only about a screenful of rows is in the page, scrolling the table
/// to its end brings the last row in, and the page stays live (it answers a click afterwards).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LongListsBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private const int Rows = 5_000;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "liveops-uploads", Guid.NewGuid().ToString("N"));
    private DashboardApp _app = default!;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _app = DashboardApp.Start(demoData: false);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task FiveThousandImportProblems_OnlyAScreenfulIsInThePage_AndTheLastLineIsReachedByScrolling()
    {
        var csv = new StringBuilder("order_id,customer_id,placed_at,amount\n");
        for (var i = 1; i <= Rows; i++)
        {
            csv.Append($"o{i},c{i},2026-11-03 20:15:00,-{i}\n"); // every amount negative: one problem per line
        }
        var file = Path.Combine(_folder, "orders-bad.csv");
        await File.WriteAllTextAsync(file, csv.ToString());
        await using var page = await browser.NewPageAsync();
        var p = page.Page;
        await page.GotoAsync(_app, "/data?kind=orders");

        await p.Locator("input[type=file]").SetInputFilesAsync(file);

        var problems = p.GetByTestId("problem");
        await Expect(problems.First).ToHaveAttributeAsync("title", new Regex("^第 2 行：amount："));
        var inPage = await problems.CountAsync();
        Assert.InRange(inPage, 10, 199);
        var container = p.Locator("[data-testid=import-problems] .mud-table-container");
        var lastLine = $"第 {Rows + 1} 行：amount：";
        await ScrollToEndAsync(container);
        await Expect(p.Locator($"[data-testid=problem][title^='{lastLine}']")).ToBeVisibleAsync();
        Assert.InRange(await problems.CountAsync(), 10, 199);
        // The header stays at the top of the scrolled table, above the last rows.
        var headerOffset = await container.EvaluateAsync<double>("el => el.querySelector('thead th').getBoundingClientRect().top - el.getBoundingClientRect().top");
        Assert.InRange(headerOffset, -1, 1);
        Assert.True(await container.EvaluateAsync<bool>("el => el.scrollTop > 100000"), "the table scrolled inside its own area");

        // Live: the page still answers the person.
        await p.GetByTestId("kind-customers").ClickAsync();
        await Expect(p.GetByTestId("upload-button")).ToContainTextAsync("customers");
        Assert.Equal(0, await CountAsync(db => db.Orders.CountAsync()));
        Assert.Empty(page.ConsoleErrors);
    }

    [Fact]
    public async Task FiveThousandUpgradeCandidates_OnlyAScreenfulIsInThePage_AndTheLastCustomerIsReachedByScrolling()
    {
        await PlantNearSilverAsync();
        var clock = _app.Services.GetRequiredService<TimeProvider>();
        var watch = await _app.Services.GetRequiredService<TierWatchService>().RunAsync(new TierWatchQuery(clock.GetUtcNow()));
        Assert.Equal(Rows, watch.Upgrades.Count);
        await using var page = await browser.NewPageAsync();
        var p = page.Page;
        await page.GotoAsync(_app, "/tiers");

        var rows = p.GetByTestId("upgrade-row");
        await Expect(rows.First).ToHaveAttributeAsync("data-customer", watch.Upgrades[0].CustomerId);
        Assert.InRange(await rows.CountAsync(), 10, 199);
        var container = p.Locator("[data-testid=upgrade-table] .mud-table-container");
        await ScrollToEndAsync(container);
        await Expect(p.Locator($"[data-testid=upgrade-row][data-customer='{watch.Upgrades[^1].CustomerId}']")).ToBeVisibleAsync();
        Assert.True(await container.EvaluateAsync<bool>("el => el.scrollTop > 100000"), "the table scrolled inside its own area");
        Assert.InRange(await rows.CountAsync(), 10, 199);

        // Live: the rule editor still answers.
        await p.Locator("[data-testid='rule-1-spend'] input").FillAsync("1200");
        await p.GetByTestId("simulate").ClickAsync();
        await Expect(p.GetByTestId("sim-moved")).ToBeVisibleAsync();
        Assert.Empty(page.ConsoleErrors);
    }

    [Fact]
    public async Task ThreeThousandLiveSessions_OnlyAScreenfulIsInThePage_SortingStillWorks_AndTheLastIsReachedByScrolling()
    {
        const int sessions = 3_000;
        var factory = _app.Services.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            var start = new DateTimeOffset(2026, 1, 1, 20, 0, 0, TimeSpan.FromHours(8));
            db.Set<LiveSession>().AddRange(Enumerable.Range(0, sessions).Select(i => new LiveSession
            {
                LiveSessionId = $"ls{i:D4}", StartedAt = start.AddHours(2 * i), Viewers = 100 + i,
            }));
            await db.SaveChangesAsync();
        }
        var report = await _app.Services.GetRequiredService<LiveOps.Core.LiveSessions.LiveSessionService>().RunAsync(new LiveOps.Core.LiveSessions.LiveSessionQuery());
        Assert.Equal(sessions, report.Sessions.Count);
        await using var page = await browser.NewPageAsync();
        var p = page.Page;
        await page.GotoAsync(_app, "/live-sessions");

        var rows = p.Locator("tr.live-session-row");
        await Expect(rows.First.GetByTestId("session-name")).ToContainTextAsync(report.Sessions[0].LiveSessionId);
        Assert.InRange(await rows.CountAsync(), 10, 199);
        var container = p.Locator("[data-testid=live-session-table] .mud-table-container");
        await ScrollToEndAsync(container);
        await Expect(rows.GetByTestId("session-name").Filter(new() { HasText = report.Sessions[^1].LiveSessionId })).ToBeVisibleAsync();
        Assert.InRange(await rows.CountAsync(), 10, 199);

        // Sorting by start time, twice (newest first), over all 3,000 rows; the page is live throughout.
        await container.EvaluateAsync("el => el.scrollTop = 0");
        await p.GetByTestId("sort-started").ClickAsync();
        await p.GetByTestId("sort-started").ClickAsync();
        await Expect(rows.First.GetByTestId("session-name")).ToContainTextAsync($"ls{sessions - 1:D4}");
        Assert.InRange(await rows.CountAsync(), 10, 199);
        Assert.Empty(page.ConsoleErrors);
    }

    /// <summary>
    /// Scrolls the table's own scroll area to its end, as a person dragging the bar would; rows measured on the way
    /// change the total height, so the end is asked for again until the area stops growing.
    /// </summary>
    private static async Task ScrollToEndAsync(ILocator container)
    {
        await container.EvaluateAsync("""
            async el => {
              let last = -1;
              while (el.scrollHeight !== last) {
                last = el.scrollHeight;
                el.scrollTop = el.scrollHeight;
                await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
              }
            }
            """);
    }

    /// <summary>Customers between ¥1,700 and ¥1,950 in the last 12 months: each a step short of the next tier (¥2,000).</summary>
    private async Task PlantNearSilverAsync()
    {
        var factory = _app.Services.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var customers = Enumerable.Range(0, Rows).Select(i => new Customer { CustomerId = $"u{i:D4}" }).ToList();
        db.Customers.AddRange(customers);
        await db.SaveChangesAsync();
        var tenDaysAgo = _app.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(-10);
        db.Orders.AddRange(customers.Select((c, i) => new Order
        {
            OrderId = $"o{i:D4}", CustomerKey = c.Id, PlacedAt = tenDaysAgo, Amount = 1700m + i * 0.05m, Status = OrderStatus.Paid,
        }));
        await db.SaveChangesAsync();
    }

    private async Task<T> CountAsync<T>(Func<LiveOpsDbContext, Task<T>> count)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>().CreateDbContextAsync();
        return await count(db);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
