using System.Globalization;
using LiveOps.Core.LiveSessions;
using LiveOps.Dashboard.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LiveOps.Dashboard.Components.Pages.LiveSessions;

/// <summary>One measure of a session beside the shop's median and top quartile, already formatted.</summary>
public sealed record MeasureLine(string Key, string Label, string Value, string Median, string TopQuartile, Standing? Standing);

/// <summary>One live session: every measure against the shop's own sessions, and where it sits in the comparison.</summary>
public sealed partial class LiveSessionDetailPage : LiveOpsComponent
{
    private bool _loading = true;
    private LiveSessionRow? _row;
    private IReadOnlyList<MeasureLine> _measures = [];
    private object _comparison = new();

    [Inject] private LiveSessionService Service { get; set; } = default!;
    [Inject] private Formatting F { get; set; } = default!;
    [Inject] private IStringLocalizer<LiveSessionsResource> T { get; set; } = default!;

    [Parameter] public string LiveSessionId { get; set; } = "";

    private string Subtitle
    {
        get
        {
            if (_row is null)
            {
                return "";
            }
            var end = _row.EndedAt is { } e
                ? F.DateTime(e)
                : string.Format(CultureInfo.CurrentCulture, T["Detail.AssumedEnd"], F.DateTime(_row.AttributionEnd));
            return $"{_row.LiveSessionId} · " + string.Format(CultureInfo.CurrentCulture, T["Detail.Period"], F.DateTime(_row.StartedAt), end);
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        _loading = true;
        // The prerendered page shows the loading state; the report runs once, when the circuit is live.
        if (!RendererInfo.IsInteractive)
        {
            return;
        }
        // The benchmarks are over every session, so the whole report is run.
        var report = await Service.RunAsync(new LiveSessionQuery(), PageClosed);
        _row = report.Find(LiveSessionId);
        if (_row is not null)
        {
            _measures = Measures(_row, report.Benchmarks);
            _comparison = LiveSessionChartMapper.Comparison(report, LiveSessionsPage.Labels(T));
        }
        _loading = false;
    }

    private IReadOnlyList<MeasureLine> Measures(LiveSessionRow r, LiveSessionBenchmarks b)
    {
        // A median of people can fall between two whole numbers (3.5 new buyers); people are shown whole (F.People).
        string Count(double? v) => F.People(v);
        string Money(double? v) => v is null ? "—" : F.Money((decimal)v.Value);
        string Watch(double? v) => LiveSessionTable.Watch(v);
        MeasureLine Line(string key, double? value, Benchmark benchmark, Func<double?, string> format) =>
            new(key, T[$"Col.{key}"], format(value), format(benchmark.Median), format(benchmark.TopQuartile), LiveSessionRules.StandingOf(value, benchmark));
        return
        [
            Line("Viewers", r.Viewers, b.Viewers, Count),
            new("Peak", T["Col.Peak"], r.PeakConcurrent is { } p ? F.Count(p) : "—", "", "", null),
            Line("Watch", r.AvgWatchSeconds, b.AvgWatchSeconds, Watch),
            new("Orders", T["Col.Orders"], F.Count(r.Orders), "", "", null),
            new("Buyers", T["Detail.Buyers"], F.Count(r.Buyers), "", "", null),
            Line("Gmv", (double)r.Gmv, b.Gmv, Money),
            Line("NewBuyers", r.NewBuyers, b.NewBuyers, Count),
            Line("Joins", r.Joins, b.Joins, Count),
            Line("JoinRate", r.JoinRate, b.JoinRate, F.Percent),
        ];
    }
}
