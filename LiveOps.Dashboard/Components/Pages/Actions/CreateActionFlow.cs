using LiveOps.Core.Actions;
using LiveOps.Dashboard.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LiveOps.Dashboard.Components.Pages.Actions;

/// <summary>Opens the create-action form over a list and, once saved, goes to the new action's results.</summary>
public static class CreateActionFlow
{
    public static async Task OpenAsync(IDialogService dialogs, NavigationManager navigation, ISnackbar snackbar, IStringLocalizer<ActionsResource> t,
        IReadOnlyList<ActionMemberInput> members, string source, string suggestedName)
    {
        var parameters = new DialogParameters<CreateActionDialog>
        {
            { d => d.Members, members },
            { d => d.Source, source },
            { d => d.SuggestedName, suggestedName },
        };
        var dialog = await dialogs.ShowAsync<CreateActionDialog>(t["Form.Title"], parameters,
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseButton = true });
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: CreatedAction action })
        {
            snackbar.Add(t["Form.Saved", action.Name], Severity.Success);
            navigation.NavigateTo(ActionView.Detail(action.Id));
        }
    }
}
