using LiveOps.Core.Common;
using LiveOps.Core.PushCadence;
using LiveOps.Dashboard.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LiveOps.Dashboard.Components.Pages.Cadence;

/// <summary>The push cadence page: the last eight weeks of every audience against the guideline.</summary>
public partial class CadencePage : LiveOpsComponent
{
    private CadenceReport? _report;

    [Inject] private CadenceService Service { get; set; } = default!;

    [Inject] private ZoneClock Clock { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    private FatigueWindow? _fatigue;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        // The prerendered page shows the loading bar; only the live circuit runs the report.
        if (RendererInfo.IsInteractive)
        {
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        _report = await Service.RunAsync(CadenceView.PageQuery(Clock), PageClosed);
        // The shop-wide fatigue figure is the Overview's: its own completed weeks, not the grid's.
        _fatigue = await Service.FatigueAsync(Clock.UtcNow, PageClosed);
    }

    private async Task OpenPlanAsync()
    {
        var parameters = new DialogParameters<PlanPushDialog> { { d => d.Audiences, _report!.Audiences } };
        var dialog = await Dialogs.ShowAsync<PlanPushDialog>(T["Plan.Title"], parameters,
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseButton = true });
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: int saved })
        {
            Snackbar.Add(T["Plan.Saved", saved], Severity.Success);
            await LoadAsync();
        }
    }

    [Inject] private IStringLocalizer<CadenceResource> T { get; set; } = default!;
}
