using LiveOps.Core.Actions;
using LiveOps.Dashboard.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LiveOps.Dashboard.Components.Pages.Actions;

/// <summary>Every action with its verdict, the pooled programme holdouts, and creating an action from an uploaded list.</summary>
public sealed partial class ActionsPage
{
    // A list of ids; far above any private-domain send list.
    private const long MaxBytes = 32L * 1024 * 1024;

    private ActionsReport? _report;
    private string? _uploadProblem;

    [Inject] private ActionResultsService Results { get; set; } = default!;
    [Inject] private Formatting Format { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<ActionsResource> T { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        // The prerendered page shows the loading bar; only the live circuit runs the report.
        if (RendererInfo.IsInteractive)
        {
            _report = await Results.RunAsync(new ActionsQuery());
        }
    }

    private async Task UploadAsync(IBrowserFile? file)
    {
        _uploadProblem = null;
        if (file is null)
        {
            return;
        }
        ActionListRead read;
        try
        {
            await using var stream = file.OpenReadStream(MaxBytes);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer);
            buffer.Position = 0;
            read = await ActionListFile.ReadAsync(buffer);
        }
        catch (IOException e)
        {
            _uploadProblem = T["UploadRejected", e.Message];
            return;
        }
        if (!read.Succeeded)
        {
            _uploadProblem = T["UploadRejected", string.Join("; ", read.Problems.Take(10))];
            return;
        }
        await CreateActionFlow.OpenAsync(Dialogs, Navigation, Snackbar, T, read.Members, ActionSources.Upload,
            Path.GetFileNameWithoutExtension(file.Name));
    }
}
