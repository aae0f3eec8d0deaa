using System.Text;
using Bunit;
using LiveOps.Core.Data.Entities;
using LiveOps.Core.Import.Mapping;
using LiveOps.Tests.Core.Import.Mapping;
using Microsoft.EntityFrameworkCore;

namespace LiveOps.Tests.Dashboard.Data;

/// <summary>Upload, mapping offered, preview, confirm: the Data page over the real mapped importer and a real database.</summary>
public sealed class DataPageTests : DataPageContext
{
    [Fact]
    public void Page_StatesTheSizeLimit_AndWaitsForAKind()
    {
        var cut = RenderPage("/data");

        Assert.Equal("单个文件最大 200 MB。", cut.Find("[data-testid=size-limit]").TextContent);
        Assert.Contains("请先选择数据类型", cut.Find("[data-testid=upload-button]").TextContent);
        Assert.Equal(9, cut.FindAll("[data-testid^=kind-]").Count(e => e.TagName == "BUTTON"));
    }

    [Fact]
    public void PickingAKind_ShowsItsColumns_AndOffersItsSampleFile()
    {
        var cut = RenderPage("/data");

        cut.Find("[data-testid=kind-orders]").Click();

        var rows = cut.FindAll("[data-testid=kind-columns] tbody tr");
        Assert.Equal(["order_id", "customer_id", "placed_at", "amount", "status", "channel", "campaign_id", "live_session_id"],
            rows.Select(r => r.QuerySelector("code")!.TextContent));
        Assert.Equal(["必填", "必填", "必填", "必填", "可选", "可选", "可选", "可选"], rows.Select(r => r.Children[1].TextContent));
        Assert.StartsWith("订单号", rows[0].Children[2].TextContent);
        Assert.Contains("paid, refunded, cancelled", rows[4].Children[3].TextContent);
        var template = cut.Find("[data-testid=template-link]");
        Assert.Equal("/data/template/orders.csv", template.GetAttribute("href"));
        Assert.Contains("下载 orders 示例文件（中文表头）", template.TextContent);
    }

    [Fact]
    public async Task DouyinGbkLineItems_OfferThePreset_PreviewOrders_AndWriteOnlyOnConfirm()
    {
        var cut = RenderPage("/data?kind=orders");

        Upload(cut, PresetFixtures.Douyin.Export.Bytes(ExportFormat.CsvGbk), "抖店订单.csv");

        cut.WaitForAssertion(() => Assert.Equal("4", cut.Find("[data-testid=preview-rows]").TextContent));
        var chosen = cut.FindAll("[data-testid=mapping-option]").Single(o => o.HasAttribute("checked"));
        Assert.Equal("preset:douyin-orders", chosen.GetAttribute("data-key"));
        Assert.Equal("preset:douyin-orders", cut.FindAll("[data-testid=mapping-option]")[0].GetAttribute("data-key"));
        Assert.Equal("3", cut.Find("[data-testid=preview-records]").TextContent);
        Assert.Equal("2", cut.Find("[data-testid=preview-new-customers]").TextContent);
        Assert.Equal("0", cut.Find("[data-testid=preview-known-customers]").TextContent);
        Assert.Contains("CSV gb18030", cut.Find("[data-testid=preview-source]").TextContent);
        var first = cut.FindAll("[data-testid=preview-record]")[0].Children.Select(c => c.TextContent).ToList();
        Assert.Equal("6917926768823643751", first[0]);
        Assert.Equal("1286.90", first[3]);
        Assert.Equal("paid", first[4]);
        Assert.DoesNotContain(PresetFixtures.PhoneA, cut.Markup);
        Assert.Equal(0, await CountOrdersAsync());

        cut.Find("[data-testid=confirm-import]").Click();

        cut.WaitForAssertion(() => Assert.Equal("3", cut.Find("[data-testid=import-added]").TextContent));
        await using var db = Db.NewContext();
        var orders = await db.Orders.OrderBy(o => o.OrderId).ToListAsync();
        Assert.Equal([1286.90m, 79.90m, 0m], orders.Select(o => o.Amount));
        Assert.Equal([OrderStatus.Paid, OrderStatus.Cancelled, OrderStatus.Paid], orders.Select(o => o.Status));
        Assert.Empty(cut.FindAll("[data-testid=confirm-import]"));
    }

