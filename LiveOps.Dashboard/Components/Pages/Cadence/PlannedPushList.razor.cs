using LiveOps.Core.Accounts;
using LiveOps.Core.Common;
using LiveOps.Core.PushCadence;
using LiveOps.Dashboard.Accounts;
using LiveOps.Dashboard.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LiveOps.Dashboard.Components.Pages.Cadence;

/// <summary>
/// The audience's planned pushes that are still ahead, with edit (time and title) and cancel. The Core service
/// checks the role and refuses a time that has passed; a failed save keeps what the operator typed.
/// </summary>
public partial class PlannedPushList
{
    private IReadOnlyList<PlannedPushItem>? _plans;
    private int? _editing;
    private string? _timeText;
    private string? _title;
    private string? _message;
    private bool _busy;

    [Parameter, EditorRequired] public string AudienceId { get; set; } = "";

    /// <summary>Raised after a plan was moved or cancelled, so the page can redraw its weeks.</summary>
    [Parameter] public EventCallback OnChanged { get; set; }

    [Inject] private PlannedPushService Service { get; set; } = default!;

    [Inject] private ZoneClock Clock { get; set; } = default!;

    [Inject] private IStringLocalizer<CadenceResource> T { get; set; } = default!;

    [Inject] private IStringLocalizer<AccountsResource> A { get; set; } = default!;

    protected override async Task OnParametersSetAsync() => await ReloadAsync();

    private async Task ReloadAsync() => _plans = await Service.UpcomingAsync(AudienceId);

    private void StartEditing(PlannedPushItem plan)
    {
        _editing = plan.Id;
        _timeText = Clock.ToLocal(plan.PlannedAt).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        _title = plan.Title;
        _message = null;
    }

    private void StopEditing()
    {
        _editing = null;
        _message = null;
    }

    private async Task SaveAsync(int id)
    {
        _message = null;
        if (PlainText.HasControl(_title))
        {
            return; // a refused title is marked on its field
        }
        if (!Clock.TryParseInstant(_timeText, out var plannedAt))
        {
            _message = T["Plan.TimeInvalid", _timeText ?? ""];
            return;
        }
        if (await RunAsync(() => Service.RescheduleAsync(id, plannedAt, _title)))
        {
            _editing = null;
        }
    }

    private async Task CancelPlanAsync(int id) => await RunAsync(() => Service.CancelAsync(id));

    /// <summary>Runs one change; on success reloads the list and tells the page, on refusal shows why and keeps the edits.</summary>
    private async Task<bool> RunAsync(Func<Task> change)
    {
        _busy = true;
        try
        {
            await change();
            await ReloadAsync();
            await OnChanged.InvokeAsync();
            return true;
        }
        catch (PlannedInPastException past)
        {
            _message = T["Plan.InPast", Clock.ToLocal(past.PlannedAt).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)];
        }
        catch (PlannedPushNotFoundException)
        {
            _message = T["Planned.Gone"];
            await ReloadAsync();
        }
        catch (AccessDeniedException refusal)
        {
            _message = AccessMessages.Describe(A, refusal);
        }
        finally
        {
            _busy = false;
        }
        return false;
    }
}
