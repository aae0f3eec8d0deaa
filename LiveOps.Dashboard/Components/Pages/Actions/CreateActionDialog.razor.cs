using LiveOps.Core.Accounts;
using LiveOps.Core.Actions;
using LiveOps.Core.Common;
using LiveOps.Dashboard.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LiveOps.Dashboard.Components.Pages.Actions;

/// <summary>
/// The create-action form over a list the page already has. Before saving it shows the split, the buying rate of these
/// customers over the same number of days before, and the smallest lift the split can detect, recomputed as the
/// operator moves the holdout share. Saving calls <see cref="ActionService"/>, which checks the role again.
/// </summary>
public sealed partial class CreateActionDialog
{
    private string _name = "";
    private string _starts = "";
    private int _windowDays = ActionRules.DefaultWindowDays;
    private int _holdoutPercent = (int)(ActionRules.DefaultHoldoutShare * 100);
    private ActionPreview? _preview;
    private IReadOnlyList<string> _problems = [];
    private bool _busy;

    [CascadingParameter] private IMudDialogInstance MudDialog { get; set; } = default!;

    [Inject] private ActionService Actions { get; set; } = default!;
    [Inject] private ZoneClock Clock { get; set; } = default!;
    [Inject] private Formatting Format { get; set; } = default!;
    [Inject] private IStringLocalizer<ActionsResource> T { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> S { get; set; } = default!;

    /// <summary>The list; members carry groups when an uploaded file gave them.</summary>
    [Parameter, EditorRequired] public IReadOnlyList<ActionMemberInput> Members { get; set; } = [];

    [Parameter] public string Source { get; set; } = ActionSources.Upload;

    [Parameter] public string SuggestedName { get; set; } = "";

    private bool GroupsGiven => Members.Any(m => m.Group is not null);

    protected override async Task OnInitializedAsync()
    {
        _name = SuggestedName;
        _starts = Clock.LocalDate(Clock.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await PreviewAsync();
    }

    /// <summary>Today's date starts now (the send happens now); another date starts at its local midnight.</summary>
    private DateTimeOffset StartsAt()
    {
        var today = Clock.LocalDate(Clock.UtcNow);
        var date = DateOnly.TryParseExact(_starts, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : today;
        return date == today ? Clock.UtcNow : Clock.StartOfDay(date);
    }

    private async Task StartsChangedAsync(string date)
    {
        _starts = date;
        await PreviewAsync();
    }

    private async Task WindowChangedAsync(int days)
    {
        _windowDays = days;
        await PreviewAsync();
    }

    private async Task HoldoutChangedAsync(int percent)
    {
        _holdoutPercent = percent;
        await PreviewAsync();
    }

    private async Task PreviewAsync()
    {
        if (_windowDays < 1 || _windowDays > ActionRules.MaxWindowDays)
        {
            return;
        }
        var ids = Members.Select(m => m.CustomerId).ToList();
        if (GroupsGiven)
        {
            var holdout = Members.Where(m => m.Group == ActionGroup.Holdout).Select(m => m.CustomerId).Distinct(StringComparer.Ordinal).Count();
            var all = ids.Distinct(StringComparer.Ordinal).ToList();
            var baseline = await Actions.BaselineRateAsync(all, StartsAt(), _windowDays);
            _preview = new ActionPreview(all.Count, all.Count - holdout, holdout, baseline,
                ActionStatistics.MinimumDetectableDifference(all.Count - holdout, holdout, baseline));
            return;
        }
        _preview = await Actions.PreviewAsync(ids, _holdoutPercent / 100.0, StartsAt(), _windowDays);
    }

    private async Task SaveAsync()
    {
        if (PlainText.HasControl(_name))
        {
            return; // the field says why; the form keeps what was typed
        }
        _busy = true;
        try
        {
            var draft = new ActionDraft(_name, Members,
                HoldoutShare: GroupsGiven ? null : _holdoutPercent / 100.0,
                StartsAt: StartsAt(), WindowDays: _windowDays, Source: Source);
            var result = await Actions.CreateAsync(draft);
            if (result.Action is { } action)
            {
                MudDialog.Close(DialogResult.Ok(action));
                return;
            }
            _problems = result.Problems;
        }
        catch (AccessDeniedException e)
        {
            _problems = [e.Message];
        }
        finally
        {
            _busy = false;
        }
    }
}
