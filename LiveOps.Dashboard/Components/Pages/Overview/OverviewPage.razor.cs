using LiveOps.Core.Common;
using LiveOps.Core.Overview;
using LiveOps.Dashboard.Components.Pages.PrivateDomain;
using Microsoft.AspNetCore.Components;

namespace LiveOps.Dashboard.Components.Pages.Overview;

/// <summary>
/// The Overview for the range in the URL (<c>?from=2026-09-01&amp;to=2026-10-01</c>, local days, from inclusive, to
/// exclusive, shown as the last included day), default the last 90 days; presets and a custom range both navigate, so a
/// link holds the range.
/// </summary>
public sealed partial class OverviewPage : LiveOpsComponent
{
    private OverviewKpiQuery _range = default!;
    private DailyGmvReport? _report;
    private object? _options;
    private int _version;
    private string? _problem;
    private DateTime? _customFrom;
    private DateTime? _customLast;

    [Inject] private DailyGmvService Gmv { get; set; } = default!;
    [Inject] private ZoneClock Clock { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "from")] public string? From { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? To { get; set; }

    private string? Subtitle => _report is null
        ? null
        : L["Overview.Subtitle", F.Date(_report.From), F.Date(_report.To.AddDays(-1))].Value;

    /// <summary>The preset a range equals (30, 90 or 365 days ending today), or null for a custom range.</summary>
    private int? Preset => DailyGmvQuery.Ranges.Cast<int?>().FirstOrDefault(d => OverviewKpiQuery.LastDays(d!.Value, Clock.Today) == _range);

    protected override async Task OnParametersSetAsync()
    {
        if (!new OverviewRange(From, To).TryToQuery(Clock, out var range, out var problem))
        {
            _problem = L["Overview.BadRange", problem?.Format(System.Globalization.CultureInfo.CurrentUICulture) ?? ""].Value;
            if (_range is null)
            {
                _range = OverviewKpiQuery.LastDays(DailyGmvQuery.DefaultDays, Clock.Today);
                SyncPickers();
            }
            _report = null;
            return;
        }
        _problem = null;
        if (_range == range && _report is not null)
        {
            return;
        }
        _range = range;
        SyncPickers();
        // The prerendered page shows the loading state; the live circuit runs the query once.
        if (RendererInfo.IsInteractive)
        {
            _report = null;
            await LoadAsync();
        }
    }

    private void SyncPickers()
    {
        _customFrom = _range.From.ToDateTime(TimeOnly.MinValue);
        _customLast = _range.To.AddDays(-1).ToDateTime(TimeOnly.MinValue);
    }

    /// <summary>The private-domain page for the shown range, at the row that explains <paramref name="key"/>.</summary>
    private string Explained(string key) => "/private-domain" + OverviewRange.QueryString(_range) + "#pd-" + key;

    private string Export(string format) => $"/export/overview.{format}" + OverviewRange.QueryString(_range);

    private Task SelectRangeAsync(int days) => ShowAsync(OverviewKpiQuery.LastDays(days, Clock.Today));

    /// <summary>The custom range: its first and last included day as picked (to is the day after the last).</summary>
    private Task ApplyCustomAsync()
    {
        if (_customFrom is not { } from || _customLast is not { } last)
        {
            return Task.CompletedTask;
        }
        var first = DateOnly.FromDateTime(from);
        var end = DateOnly.FromDateTime(last).AddDays(1);
        if (!OverviewKpiQuery.TryCreate(first, end, Clock.Today, out var range, out var problem))
        {
            _problem = L["Overview.BadRange", problem?.Format(System.Globalization.CultureInfo.CurrentUICulture) ?? ""].Value;
            return Task.CompletedTask;
        }
        return ShowAsync(range);
    }

    private async Task ShowAsync(OverviewKpiQuery range)
    {
        _problem = null;
        Nav.NavigateTo("/" + OverviewRange.QueryString(range), replace: false);
        if (range == _range && _report is not null)
        {
            return;
        }
        _range = range;
        SyncPickers();
        _report = null;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var version = ++_version;
        var ct = NextLoad();
        DailyGmvReport report;
        try
        {
            report = await Gmv.RunAsync(new DailyGmvQuery(_range.From, _range.To), ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return; // A newer range replaced this one, or the page was left.
        }
        if (version != _version)
        {
            return; // A newer range was picked while this one ran.
        }
        _options = DailyGmvChart.Options(report, new DailyGmvChartLabels(L["Overview.Chart.Series"].Value, L["Overview.Chart.YAxis"].Value));
        _report = report;
    }
}
