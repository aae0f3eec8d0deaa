using LiveOps.Core.LiveSessions;
using LiveOps.Dashboard.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LiveOps.Dashboard.Components.Pages.LiveSessions;

/// <summary>Every live session with what it brought, and the watch-time × join-rate comparison.</summary>
public sealed partial class LiveSessionsPage : LiveOpsComponent
{
    private LiveSessionReport? _report;
    private object _comparison = new();

    [Inject] private LiveSessionService Service { get; set; } = default!;
    [Inject] private IStringLocalizer<LiveSessionsResource> T { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        // The prerendered page shows the loading state; the report runs once, when the circuit is live.
        if (!RendererInfo.IsInteractive)
        {
            return;
        }
        _report = await Service.RunAsync(new LiveSessionQuery(), PageClosed);
        _comparison = LiveSessionChartMapper.Comparison(_report, Labels(T));
    }

    internal static ComparisonLabels Labels(IStringLocalizer<LiveSessionsResource> t) =>
        new(t["Chart.Sessions"], t["Chart.Watch"], t["Chart.JoinRate"], t["Chart.Median"]);
}
