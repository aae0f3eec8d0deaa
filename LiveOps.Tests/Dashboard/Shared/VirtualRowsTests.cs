using Bunit;
using LiveOps.Core.Common;
using LiveOps.Core.Import;
using LiveOps.Dashboard;
using LiveOps.Dashboard.Components.Pages.Data;
using LiveOps.Dashboard.Components.Shared;
using LiveOps.Tests.Support;
using Microsoft.AspNetCore.Components.Web.Virtualization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace LiveOps.Tests.Dashboard.Shared;

/// <summary>
/// Long tables: up to a screenful every row is rendered as before; past it the rows go through Blazor's Virtualize (only
/// those in view reach the browser, see LongListsBrowserTests) and the table gets a fixed height with a sticky header.
/// </summary>
public sealed class VirtualRowsTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private readonly BunitContext _ctx = new();

    public Task InitializeAsync()
    {
        _ctx.Services.AddMudServices();
        _ctx.Services.AddLocalization();
        _ctx.Services.AddSingleton(_db.Get<ZoneClock>());
        _ctx.Services.AddScoped<Formatting>();
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        return Task.CompletedTask;
    }

    private IRenderedComponent<VirtualRows<int>> RenderRows(int count) =>
        _ctx.Render<VirtualRows<int>>(p => p
            .Add(x => x.Items, Enumerable.Range(1, count).ToList())
            .Add(x => x.ChildContent, i => $"<tr data-row=\"{i}\"></tr>"));

    [Fact]
    public void AScreenfulOfRows_IsRenderedRowByRow_WithoutVirtualize()
    {
        var rows = RenderRows(VirtualRowsView.Threshold);

        Assert.Empty(rows.FindComponents<Virtualize<int>>());
        Assert.Equal(Enumerable.Range(1, VirtualRowsView.Threshold).Select(i => i.ToString()), rows.FindAll("tr").Select(r => r.GetAttribute("data-row")));
        Assert.Null(VirtualRowsView.TableClass(VirtualRowsView.Threshold, null));
    }

    [Fact]
    public void MoreThanAScreenful_GoesThroughVirtualize_InOrder()
    {
        var rows = RenderRows(VirtualRowsView.Threshold + 1);

        Assert.Single(rows.FindComponents<Virtualize<int>>());
        Assert.Equal($"{VirtualRowsView.Threshold + 1}", rows.FindAll("tr[data-row]")[^1].GetAttribute("data-row"));
        Assert.Equal("mt-2 virtual-rows", VirtualRowsView.TableClass(VirtualRowsView.Threshold + 1, "mt-2"));
    }

    [Fact]
    public void TenThousandImportProblems_RenderOnlyAWindowOfRows_InAFixedHeightTableWithAStickyHeader()
    {
        var problems = Enumerable.Range(2, RowParserLimit).Select(line => new ImportProblem(line, "amount", "is negative")).ToList();

        var table = _ctx.Render<ProblemTable>(p => p.Add(x => x.Problems, problems));

        var root = table.Find("[data-testid=import-problems]");
        Assert.Contains("virtual-rows", root.ClassList);
        Assert.Contains("mud-table-sticky-header", root.ClassList);
        Assert.Single(table.FindComponents<Virtualize<ImportProblem>>());
        var rows = table.FindAll("[data-testid=problem]");
        Assert.InRange(rows.Count, 1, 199);
        Assert.Equal("2", rows[0].QuerySelector("td")!.TextContent);
    }

    [Fact]
    public void AFewImportProblems_KeepThePlainTable()
    {
        var table = _ctx.Render<ProblemTable>(p => p.Add(x => x.Problems, [new ImportProblem(3, "amount", "is negative")]));

        var root = table.Find("[data-testid=import-problems]");
        Assert.DoesNotContain("virtual-rows", root.ClassList);
        Assert.DoesNotContain("mud-table-sticky-header", root.ClassList);
        Assert.Empty(table.FindComponents<Virtualize<ImportProblem>>());
        Assert.Single(table.FindAll("[data-testid=problem]"));
    }

    private const int RowParserLimit = 10_000;

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _db.DisposeAsync();
    }
}
