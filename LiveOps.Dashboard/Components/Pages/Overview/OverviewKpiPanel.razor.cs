using LiveOps.Core.Overview;
using LiveOps.Dashboard.Components.Pages.PrivateDomain;
using LiveOps.Dashboard.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LiveOps.Dashboard.Components.Pages.Overview;

/// <summary>The Overview's KPIs against the previous range, and the evidence cards; numbers come from <see cref="OverviewKpiService"/>.</summary>
public sealed partial class OverviewKpiPanel
{
    private OverviewKpiReport? _report;
    private OverviewKpiQuery? _loaded;
    private object _newReturning = new();
    private object _joins = new();

    [Inject] private OverviewKpiService Service { get; set; } = default!;
    [Inject] private Formatting F { get; set; } = default!;
    [Inject] private IStringLocalizer<OverviewResource> T { get; set; } = default!;

    /// <summary>The range shown; without one, the last <see cref="Days"/> days.</summary>
    [Parameter] public OverviewKpiQuery? Range { get; set; }

    [Parameter] public int Days { get; set; } = DailyGmvQuery.DefaultDays;

    protected override async Task OnParametersSetAsync()
    {
        var query = Range ?? Service.LastDays(Days);
        if (query == _loaded && _report is not null)
        {
            return;
        }
        _loaded = query;
        var report = await Service.RunAsync(query);
        var labels = new OverviewSeriesLabels(T["Chart.New"], T["Chart.Returning"], T["Chart.Amount"], T["Chart.Joined"]);
        _newReturning = OverviewSeriesCharts.NewReturning(report.Days, labels);
        _joins = OverviewSeriesCharts.Joins(report.JoinsByWeek, labels);
        _report = report;
    }

    private string? Change(double? fraction) => fraction is { } f ? (f >= 0 ? "+" : "") + F.Percent(f) : null;

    private RenderFragment Kpi(string testId, string label, string value, string previous, double current, double before, string href, string? tip) => builder =>
    {
        var change = OverviewKpiReport.Change(current, before);
        builder.OpenComponent<OverviewKpiCard>(0);
        builder.AddAttribute(1, nameof(OverviewKpiCard.TestId), testId);
        builder.AddAttribute(2, nameof(OverviewKpiCard.Label), label);
        builder.AddAttribute(3, nameof(OverviewKpiCard.Value), value);
        builder.AddAttribute(4, nameof(OverviewKpiCard.Note), T["Kpi.Previous", previous].Value + " · " + (Change(change) ?? T["Kpi.NoChange"].Value));
        builder.AddAttribute(5, nameof(OverviewKpiCard.Href), href);
        builder.AddAttribute(6, nameof(OverviewKpiCard.Tip), tip);
        builder.CloseComponent();
    };

    /// <summary>The private-domain page for this range, at the row that explains <paramref name="key"/>.</summary>
    private string Explained(string key) =>
        "/private-domain" + OverviewRange.QueryString(_report!.Query) + (key is "weeks" ? "#weeks" : "#pd-" + key);

    private RenderFragment Evidence(EvidenceLine line) => builder =>
    {
        builder.OpenComponent<OverviewEvidenceCard>(0);
        builder.AddAttribute(1, nameof(OverviewEvidenceCard.TestId), "evidence-" + line.Key);
        builder.AddAttribute(2, nameof(OverviewEvidenceCard.Label), line.Label);
        builder.AddAttribute(3, nameof(OverviewEvidenceCard.Value), line.Value);
        builder.AddAttribute(4, nameof(OverviewEvidenceCard.Change), line.Change);
        builder.AddAttribute(5, nameof(OverviewEvidenceCard.Rule), line.Rule);
        builder.AddAttribute(6, nameof(OverviewEvidenceCard.Sample), line.Sample);
        builder.AddAttribute(7, nameof(OverviewEvidenceCard.Href), "/private-domain" + OverviewRange.QueryString(_report!.Query) + "#pd-evidence-" + line.Key);
        builder.AddAttribute(8, nameof(OverviewEvidenceCard.Check), line.Check);
        builder.CloseComponent();
    };
}