    [Fact]
    public async Task Xlsx_IsReadFromItsFirstSheet_WithThePresetOffered()
    {
        var cut = RenderPage("/data?kind=orders");

        Upload(cut, PresetFixtures.Douyin.Export.Bytes(ExportFormat.Xlsx), "抖店订单.xlsx");

        cut.WaitForAssertion(() => Assert.Equal("3", cut.Find("[data-testid=preview-records]").TextContent));
        Assert.Contains("xlsx", cut.Find("[data-testid=preview-source]").TextContent);
        cut.Find("[data-testid=confirm-import]").Click();
        cut.WaitForAssertion(() => Assert.Equal("3", cut.Find("[data-testid=import-added]").TextContent));
        Assert.Equal(3, await CountOrdersAsync());
    }

    [Fact]
    public async Task UnknownStatusWord_IsAChineseLineProblem_AndNoConfirmIsOffered()
    {
        var export = PresetFixtures.Douyin.Export;
        var bad = export with { Rows = [.. export.Rows.Select((r, i) => i == 2 ? r.Select((c, j) => j == 16 ? "神秘状态" : c).ToArray() : r)] };
        var cut = RenderPage("/data?kind=orders");

        Upload(cut, bad.Bytes(ExportFormat.CsvGbk), "抖店订单.csv");

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=problem]")));
        var problem = cut.Find("[data-testid=problem]");
        Assert.Equal("4", problem.Children[0].TextContent);
        Assert.StartsWith("“神秘状态”不在映射列出的值中", problem.Children[2].TextContent);
        Assert.Contains("未写入任何数据", cut.Find("[data-testid=import-failed]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=confirm-import]"));
        Assert.Equal(0, await CountOrdersAsync());
    }

    [Fact]
    public void OldXlsWorkbook_GetsTheSaveAsXlsxMessage()
    {
        var cut = RenderPage("/data?kind=orders");

        Upload(cut, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0], "订单.xls");

        cut.WaitForAssertion(() => Assert.Contains("请用 Excel 或 WPS 打开并另存为 .xlsx", cut.Find("[data-testid=problem]").TextContent));
    }

    [Fact]
    public void ChoosingNoMapping_ReadsTheContractColumns_AndSaysWhatIsMissing()
    {
        var cut = RenderPage("/data?kind=orders");
        Upload(cut, PresetFixtures.Douyin.Export.Bytes(ExportFormat.CsvUtf8), "抖店订单.csv");
        cut.WaitForElement("[data-testid=preview-records]");

        cut.Find("[data-testid=mapping-option][data-key='']").Change(true);

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=problem]")));
        Assert.Contains(cut.FindAll("[data-testid=problem] td:nth-child(2)"), c => c.TextContent == "order_id");
    }

    [Fact]
    public async Task Editor_MapsColumnsAndStatusWords_SavesByName_AndTheNextUploadIsOfferedIt()
    {
        var csv = "单号,手机,时间,金额,状态\n" +
                  "A1,13800138000,2026/11/3 20:15,129.90,成功\n" +
                  "A2,13911112222,2026/11/4 9:00,59.00,退款\n" +
                  "A3,,2026/11/4 9:30,10.00,成功\n";
        var bytes = Encoding.UTF8.GetBytes(csv);
        var cut = RenderPage("/data?kind=orders");
        Upload(cut, bytes, "自有订单.csv");
        cut.WaitForElement("[data-testid=no-offer]");

        cut.Find("[data-testid=edit-mapping]").Click();
        cut.Find("[data-testid=source-order_id]").Change("col:单号");
        cut.Find("[data-testid=source-customer_id]").Change("col:手机");
        cut.Find("[data-testid=hash-customer_id]").Change(true);
        cut.Find("[data-testid=source-placed_at]").Change("col:时间");
        cut.Find("[data-testid=source-amount]").Change("col:金额");
        cut.Find("[data-testid=source-status]").Change("col:状态");
        cut.Find("[data-testid=values-status]").Click();
        cut.WaitForAssertion(() => Assert.Equal(["成功", "退款"], cut.FindAll("[data-testid=value-target]").Select(v => v.GetAttribute("data-value"))));
        cut.Find("[data-testid=value-target][data-value=成功]").Change("paid");
        cut.Find("[data-testid=value-target][data-value=退款]").Change("refunded");
        cut.Find("[data-testid=skip-empty][data-column=手机]").Change(true);
        cut.Find("[data-testid=editor-name]").Change("自有商城");
        cut.Find("[data-testid=editor-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("[data-testid=preview-records]").TextContent));
        Assert.Contains("“手机”为空的行", cut.Find("[data-testid=skip-rule]").TextContent);
        var saved = Assert.Single(await Db.Get<SavedMappingService>().ListAsync());
        Assert.Equal(("自有商城", 1, LineMode.None), (saved.Name, saved.Version, saved.Mapping.Lines));
        Assert.Equal("refunded", saved.Mapping.Fields["status"].Values!["退款"]);
        Assert.True(saved.Mapping.Fields["customer_id"].Hash);

        // The same header again, in a fresh page: the saved mapping is offered and chosen.
        var again = RenderPage("/data?kind=orders");
        Upload(again, bytes, "自有订单-12月.csv");
        again.WaitForAssertion(() => Assert.Equal("2", again.Find("[data-testid=preview-records]").TextContent));
        var chosen = again.FindAll("[data-testid=mapping-option]").Single(o => o.HasAttribute("checked"));
        Assert.Equal("saved:自有商城", chosen.GetAttribute("data-key"));
        Assert.Contains("已保存：自有商城（第 1 版）", again.Markup);
    }

    [Fact]
    public void Editor_RefusedDraft_KeepsTheEditsAndListsWhy()
    {
        var cut = RenderPage("/data?kind=orders");
        Upload(cut, Encoding.UTF8.GetBytes("单号,金额\nA1,10\n"), "x.csv");
        cut.WaitForElement("[data-testid=no-offer]");
        cut.Find("[data-testid=edit-mapping]").Click();
        cut.Find("[data-testid=source-order_id]").Change("col:单号");
        cut.Find("[data-testid=editor-name]").Change("   ");

        cut.Find("[data-testid=editor-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("映射需要名称", cut.Find("[data-testid=mapping-editor]").TextContent));
        Assert.Equal("col:单号", cut.Find("[data-testid=source-order_id]").GetAttribute("value"));
    }

    [Fact]
    public async Task Editor_NameWithAControlCharacter_IsMarkedOnTheField_AndNotSaved()
    {
        var cut = RenderPage("/data?kind=orders");
        Upload(cut, Encoding.UTF8.GetBytes("单号,金额\nA1,10\n"), "x.csv");
        cut.WaitForElement("[data-testid=no-offer]");
        cut.Find("[data-testid=edit-mapping]").Click();
        cut.Find("[data-testid=source-order_id]").Change("col:单号");
        cut.Find("[data-testid=editor-name]").Change("自有\u202E商城");

        Assert.Equal("含有控制字符（换行、制表符、NUL 或文字方向控制符），请删去", cut.Find("[data-testid=editor-name-error]").TextContent);
        cut.Find("[data-testid=editor-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal("映射：name：含有控制字符", cut.Find("[data-testid=problem]").GetAttribute("title")));
        Assert.Equal("自有\u202E商城", cut.Find("[data-testid=editor-name]").GetAttribute("value"));
        Assert.Empty(await Db.Get<SavedMappingService>().ListAsync());

        cut.Find("[data-testid=editor-name]").Change("自有商城");
        Assert.Empty(cut.FindAll("[data-testid=editor-name-error]"));
    }

    [Fact]
    public void Discard_WritesNothing_AndSaysSo()
    {
        var cut = RenderPage("/data?kind=orders");
        Upload(cut, PresetFixtures.Douyin.Export.Bytes(ExportFormat.CsvGbk), "抖店订单.csv");
        cut.WaitForElement("[data-testid=confirm-import]");

        cut.Find("[data-testid=discard]").Click();

        Assert.Equal("已放弃 抖店订单.csv，未写入任何数据。", cut.Find("[data-testid=upload-notice]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=preview]"));
    }
}

/// <summary>The page in English: problems and outcomes read in English.</summary>
public sealed class DataPageEnglishTests() : DataPageContext(culture: "en")
{
    [Fact]
    public void UnknownStatusWord_ReadsInEnglish()
    {
        var export = PresetFixtures.Douyin.Export;
        var bad = export with { Rows = [.. export.Rows.Select((r, i) => i == 0 ? r.Select((c, j) => j == 16 ? "神秘状态" : c).ToArray() : r)] };
        var cut = RenderPage("/data?kind=orders");

        Upload(cut, bad.Bytes(ExportFormat.CsvGbk), "douyin.csv");

        cut.WaitForAssertion(() => Assert.StartsWith("'神秘状态' is not one of the values the mapping lists", cut.Find("[data-testid=problem]").Children[2].TextContent));
        Assert.Contains("Nothing was written.", cut.Find("[data-testid=import-failed]").TextContent);
        Assert.Equal("Files up to 200 MB.", cut.Find("[data-testid=size-limit]").TextContent);
    }
}
