using LiveOps.Core.Common;
using LiveOps.Core.PushCadence;
using LiveOps.Dashboard.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LiveOps.Dashboard.Components.Pages.Cadence;

/// <summary>One audience: its weeks, a timeline of pushes by kind, members and leaves, and the WeCom rule.</summary>
public partial class CadenceAudiencePage : LiveOpsComponent
{
    private CadenceReport? _report;
    private CadenceAudience? _audience;
    private object? _chart;

    [Parameter] public string AudienceId { get; set; } = "";

    [Inject] private CadenceService Service { get; set; } = default!;

    [Inject] private ZoneClock Clock { get; set; } = default!;

    [Inject] private IStringLocalizer<CadenceResource> T { get; set; } = default!;

    private IReadOnlyList<string> _members = [];

    [Inject] private LiveOps.Core.Actions.ActionListSources ListSources { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        await ReloadReportAsync();
        _members = await ListSources.AudienceMembersAsync(AudienceId);
    }

    private async Task ReloadReportAsync()
    {
        // Twelve weeks here: enough history to compare over-pushed weeks with calm ones.
        _report = await Service.RunAsync(CadenceView.PageQuery(Clock, AudienceId, weeks: 12), PageClosed);
        _audience = _report.Audiences.FirstOrDefault();
        _chart = _audience is null ? null : CadenceChartMapper.Timeline(_audience, new TimelineLabels(
            T["Detail.Promotion"], T["Detail.Content"], T["Detail.Service"], T["Detail.Leaves"], T["Detail.Members"], T["Detail.Promotion"]),
            _report.MaxPerWeek);
    }
}
