using LiveOps.Core.Campaigns;
using LiveOps.Core.Common;
using Microsoft.AspNetCore.Components;

namespace LiveOps.Dashboard.Components.Pages.Campaigns;

/// <summary>The campaign table: filters live in the URL, so a filtered view can be shared and exported as seen.</summary>
public sealed partial class CampaignsPage : LiveOpsComponent
{
    private CampaignFilter _filter = CampaignFilter.None;
    private CampaignReport? _report;
    private QueryProblem? _problem;
    private IReadOnlyList<string> _selected = [];

    [Inject] private CampaignService Service { get; set; } = default!;
    [Inject] private ZoneClock Clock { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "type")] public string? Type { get; set; }
    [SupplyParameterFromQuery(Name = "from")] public string? From { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? To { get; set; }

    private IEnumerable<CampaignInsight> SelectedInsights =>
        _selected.Select(id => _report?.InsightOf(id)).OfType<CampaignInsight>();

    protected override async Task OnParametersSetAsync()
    {
        _filter = new CampaignFilter(Type, From, To);
        if (!_filter.TryToQuery(Clock, out var query, out _problem))
        {
            _report = null;
            return;
        }
        if (!RendererInfo.IsInteractive)
        {
            return; // The prerendered page shows the loading bar; only the live circuit runs the report.
        }
        var ct = NextLoad();
        _report = null;
        try
        {
            _report = await Service.RunAsync(query, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // A newer filter replaced this load.
        }
    }

    private string ExportUrl(string extension) => $"/export/campaigns.{extension}{_filter.ToQueryString()}";

    // "download" keeps the router from treating the file as a page; the test id lets tests find the link.
    private static Dictionary<string, object> DownloadAttributes(string fileName, string testId) =>
        new() { ["download"] = fileName, ["data-testid"] = testId };

    private Task ApplyFilterAsync(CampaignFilter filter)
    {
        Navigation.NavigateTo("/campaigns" + filter.ToQueryString());
        return Task.CompletedTask;
    }

    private void OnSelectedChanged(IReadOnlyList<string> selected) => _selected = selected;

    private void ClearSelection() => _selected = [];
}
