using System.Text;
using LiveOps.Core.Accounts;
using LiveOps.Core.Data;
using LiveOps.Tests.Core.Import.Mapping;
using LiveOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace LiveOps.Tests.Browser;

/// <summary>
/// A shop's own exports on the Data page in Chinese, in a real browser against the real engine and database: a GBK
/// line-item CSV with Douyin's headers and an .xlsx are offered the preset, previewed, confirmed, and the Overview's
/// orders follow; a bad file, a cancel and a lead write nothing.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DataMappingBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "liveops-uploads", Guid.NewGuid().ToString("N"));
    private DashboardApp _app = default!;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _app = DashboardApp.Start(demoData: false);
        return Task.CompletedTask;
    }

    /// <summary>The Douyin fixture's rows placed in the last days, so the Overview's default 90 days hold them.</summary>
    private static ShopExport RecentDouyin(string idPrefix)
    {
        var export = PresetFixtures.Douyin.Export;
        var now = DateTime.Now;
        var rows = export.Rows.Select((row, i) => row.Select((cell, j) => j switch
        {
            0 or 1 => "\t" + idPrefix + ((string)cell!).Trim('\t'),
            14 => (object?)now.Date.AddDays(-2).AddHours(10 + i),
            15 => cell is DateTime ? now.Date.AddDays(-2).AddHours(10 + i).AddMinutes(1) : cell,
            _ => cell,
        }).ToArray()).ToArray();
        return export with { Rows = rows };
    }

    [Fact]
    public async Task DouyinGbkCsv_ThenXlsx_ArePreviewedAndConfirmed_AndTheOverviewCountsTheirPaidOrders()
    {
        var csv = Write("抖店订单.csv", RecentDouyin("A").Bytes(ExportFormat.CsvGbk));
        var xlsx = Write("抖店订单.xlsx", RecentDouyin("B").Bytes(ExportFormat.Xlsx));
        await using var page = await browser.NewPageAsync();
        await page.GotoAsync(_app, "/");
        await Expect(page.Page.GetByTestId("overview-empty")).ToBeVisibleAsync();

        await page.GotoAsync(_app, "/data?kind=orders");
        await page.Page.Locator("input[type=file]").SetInputFilesAsync(csv);

        await Expect(page.Page.GetByTestId("preview-rows")).ToHaveTextAsync("4");
        await Expect(page.Page.GetByTestId("preview-records")).ToHaveTextAsync("3");
        await Expect(page.Page.GetByTestId("preview-new-customers")).ToHaveTextAsync("2");
        await Expect(page.Page.Locator("[data-testid=mapping-option][data-key='preset:douyin-orders']")).ToBeCheckedAsync();
        await Expect(page.Page.GetByTestId("preview-source")).ToContainTextAsync("CSV gb18030");
        Assert.Equal(0, await CountOrdersAsync());
        await page.Page.GetByTestId("confirm-import").ClickAsync();
        await Expect(page.Page.GetByTestId("import-added")).ToHaveTextAsync("3");

        await page.Page.Locator("input[type=file]").SetInputFilesAsync(xlsx);
        await Expect(page.Page.GetByTestId("preview-source")).ToContainTextAsync("xlsx");
        await Expect(page.Page.GetByTestId("preview-known-customers")).ToHaveTextAsync("2");
        await page.Page.GetByTestId("confirm-import").ClickAsync();
        await Expect(page.Page.GetByTestId("import-added")).ToHaveTextAsync("3");
        Assert.Equal(6, await CountOrdersAsync());

        // Two paid orders per file (the third is 已关闭, cancelled).
        await page.GotoAsync(_app, "/");
        await Expect(page.Page.GetByTestId("kpi-orders-value")).ToHaveTextAsync("4");
        Assert.Empty(page.ConsoleErrors);
    }

    [Fact]
    public async Task BadFile_ShowsChineseLineErrors_AndWritesNothing()
    {
        var export = RecentDouyin("C");
        var bad = export with { Rows = [.. export.Rows.Select((r, i) => i == 2 ? r.Select((c, j) => j == 16 ? "神秘状态" : j == 8 ? "十元" : c).ToArray() : r)] };
        var file = Write("抖店订单-坏.csv", bad.Bytes(ExportFormat.CsvGbk));
        await using var page = await browser.NewPageAsync();
        await page.GotoAsync(_app, "/data?kind=orders");

        await page.Page.Locator("input[type=file]").SetInputFilesAsync(file);

        var problems = page.Page.GetByTestId("problem");
        await Expect(problems).ToHaveCountAsync(2);
        await Expect(problems.Nth(0).Locator("td").Nth(0)).ToHaveTextAsync("4");
        await Expect(page.Page.GetByTestId("import-problems")).ToContainTextAsync("“神秘状态”不在映射列出的值中");
        await Expect(page.Page.GetByTestId("import-problems")).ToContainTextAsync("“十元”不是");
        await Expect(page.Page.GetByTestId("import-failed")).ToContainTextAsync("未写入任何数据");
        await Expect(page.Page.GetByTestId("confirm-import")).ToHaveCountAsync(0);
        Assert.Equal(0, await CountOrdersAsync());
    }

    [Fact]
    public async Task CancellingALargeUpload_WritesNothing()
    {
        var text = new StringBuilder("主订单编号,子订单编号,选购商品,订单应付金额,收件人手机号,订单提交时间,订单状态\n");
        for (var i = 0; i < 400_000; i++)
        {
            text.Append(FormattableString.Invariant($"{7_000_000_000L + i},{8_000_000_000L + i},商品规格较长的名称用于填充文件大小{i},99.00,1380000{i % 10_000:0000},2026/11/03 20:15:01,已完成\n"));
        }
        var file = Write("抖店订单-大.csv", Encoding.UTF8.GetBytes(text.ToString()));
        await using var page = await browser.NewPageAsync();
        await page.GotoAsync(_app, "/data?kind=orders");

        await page.Page.Locator("input[type=file]").SetInputFilesAsync(file);
        await Expect(page.Page.GetByTestId("progress")).ToBeVisibleAsync();
        await page.Page.GetByTestId("cancel").ClickAsync();

        await Expect(page.Page.GetByTestId("upload-notice")).ToHaveTextAsync("已取消 抖店订单-大.csv，未写入任何数据。");
        await Expect(page.Page.GetByTestId("confirm-import")).ToHaveCountAsync(0);
        Assert.Equal(0, await CountOrdersAsync());
    }

    [Fact]
    public async Task Lead_SeesNoUpload_ButTheColumnsAndTheSampleFile()
    {
        var password = await _app.AddUserAsync("lead@liveops.test", Role.Lead);
        await using var page = await browser.NewPageAsync(signIn: false);
        await page.SignInAsync(_app, "lead@liveops.test", password);
        await page.GotoAsync(_app, "/data?kind=orders");

        await Expect(page.Page.GetByTestId("read-only")).ToBeVisibleAsync();
        await Expect(page.Page.Locator("input[type=file]")).ToHaveCountAsync(0);
        await Expect(page.Page.GetByTestId("kind-columns")).ToContainTextAsync("订单号");
        var download = await page.Page.RunAndWaitForDownloadAsync(() => page.Page.GetByTestId("template-link").ClickAsync());
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path!);
        Assert.StartsWith("订单号,买家ID,下单时间,实付金额", Encoding.UTF8.GetString(bytes[3..]));
    }

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, content);
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
