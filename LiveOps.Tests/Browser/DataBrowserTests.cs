using LiveOps.Core.Data;
using LiveOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace LiveOps.Tests.Browser;

/// <summary>The Data page driven by a real browser against the real importer and database.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DataBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "liveops-uploads", Guid.NewGuid().ToString("N"));
    private DashboardApp _app = default!;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _app = DashboardApp.Start(demoData: false);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task GoodOrdersFile_IsImported_AndThePageShowsWhatWasAdded()
    {
        var file = Write("orders.csv", """
            订单号,买家ID,下单时间,实付金额,status
            o1,c1,2026-11-03 20:15:00,129.90,paid
            o2,c2,2026-11-03T21:00:00+08:00,"1,299.00",paid
            o3,c1,2026-11-04 09:00:00,¥59.00,refunded
            """);
        await using var page = await browser.NewPageAsync();
        await page.GotoAsync(_app, "/data");

        await page.Page.GetByTestId("kind-orders").ClickAsync();
        await page.Page.Locator("input[type=file]").SetInputFilesAsync(file);
        await Expect(page.Page.GetByTestId("preview-records")).ToHaveTextAsync("3");
        Assert.Equal(0, await CountOrdersAsync());
        await page.Page.GetByTestId("confirm-import").ClickAsync();

        await Expect(page.Page.GetByTestId("import-added")).ToHaveTextAsync("3");
        await Expect(page.Page.GetByTestId("preview-rows")).ToHaveTextAsync("3");
        await Expect(page.Page.GetByTestId("import-updated")).ToHaveTextAsync("0");
        await Expect(page.Page.GetByTestId("import-customers-created")).ToContainTextAsync("2");
        Assert.Equal(3, await CountOrdersAsync());
        Assert.Empty(page.ConsoleErrors);
    }

    [Fact]
    public async Task BadOrdersFile_ListsEveryProblemLine_AndWritesNothing()
    {
        var file = Write("orders-bad.csv", """
            order_id,customer_id,placed_at,amount
            o1,c1,2026-11-03 20:15:00,129.90
            o2,c2,2026-11-03 21:00:00,-5
            o3,c3,2026-02-30 10:00:00,10
            o4,c4,2026-11-04 09:00:00,59.00
            """);
        await using var page = await browser.NewPageAsync();
        await page.GotoAsync(_app, "/data?kind=orders");

        await page.Page.Locator("input[type=file]").SetInputFilesAsync(file);

        var problems = page.Page.GetByTestId("problem");
        await Expect(problems).ToHaveCountAsync(2);
        await Expect(problems.Nth(0).Locator("td").Nth(0)).ToHaveTextAsync("3");
        await Expect(problems.Nth(0).Locator("td").Nth(1)).ToHaveTextAsync("amount");
        await Expect(problems.Nth(1).Locator("td").Nth(0)).ToHaveTextAsync("4");
        await Expect(problems.Nth(1).Locator("td").Nth(1)).ToHaveTextAsync("placed_at");
        await Expect(page.Page.GetByTestId("import-failed")).ToContainTextAsync("未写入任何数据");
        // The chosen kind stays, ready for the fixed file.
        await Expect(page.Page.GetByTestId("upload-button")).ToContainTextAsync("orders");
        Assert.Equal(0, await CountOrdersAsync());
        Assert.Empty(page.ConsoleErrors);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content + "\n");
        return path;
    }

    private async Task<int> CountOrdersAsync()
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>().CreateDbContextAsync();
        return await db.Orders.CountAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
