using LiveOps.Core.Common;
using LiveOps.Core.Overview;
using LiveOps.Dashboard.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LiveOps.Dashboard.Components.Pages.PrivateDomain;

/// <summary>
/// What the Overview's KPIs and evidence mean and where they come from: every figure for the range in the URL, its
/// definition, members against non-members and the weekly private-domain share, all from <see cref="OverviewKpiService"/>
/// (the Overview's own service), so a number followed from the Overview is the same number here.
/// </summary>
public sealed partial class PrivateDomainPage : LiveOpsComponent
{
    private OverviewKpiReport? _report;
    private OverviewKpiQuery? _query;
    private QueryProblem? _problem;
    private object _chart = new();

    [Inject] private OverviewKpiService Service { get; set; } = default!;
    [Inject] private ZoneClock Clock { get; set; } = default!;
    [Inject] private Formatting F { get; set; } = default!;
    [Inject] private IStringLocalizer<OverviewResource> T { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "from")] public string? From { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? To { get; set; }

    private string? Subtitle => _query is { } q
        ? T["Pd.Subtitle", F.Date(q.From), F.Date(q.To.AddDays(-1)), F.Date(q.Previous.From), F.Date(q.Previous.To.AddDays(-1))].Value
        : null;

    protected override async Task OnParametersSetAsync()
    {
        _report = null;
        _problem = null;
        if (!new OverviewRange(From, To).TryToQuery(Clock, out var query, out _problem))
        {
            _query = null;
            return;
        }
        _query = query;
        // The prerendered page shows the loading state; the report runs once, when the circuit is live.
        if (!RendererInfo.IsInteractive)
        {
            return;
        }
        var report = await Service.RunAsync(query, PageClosed);
        _chart = PrivateDomainChart.Share(report.ShareByWeek, T["Kpi.PrivateShare"]);
        _report = report;
    }

    private string RangeHref(int days) => "/private-domain" + OverviewRange.QueryString(OverviewKpiQuery.LastDays(days, Clock.Today));

    private string Export(string format) => $"/export/overview.{format}" + (_query is { } q ? OverviewRange.QueryString(q) : "");

    private RenderFragment Row(string key, string label, string value, string previous, string definition, string? href = null) => builder =>
    {
        builder.OpenElement(0, "tr");
        builder.AddAttribute(1, "id", "pd-" + key);
        builder.OpenElement(2, "td");
        builder.AddContent(3, label);
        builder.CloseElement();
        builder.OpenElement(4, "td");
        builder.AddAttribute(5, "style", "text-align:right");
        builder.AddAttribute(6, "data-testid", "pd-" + key);
        builder.AddContent(7, value);
        builder.CloseElement();
        builder.OpenElement(8, "td");
        builder.AddAttribute(9, "style", "text-align:right");
        builder.AddAttribute(10, "data-testid", $"pd-{key}-previous");
        builder.AddContent(11, previous);
        builder.CloseElement();
        builder.OpenElement(12, "td");
        builder.AddContent(13, definition);
        if (href is not null)
        {
            builder.AddContent(14, " ");
            builder.OpenElement(15, "a");
            builder.AddAttribute(16, "href", href);
            builder.AddContent(17, T["Pd.More"]);
            builder.CloseElement();
        }
        builder.CloseElement();
        builder.CloseElement();
    };

    private RenderFragment Group(string key, string label, BuyerGroup g) => builder =>
    {
        builder.OpenElement(0, "tr");
        builder.AddAttribute(1, "data-testid", "pd-" + key);
        builder.OpenElement(2, "td");
        builder.AddContent(3, label);
        builder.CloseElement();
        string[] cells = [F.Money(g.PaidGmv), F.Count(g.Orders), F.Count(g.Buyers), F.Percent(g.RepeatRate)];
        foreach (var cell in cells)
        {
            builder.OpenElement(4, "td");
            builder.AddAttribute(5, "style", "text-align:right");
            builder.AddContent(6, cell);
            builder.CloseElement();
        }
        builder.CloseElement();
    };
}
