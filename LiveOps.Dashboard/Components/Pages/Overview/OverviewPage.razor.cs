using LiveOps.Core.Overview;
using LiveOps.Dashboard.Components.Pages.PrivateDomain;
using Microsoft.AspNetCore.Components;

namespace LiveOps.Dashboard.Components.Pages.Overview;

public sealed partial class OverviewPage : LiveOpsComponent
{
    private int _days = DailyGmvQuery.DefaultDays;
    private DailyGmvReport? _report;
    private object? _options;
    private int _version;

    [Inject] private DailyGmvService Gmv { get; set; } = default!;

    private string? Subtitle => _report is null
        ? null
        : L["Overview.Subtitle", F.Date(_report.From), F.Date(_report.To.AddDays(-1))].Value;

    protected override async Task OnInitializedAsync()
    {
        // The prerendered page shows the loading state; the live circuit runs the query once.
        if (RendererInfo.IsInteractive)
        {
            await LoadAsync();
        }
    }

    private OverviewKpiQuery Range
    {
        get
        {
            var days = Gmv.LastDays(_days);
            return new OverviewKpiQuery(days.From, days.To);
        }
    }

    /// <summary>The private-domain page for the shown range, at the row that explains <paramref name="key"/>.</summary>
    private string Explained(string key) => "/private-domain" + OverviewRange.QueryString(Range) + "#pd-" + key;

    private string Export(string format) => $"/export/overview.{format}" + OverviewRange.QueryString(Range);

    private async Task SelectRangeAsync(int days)
    {
        if (days == _days && _report is not null)
        {
            return;
        }
        _days = days;
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
            report = await Gmv.RunAsync(Gmv.LastDays(_days), ct);
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
