using LiveOps.Core.Accounts;
using LiveOps.Dashboard.Accounts;
using LiveOps.Core.Common;
using LiveOps.Core.Tiers;
using LiveOps.Dashboard.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LiveOps.Dashboard.Components.Pages.Tiers;

/// <summary>
/// Who holds which tier now, the rules editor and its simulation, the watch lists, 30-day movement and rule
/// history. Every number comes from the Core tier services (the same ones as <c>report tiers</c>).
/// </summary>
public partial class TiersPage : LiveOpsComponent
{
    // The signed-in user is the author: TierRuleSetService takes it from the actor.
    private const string? Author = null;

    // Only the counts and rules of the report are kept: the per-customer rows of a big shop stay out of the circuit.
    private DateTimeOffset _asOf;
    private IReadOnlyList<TierCount>? _tiers;
    private TierRuleVersion? _rules;
    private TierWatchReport? _watch;
    private TierMovementReport? _movement;
    private IReadOnlyList<TierRuleVersion> _history = [];
    private TierSimulationReport? _simulation;
    private bool _busy;

    [Inject] private IStringLocalizer<TiersResource> L { get; set; } = default!;
    [Inject] private Formatting Format { get; set; } = default!;
    [Inject] private TierService Tiers { get; set; } = default!;
    [Inject] private TierRuleSetService RuleSets { get; set; } = default!;
    [Inject] private TierWatchService Watch { get; set; } = default!;
    [Inject] private TierMovementService Movement { get; set; } = default!;
    [Inject] private TierSimulationService Simulation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<AccountsResource> A { get; set; } = default!;

    // The prerendered page shows the loading bar; only the live circuit runs the reports.
    protected override Task OnInitializedAsync() => RendererInfo.IsInteractive ? LoadAsync() : Task.CompletedTask;

    private async Task LoadAsync()
    {
        // One instant for every panel, so the lists, chart and matrix agree with each other: the tier report's own,
        // which is now unless another session computed it less than a minute ago (then all three reports are shared).
        var report = await Tiers.RunAsync(new TierQuery(), PageClosed);
        var now = report.AsOf;
        (_asOf, _tiers, _rules) = (report.AsOf, report.Tiers, report.Rules);
        _watch = await Watch.RunAsync(new TierWatchQuery(now), PageClosed);
        _movement = await Movement.RunAsync(new TierMovementQuery(now - TimeSpan.FromDays(TierWatch.HorizonDays), now), PageClosed);
        _history = await RuleSets.HistoryAsync(PageClosed);
    }

    private async Task SimulateAsync(IReadOnlyList<TierRuleDraft> draft)
    {
        _busy = true;
        try
        {
            _simulation = await Simulation.RunAsync(new TierSimulationQuery(draft), PageClosed);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task PublishAsync(IReadOnlyList<TierRuleDraft> draft)
    {
        _busy = true;
        try
        {
            var result = await RuleSets.PublishAsync(draft, TierRuleSources.Editor, Author, PageClosed);
            if (!result.Succeeded)
            {
                // The editor validates first; this only happens if the rules changed underneath it.
                Snackbar.Add(string.Join("; ", result.Problems.Select(p => p.ToString())), Severity.Error);
                return;
            }
            _simulation = null;
            await LoadAsync();
            Snackbar.Add(L["Rules.Published", result.Version!.Id], Severity.Success);
        }
        catch (AccessDeniedException refusal)
        {
            Snackbar.Add(AccessMessages.Describe(A, refusal), Severity.Error);
        }
        catch (LiveOps.Core.Store.ImportBusyException)
        {
            // Nothing was published; the editor keeps the draft for another try.
            Snackbar.Add(LiveOps.Core.Import.ImportText.Format(LiveOps.Core.Store.ImportBusyException.TextCode, System.Globalization.CultureInfo.CurrentUICulture, []), Severity.Warning);
        }
        finally
        {
            _busy = false;
        }
    }
}
