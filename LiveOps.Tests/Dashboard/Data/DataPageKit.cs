using Bunit;
using LiveOps.Core.Accounts;
using LiveOps.Core.Import.Mapping;
using LiveOps.Dashboard.Components.Pages.Data;
using LiveOps.Tests.Core.Accounts;
using LiveOps.Tests.Dashboard.Shell;
using LiveOps.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace LiveOps.Tests.Dashboard.Data;

/// <summary>The Data page over a real database and the real mapped importer; the Core services act as <see cref="Actors"/>.</summary>
public abstract class DataPageContext : ShellContext
{
    protected DataPageContext(string culture = "zh-CN", Role role = Role.Operator) : base(culture, role)
    {
        // The engine reads the whole file on the thread pool; on a loaded two-core machine that takes more than bUnit's default second.
        BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(15);
        Actors.Current = AccountsTestKit.As(role);
        Db = AccountsTestKit.DatabaseWith(Actors);
        Services.AddSingleton(Db.Get<SavedMappingService>());
        Services.AddSingleton(Db.Get<MappedImportService>());
    }

    protected SettableActorAccessor Actors { get; } = new();

    protected TestDatabase Db { get; }

    protected IRenderedComponent<DataPage> RenderPage(string uri)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(uri);
        Render<MudSnackbarProvider>();
        return Render<DataPage>();
    }

    protected static void Upload(IRenderedComponent<DataPage> cut, byte[] content, string name) =>
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(content, name));

    protected async Task<int> CountOrdersAsync()
    {
        await using var db = Db.NewContext();
        return await db.Orders.CountAsync();
    }

    protected override async ValueTask DisposeFixturesAsync() => await Db.DisposeAsync();
}
