using Bunit;
using LiveOps.Core.Accounts;
using LiveOps.Tests.Core.Accounts;
using LiveOps.Tests.Core.Import.Mapping;
using Microsoft.AspNetCore.Components.Forms;

namespace LiveOps.Tests.Dashboard.Data;

/// <summary>The Data page by role: a lead gets no upload and no editor; a refusal by the server reads as a sentence, not an error page.</summary>
public sealed class DataPageAccessTests() : DataPageContext(role: Role.Lead)
{
    [Fact]
    public void Lead_SeesTheReadOnlyNotice_AndNoUpload_ButTheColumnsAndTemplates()
    {
        var cut = RenderPage("/data?kind=orders");

        Assert.Equal("你的角色（主管）可查看和导出，但不能修改数据。", cut.Find("[data-testid=read-only]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=upload-button]"));
        Assert.Empty(cut.FindComponents<InputFile>());
        Assert.Equal("/data/template/orders.csv", cut.Find("[data-testid=template-link]").GetAttribute("href"));
    }

    [Fact]
    public async Task Operator_WhoseRoleWasTakenAway_GetsTheServersRefusalAsAMessage_AndNothingIsWritten()
    {
        // The page was opened as an operator (the upload shows); the Core services now see a lead.
        Auth.SetRoles(Roles.Operator);
        var cut = RenderPage("/data?kind=orders");

        Upload(cut, PresetFixtures.Douyin.Export.Bytes(ExportFormat.CsvGbk), "抖店订单.csv");

        cut.WaitForAssertion(() => Assert.Equal("没有权限：你的角色（主管）不能执行此操作，未作任何更改。", cut.Find("[data-testid=upload-rejected]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=preview]"));
        Assert.Empty(cut.FindAll("[data-testid=error-boundary]"));
        Assert.Equal(0, await CountOrdersAsync());
    }
}
