using Bunit;
using LiveOps.Core.Accounts;
using LiveOps.Core.Import;
using LiveOps.Dashboard.Components.Pages.Data;
using LiveOps.Tests.Dashboard.Shell;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace LiveOps.Tests.Dashboard.Data;

/// <summary>The Data page by role: a lead gets no upload; a refusal by the server reads as a sentence, not an error page.</summary>
public sealed class DataPageAccessTests : ShellContext
{
    public DataPageAccessTests()
    {
        Services.AddSingleton<IImportService, RefusingImportService>();
    }

    [Fact]
    public void Lead_SeesTheReadOnlyNotice_AndNoUpload()
    {
        Auth.SetRoles(Roles.Lead);

        var cut = RenderPage();

        Assert.Equal("你的角色（主管）可查看和导出，但不能修改数据。", cut.Find("[data-testid=read-only]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=upload-button]"));
        Assert.Empty(cut.FindComponents<InputFile>());
    }

    [Fact]
    public void Operator_WhoseRoleWasTakenAway_GetsTheServersRefusalAsAMessage()
    {
        Auth.SetRoles(Roles.Operator);
        var cut = RenderPage();

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("order_id\no1\n", "orders.csv"));

        cut.WaitForAssertion(() => Assert.Equal("没有权限：你的角色（主管）不能执行此操作，未作任何更改。", cut.Find("[data-testid=upload-rejected]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=error-boundary]"));
    }

    private IRenderedComponent<DataPage> RenderPage()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/data?kind=orders");
        Render<MudSnackbarProvider>();
        return Render<DataPage>();
    }

    /// <summary>What ImportService does when the current user is (now) a lead.</summary>
    private sealed class RefusingImportService : IImportService
    {
        public Task<ImportResult> ImportFileAsync(ImportKind kind, string path, CancellationToken ct = default) =>
            throw new AccessDeniedException(new Actor("ops@shop.test", Role.Lead), Permission.Import);

        public Task<ImportResult> ImportAsync(ImportKind kind, Stream csv, CancellationToken ct = default) =>
            throw new AccessDeniedException(new Actor("ops@shop.test", Role.Lead), Permission.Import);
    }
}
