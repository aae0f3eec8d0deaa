using LiveOps.Core.Accounts;
using LiveOps.Dashboard.Accounts;
using LiveOps.Core.Common;
using LiveOps.Core.PushCadence;
using LiveOps.Dashboard.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace LiveOps.Dashboard.Components.Pages.Cadence;

/// <summary>
/// The "plan a push" form: pick audiences and a local time, see each audience's pre-send verdict, then save.
/// Saving is only offered once the verdicts for the current choice are on screen.
/// </summary>
public partial class PlanPushForm
{
    private readonly HashSet<string> _selected = new(StringComparer.Ordinal);
    private string? _timeText;
    private string? _title;
    private string? _error;
    private IReadOnlyList<PreSendCheck>? _checks;
    private bool _busy;
    private string? _refusal;

    [Inject] private IStringLocalizer<AccountsResource> A { get; set; } = default!;

    [Inject] private IStringLocalizer<SharedResource> S { get; set; } = default!;

    [Inject] private CadenceService Service { get; set; } = default!;

    [Inject] private ZoneClock Clock { get; set; } = default!;

    [Inject] private IOptions<LiveOpsOptions> Options { get; set; } = default!;

    [Parameter, EditorRequired] public IReadOnlyList<CadenceAudience> Audiences { get; set; } = [];

    /// <summary>Raised with the number of planned pushes saved.</summary>
    [Parameter] public EventCallback<int> OnSaved { get; set; }

    [Parameter] public EventCallback OnCancel { get; set; }

    private PushCadenceOptions Cadence => Options.Value.PushCadence;

    private string QuietText => T["Verdict.QuietHours", Cadence.QuietHoursStart.ToString("HH:mm"), Cadence.QuietHoursEnd.ToString("HH:mm")];

    protected override void OnInitialized()
    {
        // The next full hour, local: a sensible starting point the operator edits.
        var local = Clock.ToLocal(Clock.UtcNow);
        var next = new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0).AddHours(1);
        _timeText = next.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
    }

    private void Toggle(string audienceId, bool on)
    {
        if (on)
        {
            _selected.Add(audienceId);
        }
        else
        {
            _selected.Remove(audienceId);
        }
        _checks = null;
    }

    private void TimeChanged(string? text)
    {
        _timeText = text;
        _checks = null;
    }

    private async Task CheckAsync()
    {
        _error = null;
        _checks = null;
        if (_selected.Count == 0)
        {
            _error = T["Plan.NoAudience"];
            return;
        }
        if (!Clock.TryParseInstant(_timeText, out var plannedAt))
        {
            _error = T["Plan.TimeInvalid", _timeText ?? ""];
            return;
        }
        if (plannedAt <= Clock.UtcNow)
        {
            _error = InPast(plannedAt);
            return;
        }
        var order = Audiences.Select(a => a.AudienceId).Where(_selected.Contains).ToList();
        _checks = await Service.CheckAsync(order, plannedAt);
    }

    private async Task SaveAsync()
    {
        if (_checks is null || _checks.Count == 0 || PlainText.HasControl(_title))
        {
            return; // a refused title is marked on its field
        }
        _busy = true;
        try
        {
            var saved = await Service.PlanAsync(_checks.Select(c => c.AudienceId).ToList(), _checks[0].PlannedAt, _title);
            await OnSaved.InvokeAsync(saved);
        }
        catch (AccessDeniedException refusal)
        {
            _refusal = AccessMessages.Describe(A, refusal);
        }
        catch (PlannedInPastException past)
        {
            // The clock moved on while the verdicts were on screen: say so and keep the form as typed.
            _checks = null;
            _error = InPast(past.PlannedAt);
        }
        finally
        {
            _busy = false;
        }
    }

    private string InPast(DateTimeOffset plannedAt) =>
        T["Plan.InPast", Clock.ToLocal(plannedAt).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)];

    private string VerdictText(PreSendVerdict verdict) => verdict switch
    {
        PreSendVerdict.OverMaximum => T["Verdict.OverMaximum", Cadence.MaxPerWeek],
        PreSendVerdict.UnderMinimum => T["Verdict.UnderMinimum", Cadence.MinPerWeek],
        _ => T["Verdict.Fine"],
    };

    private static Color VerdictColor(PreSendVerdict verdict) => verdict switch
    {
        PreSendVerdict.OverMaximum => Color.Error,
        PreSendVerdict.UnderMinimum => Color.Warning,
        _ => Color.Success,
    };

    [Inject] private IStringLocalizer<CadenceResource> T { get; set; } = default!;
}
