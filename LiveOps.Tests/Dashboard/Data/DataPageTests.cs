using Bunit;
using LiveOps.Core.Import;
using LiveOps.Dashboard.Components.Pages.Data;
using LiveOps.Tests.Dashboard.Shell;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace LiveOps.Tests.Dashboard.Data;

public sealed class DataPageTests : ShellContext
{
    private const string OrdersCsv = "order_id,customer_id,placed_at,amount\no1,c1,2026-11-03 20:15:00,129.90\n";

    private readonly FakeImportService _importer = new();

    public DataPageTests()
    {
        Services.AddSingleton<IImportService>(_importer);
    }

    [Fact]
    public void Page_StatesTheSizeLimit_AndWaitsForAKind()
    {
        var cut = RenderPage("/data");

        Assert.Equal("单个文件最大 200 MB。", cut.Find("[data-testid=size-limit]").TextContent);
        Assert.Contains("请先选择数据类型", cut.Find("[data-testid=upload-button]").TextContent);
        Assert.Equal(9, cut.FindAll("[data-testid^=kind-]").Count(e => e.TagName == "BUTTON"));
    }

    [Fact]
    public void PickingAKind_ShowsItsColumns_WithTheRequiredOnes()
    {
        var cut = RenderPage("/data");

        cut.Find("[data-testid=kind-orders]").Click();

        var rows = cut.FindAll("[data-testid=kind-columns] tbody tr");
        Assert.Equal(["order_id", "customer_id", "placed_at", "amount", "status", "channel", "campaign_id", "live_session_id"],
            rows.Select(r => r.QuerySelector("code")!.TextContent));
        Assert.Equal(["必填", "必填", "必填", "必填", "可选", "可选", "可选", "可选"], rows.Select(r => r.Children[1].TextContent));
        Assert.StartsWith("订单号", rows[0].Children[2].TextContent);
        Assert.Contains("paid, refunded, cancelled", rows[4].Children[3].TextContent);
    }

    [Fact]
    public void FailedImport_ListsEveryProblemLine_SaysNothingWasWritten_AndKeepsTheKind()
    {
        _importer.Returns(new ImportResult(ImportKind.Orders, 0, 0, 0,
        [
            new ImportProblem(2, "amount", "'-5' is negative; amounts are never negative (a refund is a status)"),
            new ImportProblem(4, "placed_at", "'2026-02-30 10:00' is not a date and time"),
            new ImportProblem(7, "order_id", "is empty"),
        ]));
        var cut = RenderPage("/data?kind=orders");

        Upload(cut, OrdersCsv, "orders.csv");

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=problem]").Count));
        var problems = cut.FindAll("[data-testid=problem]");
        Assert.Equal(["2", "4", "7"], problems.Select(p => p.Children[0].TextContent));
        Assert.Equal(["amount", "placed_at", "order_id"], problems.Select(p => p.Children[1].TextContent));
        Assert.Equal("'2026-02-30 10:00' is not a date and time", problems[1].Children[2].TextContent);
        Assert.Equal("line 7: order_id: is empty", problems[2].GetAttribute("title"));
        var failed = cut.Find("[data-testid=import-failed]").TextContent;
        Assert.Contains("orders.csv 中发现 3 处问题", failed);
        Assert.Contains("未写入任何数据", failed);
        Assert.Contains("orders", cut.Find("[data-testid=upload-button]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=import-summary]"));
    }

    [Fact]
    public void FailedImport_WithMoreProblemsThanListed_SaysHowManyMore()
    {
        _importer.Returns(new ImportResult(ImportKind.Orders, 0, 0, 0, [new ImportProblem(2, "amount", "bad")], MoreProblems: 1234));
        var cut = RenderPage("/data?kind=orders");

        Upload(cut, OrdersCsv, "orders.csv");

        cut.WaitForAssertion(() => Assert.Equal("另有 1,234 处问题未列出。", cut.Find("[data-testid=more-problems]").TextContent));
        Assert.Contains("发现 1235 处问题", cut.Find("[data-testid=import-failed]").TextContent);
    }

    [Fact]
    public void SuccessfulImport_ShowsRowsAddedUpdated_AfterAFailedTry()
    {
        _importer
            .Returns(new ImportResult(ImportKind.Orders, 0, 0, 0, [new ImportProblem(2, "amount", "bad")]))
            .Returns(new ImportResult(ImportKind.Orders, 12_345, 12_000, 300, [], CustomersCreated: 42));
        var cut = RenderPage("/data?kind=orders");
        Upload(cut, "bad", "orders.csv");
        cut.WaitForElement("[data-testid=import-problems]");

        Upload(cut, OrdersCsv, "orders.csv");

        cut.WaitForAssertion(() => Assert.Equal("12,345", cut.Find("[data-testid=import-rows]").TextContent));
        Assert.Equal("12,000", cut.Find("[data-testid=import-added]").TextContent);
        Assert.Equal("300", cut.Find("[data-testid=import-updated]").TextContent);
        Assert.Equal("45", cut.Find("[data-testid=import-unchanged]").TextContent);
        Assert.Equal("另为文件中提到的 42 位新客户建档。", cut.Find("[data-testid=import-customers-created]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=import-problems]"));
        Assert.Equal([ImportKind.Orders, ImportKind.Orders], _importer.Calls.Select(c => c.Kind));
    }

    [Fact]
    public void Upload_HandsTheImporterATempCopyOfTheFile_AndDeletesItAfterwards()
    {
        _importer.Returns(new ImportResult(ImportKind.Customers, 1, 1, 0, []));
        var cut = RenderPage("/data");
        cut.Find("[data-testid=kind-customers]").Click();

        Upload(cut, "customer_id\nc1\n", "客户.csv");

        cut.WaitForElement("[data-testid=import-summary]");
        var call = Assert.Single(_importer.Calls);
        Assert.Equal(ImportKind.Customers, call.Kind);
        Assert.Equal("customer_id\nc1\n", call.Content);
        Assert.False(File.Exists(call.Path));
        var snackbar = Services.GetRequiredService<ISnackbar>();
        Assert.Contains(snackbar.ShownSnackbars, s => s.Message == "customers：已导入 1 行" && s.Severity == Severity.Success);
    }

    [Fact]
    public void InEnglish_TheOutcomeReadsInEnglish()
    {
        UseCulture("en");
        _importer.Returns(new ImportResult(ImportKind.Orders, 0, 0, 0, [new ImportProblem(2, "amount", "bad")]));
        var cut = RenderPage("/data?kind=orders");

        Upload(cut, OrdersCsv, "orders.csv");

        cut.WaitForAssertion(() => Assert.Contains("Nothing was written.", cut.Find("[data-testid=import-failed]").TextContent));
        Assert.Equal("Files up to 200 MB.", cut.Find("[data-testid=size-limit]").TextContent);
    }

    private IRenderedComponent<DataPage> RenderPage(string uri)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(uri);
        Render<MudSnackbarProvider>();
        return Render<DataPage>();
    }

    private static void Upload(IRenderedComponent<DataPage> cut, string content, string name) =>
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(content, name));
}
