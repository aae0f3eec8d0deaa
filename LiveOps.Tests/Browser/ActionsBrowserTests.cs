using System.Globalization;
using System.Text;
using LiveOps.Core.Actions;
using LiveOps.Core.Common;
using LiveOps.Core.Data;
using LiveOps.Core.Data.Entities;
using LiveOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace LiveOps.Tests.Browser;

/// <summary>From a list on the tiers page to a measured action, in Chinese, as an operator does it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ActionsBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "liveops-tests", Guid.NewGuid().ToString("N"));
    private DashboardApp _app = default!;
    private DateOnly _today;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _app = DashboardApp.Start(demoData: false);
        var clock = _app.Services.GetRequiredService<ZoneClock>();
        _today = clock.LocalDate(clock.UtcNow);
        var factory = _app.Services.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        // Twenty customers ¥300 short of silver: the near-next-tier list. Ten of them bought in the 14 days before
        // the action will start (a week ago), ten a month ago: a baseline buying rate of 50%.
        var customers = Enumerable.Range(1, 20).Select(i => new Customer { CustomerId = $"u{i:00}", Nickname = i == 1 ? "=HYPERLINK(\"x\")" : $"客户{i}" }).ToList();
        db.Customers.AddRange(customers);
        await db.SaveChangesAsync();
        db.Orders.AddRange(customers.Select((c, i) => new Order
        {
            OrderId = $"t{i}",
            CustomerKey = c.Id,
            PlacedAt = clock.StartOfDay(_today.AddDays(i < 10 ? -10 : -30)).AddHours(12),
            Amount = 1700m,
            Status = OrderStatus.Paid,
        }));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task FromTheNearNextTierList_CreateWith20PercentHoldout_DownloadSendList_ImportOrders_SeeTheResult()
    {
        await using var page = await browser.NewPageAsync();
        var p = page.Page;
        await page.GotoAsync(_app, "/tiers");

        await p.GetByTestId("create-action-upgrades").ClickAsync();
        var dialog = p.GetByTestId("create-action-dialog");
        await Expect(dialog.GetByTestId("preview-size")).ToHaveTextAsync("20");
        await Expect(dialog.GetByTestId("preview-holdout")).ToHaveTextAsync("2");
        await Field(dialog, "action-name").FillAsync("升级冲刺");
        await Field(dialog, "action-starts").FillAsync(_today.AddDays(-7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Field(dialog, "action-starts").BlurAsync();
        await Expect(dialog.GetByTestId("preview-baseline")).ToHaveTextAsync("50.0%");
        // 10%: 18 against 2, MDE = 2.8016 × √(0.25 × (1/18 + 1/2)) = 1.044 → 104 points
        await Expect(dialog.GetByTestId("preview-verdict")).ToHaveTextAsync("这个名单只能看出 ≥ 104 个百分点的提升");

        await Field(dialog, "action-holdout").FillAsync("20");
        await Field(dialog, "action-holdout").BlurAsync();

        // 20%: 16 against 4, MDE = 2.8016 × √(0.25 × (1/16 + 1/4)) = 0.783 → 78 points
        await Expect(dialog.GetByTestId("preview-holdout")).ToHaveTextAsync("4");
        await Expect(dialog.GetByTestId("preview-contacted")).ToHaveTextAsync("16");
        await Expect(dialog.GetByTestId("preview-verdict")).ToHaveTextAsync("这个名单只能看出 ≥ 78 个百分点的提升");
        await p.GetByTestId("action-save").ClickAsync();

        await page.ExpectPathAsync(_app, "/actions/1");
        await Expect(p.GetByTestId("action-open")).ToContainTextAsync("观察期到");
        var (contacted, holdout) = await GroupsAsync();
        Assert.Equal((16, 4), (contacted.Count, holdout.Count));

        var download = await p.RunAndWaitForDownloadAsync(() => p.GetByTestId("contacts-csv").ClickAsync());
        var path = Path.Combine(_folder, "contacts.csv");
        await download.SaveAsAsync(path);
        var lines = (await File.ReadAllTextAsync(path, Encoding.UTF8)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("客户ID,昵称,会员等级,社群ID,社群名称", lines[0]); // the page's language
        var sent = lines[1..].Select(l => l.Split(',')[0]).ToList();
        Assert.Equal(contacted, sent);
        Assert.Empty(sent.Intersect(holdout));
        if (contacted.Contains("u01"))
        {
            Assert.Contains("u01,\"'=HYPERLINK(\"\"x\"\")\",普通会员,,", lines); // the tier by its display name
        }

        // Eight of the contacted and one of the holdout buy three days ago.
        var orders = new StringBuilder("order_id,customer_id,placed_at,amount\n");
        var at = _today.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 20:00:00";
        foreach (var (id, i) in contacted.Take(8).Select((id, i) => (id, i)))
        {
            orders.Append(CultureInfo.InvariantCulture, $"a{i},{id},{at},100\n");
        }
        orders.Append(CultureInfo.InvariantCulture, $"h0,{holdout[0]},{at},100\n");
        var file = Path.Combine(_folder, "orders.csv");
        await File.WriteAllTextAsync(file, orders.ToString());
        await page.GotoAsync(_app, "/data?kind=orders");
        await p.Locator("input[type=file]").SetInputFilesAsync(file);
        await Expect(p.GetByTestId("preview-records")).ToHaveTextAsync("9");
        await p.GetByTestId("confirm-import").ClickAsync();
        await Expect(p.GetByTestId("import-added")).ToHaveTextAsync("9");

        await page.GotoAsync(_app, "/actions/1");

        await Expect(p.GetByTestId("contacted-buyers")).ToHaveTextAsync("8");
        await Expect(p.GetByTestId("holdout-buyers")).ToHaveTextAsync("1");
        // 8/16 − 1/4 = +25 points; ± 1.959964 × √(0.25/16 + 0.1875/4) = ± 49.00 points
        await Expect(p.GetByTestId("action-difference")).ToHaveTextAsync("+25.00 个百分点 [-24.00, +74.00]");
        await Expect(p.GetByTestId("action-verdict")).ToHaveTextAsync("样本太小");
        await Expect(p.GetByTestId("action-incremental-buyers")).ToHaveTextAsync("+4");
        await Expect(p.GetByTestId("action-daily-chart")).ToHaveAttributeAsync("data-chart-ready", "true");

        await page.GotoAsync(_app, "/actions");
        await Expect(p.Locator("[data-action='a1']")).ToContainTextAsync("升级冲刺");
        await Expect(p.Locator("[data-action='a1']")).ToContainTextAsync("观察中");
        Assert.Empty(page.ConsoleErrors);
    }

    [Fact]
    public async Task FromTheChurnRiskList_CreateWith20PercentHoldout_DownloadSendList_ImportOrders_SeeTheResult()
    {
        // Twenty other customers who bought twice, ten days apart, two months ago: past their own interval, on the
        // value page's churn-risk list (the near-next-tier customers above bought once and are on it too).
        var clock = _app.Services.GetRequiredService<ZoneClock>();
        var factory = _app.Services.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            var lapsed = Enumerable.Range(1, 20).Select(i => new Customer { CustomerId = $"r{i:00}" }).ToList();
            db.Customers.AddRange(lapsed);
            await db.SaveChangesAsync();
            db.Orders.AddRange(lapsed.SelectMany((c, i) => new[] { -70, -60 }.Select(d => new Order
            {
                OrderId = $"r{i}{d}",
                CustomerKey = c.Id,
                PlacedAt = clock.StartOfDay(_today.AddDays(d)).AddHours(12),
                Amount = 50m,
                Status = OrderStatus.Paid,
            })));
            await db.SaveChangesAsync();
        }
        await using var page = await browser.NewPageAsync();
        var p = page.Page;
        await page.GotoAsync(_app, "/value");

        await p.GetByTestId("create-action-churn").ClickAsync();
        var dialog = p.GetByTestId("create-action-dialog");
        var size = int.Parse(await dialog.GetByTestId("preview-size").InnerTextAsync(), CultureInfo.InvariantCulture);
        Assert.True(size >= 20, $"the churn-risk list holds {size}");
        await Field(dialog, "action-name").FillAsync("沉睡唤醒");
        // Started yesterday (local midnight), so the orders placed an hour ago fall in the window.
        await Field(dialog, "action-starts").FillAsync(_today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Field(dialog, "action-starts").BlurAsync();
        await Field(dialog, "action-holdout").FillAsync("20");
        await Field(dialog, "action-holdout").BlurAsync();
        var holdoutSize = (int)Math.Round(size * 0.2, MidpointRounding.AwayFromZero);
        await Expect(dialog.GetByTestId("preview-holdout")).ToHaveTextAsync(holdoutSize.ToString(CultureInfo.InvariantCulture));
        await p.GetByTestId("action-save").ClickAsync();

        await page.ExpectPathAsync(_app, "/actions/1");
        var (contacted, holdout) = await GroupsAsync();
        Assert.Equal((size - holdoutSize, holdoutSize), (contacted.Count, holdout.Count));
        Assert.Contains("r01", contacted.Concat(holdout));

        var download = await p.RunAndWaitForDownloadAsync(() => p.GetByTestId("contacts-csv").ClickAsync());
        var path = Path.Combine(_folder, "churn-contacts.csv");
        await download.SaveAsAsync(path);
        var lines = (await File.ReadAllTextAsync(path, Encoding.UTF8)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var sent = lines[1..].Select(l => l.Split(',')[0]).ToList();
        Assert.Equal(contacted, sent);
        Assert.Empty(sent.Intersect(holdout));

        // Every contacted customer buys; nobody held out does.
        var orders = new StringBuilder("order_id,customer_id,placed_at,amount\n");
        var at = clock.UtcNow.AddHours(-1).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        foreach (var (id, i) in contacted.Select((id, i) => (id, i)))
        {
            orders.Append(CultureInfo.InvariantCulture, $"w{i},{id},{at},100\n");
        }
        var file = Path.Combine(_folder, "churn-orders.csv");
        await File.WriteAllTextAsync(file, orders.ToString());
        await page.GotoAsync(_app, "/data?kind=orders");
        await p.Locator("input[type=file]").SetInputFilesAsync(file);
        await Expect(p.GetByTestId("preview-records")).ToHaveTextAsync(contacted.Count.ToString(CultureInfo.InvariantCulture));
        await p.GetByTestId("confirm-import").ClickAsync();
        await Expect(p.GetByTestId("import-added")).ToHaveTextAsync(contacted.Count.ToString(CultureInfo.InvariantCulture));

        await page.GotoAsync(_app, "/actions/1");
        await Expect(p.GetByTestId("contacted-buyers")).ToHaveTextAsync(contacted.Count.ToString(CultureInfo.InvariantCulture));
        await Expect(p.GetByTestId("holdout-buyers")).ToHaveTextAsync("0");
        // 100% − 0% = +100 points with a zero-width interval (both rates at their bounds).
        await Expect(p.GetByTestId("action-difference")).ToHaveTextAsync("+100.00 个百分点 [+100.00, +100.00]");
        Assert.Empty(page.ConsoleErrors);
    }

    [Fact]
    public async Task ALead_SeesResultsButNoCreateControls()
    {
        var password = await _app.AddUserAsync("lead@shop.test", LiveOps.Core.Accounts.Role.Lead);
        await using var page = await browser.NewPageAsync(signIn: false);
        await page.SignInAsync(_app, "lead@shop.test", password);

        await page.GotoAsync(_app, "/tiers");
        await Expect(page.Page.GetByTestId("tier-upgrades")).ToBeVisibleAsync();
        await Expect(page.Page.GetByTestId("create-action-upgrades")).ToHaveCountAsync(0);
        await page.GotoAsync(_app, "/actions");
        await Expect(page.Page.GetByTestId("actions-empty")).ToBeVisibleAsync();
        await Expect(page.Page.GetByTestId("action-upload-button")).ToHaveCountAsync(0);
    }

    // MudBlazor puts a field's attributes on its input or on the wrapper, depending on the component.
    private static Microsoft.Playwright.ILocator Field(Microsoft.Playwright.ILocator scope, string testId) =>
        scope.Locator($"[data-testid='{testId}'] input, input[data-testid='{testId}']");

    private async Task<(List<string> Contacted, List<string> Holdout)> GroupsAsync()
    {
        var factory = _app.Services.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var rows = await (from m in db.Set<ActionMember>()
                          join c in db.Customers on m.CustomerKey equals c.Id
                          select new { c.CustomerId, m.Group }).ToListAsync();
        List<string> Of(ActionGroup g) => rows.Where(r => r.Group == g).Select(r => r.CustomerId).Order(StringComparer.Ordinal).ToList();
        return (Of(ActionGroup.Contacted), Of(ActionGroup.Holdout));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A download still held by the browser; the temp folder is cleaned by the OS.
        }
    }
}
