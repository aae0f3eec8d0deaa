using LiveOps.Core.Cohorts;
using LiveOps.Core.Common;
using LiveOps.Dashboard.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LiveOps.Dashboard.Components.Pages.Cohorts;

/// <summary>
/// Reads the view from the query string, asks <see cref="ICohortService"/> for it, and hands the report to the
/// child components. Every control change navigates to the new URL, so the address bar is always a shareable link.
/// </summary>
public partial class CohortsPage : LiveOpsComponent
{
    private CohortQuery _query = new();
    private CohortReport? _report;
    private QueryProblem? _problem;
    private object? _curves;
    private CohortCellQuery? _cell;
    private bool _loading;
    private CancellationToken _running;

    [Inject] private ICohortService Service { get; set; } = default!;
    [Inject] private ZoneClock Clock { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IStringLocalizer<CohortsResource> L { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "period")] public string? PeriodText { get; set; }
    [SupplyParameterFromQuery(Name = "from")] public string? FromText { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? ToText { get; set; }
    [SupplyParameterFromQuery(Name = "mode")] public string? ModeText { get; set; }
    [SupplyParameterFromQuery(Name = "metric")] public string? MetricText { get; set; }
    [SupplyParameterFromQuery(Name = "breakdown")] public string? BreakdownText { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _cell = null;
        if (!CohortView.TryParse(PeriodText, FromText, ToText, ModeText, MetricText, BreakdownText, Clock, out var query, out _problem))
        {
            // The controls keep the period and options; the bad range is named above the matrix instead of computed.
            _query = query;
            _report = null;
            return;
        }
        _query = query;
        if (!RendererInfo.IsInteractive)
        {
            // Prerendering shows the loading state at once; the report is computed once the circuit is live.
            return;
        }
        var running = _running = NextLoad();
        _loading = true;
        try
        {
            var report = await Service.RunAsync(_query, running);
            if (running.IsCancellationRequested)
            {
                return;
            }
            _report = report;
            _curves = CohortCurveMapper.Options(report, GroupName, L["Matrix.Average"], k => L["Curves.Offset", k]);
        }
        catch (OperationCanceledException) when (running.IsCancellationRequested)
        {
            // A newer view replaced this one while it was computing.
        }
        finally
        {
            if (_running == running)
            {
                _loading = false;
            }
        }
    }

    private string GroupName(string key)
    {
        var text = L["Group." + key];
        return text.ResourceNotFound ? key : text.Value;
    }

    private void Change(CohortQuery query) => Navigation.NavigateTo(CohortView.Url(query, Clock));

    private void OpenCell(CohortCellQuery cell) => _cell = cell;

    private void CloseCell() => _cell = null;
}
