namespace LiveOps.PageBench;

/// <summary>
/// One dashboard page and what "ready" means on it: every selector of <see cref="Data"/> matches a visible element
/// (the page's own numbers and tables, which pages compute only once the circuit is live), then every selector of
/// <see cref="Charts"/> (ApexCharts drawn in the browser), then a click on <see cref="Click"/> is answered by the
/// server with <see cref="Answer"/> becoming visible (the circuit takes input).
/// </summary>
public sealed record BenchPage(string Name, string Path, IReadOnlyList<string> Data, IReadOnlyList<string> Charts, string Click, string Answer)
{
    /// <summary>The shell's language menu: opened by the server, so it answers only through a live circuit.</summary>
    public const string MenuButton = "[data-testid=language-switch] button";

    public const string MenuAnswer = "[data-testid=lang-en]";

    /// <summary>Stands for the newest live session's id in <see cref="Path"/>; the list page supplies it.</summary>
    public const string SessionPlaceholder = "{session}";

    public bool NeedsSession => Path.Contains(SessionPlaceholder, StringComparison.Ordinal);

    public string PathFor(string? session) =>
        NeedsSession
            ? Path.Replace(SessionPlaceholder, Uri.EscapeDataString(session ?? throw new InvalidOperationException($"{Name} needs a live session id from the live sessions list.")), StringComparison.Ordinal)
            : Path;
}

/// <summary>The dashboard's pages in menu order, with the markers the browser tests already rely on.</summary>
public static class BenchPages
{
    private static string Chart(string testId, string drawn = ".apexcharts-series") =>
        $"[data-testid={testId}][data-chart-ready=true] svg {drawn}";

    /// <summary>The link to the first (newest) session on the live sessions list: the detail page measured.</summary>
    public const string FirstSessionLink = "[data-testid=session-name] a";

    public static readonly IReadOnlyList<BenchPage> All =
    [
        new("overview", "/",
            ["[data-testid=kpi-gmv-value]", "[data-testid=kpi-paid-gmv-value]", "[data-testid=evidence-aov-sample]", "[data-testid=card-over]"],
            [Chart("gmv-chart", ".apexcharts-series path"), Chart("new-returning-chart", ".apexcharts-series path"), Chart("joins-chart", ".apexcharts-series path")],
            BenchPage.MenuButton, BenchPage.MenuAnswer),
        new("cohorts", "/cohorts",
            ["[data-testid=cohort-kpis]", "[data-testid^=cell-all-]"],
            [Chart("cohort-curves")],
            BenchPage.MenuButton, BenchPage.MenuAnswer),
        new("cadence", "/cadence",
            ["[data-testid=grid-row] [data-testid=grid-cell]", "[data-testid=leave-rate-over]"],
            [],
            BenchPage.MenuButton, BenchPage.MenuAnswer),
        new("campaigns", "/campaigns",
            ["tr.campaign-row [data-testid=cell-revenue]"],
            [],
            BenchPage.MenuButton, BenchPage.MenuAnswer),
        new("tiers", "/tiers",
            ["[data-testid=dist-0]", "[data-testid=tier-upgrades]", "[data-testid=tier-migration]", "[data-testid=history-row]"],
            [Chart("tier-distribution-chart")],
            BenchPage.MenuButton, BenchPage.MenuAnswer),
        new("live-sessions", "/live-sessions",
            ["tr.live-session-row [data-testid=cell-gmv]", FirstSessionLink],
            [Chart("live-session-comparison")],
            BenchPage.MenuButton, BenchPage.MenuAnswer),
        new("live-session", "/live-sessions/" + BenchPage.SessionPlaceholder,
            ["tr[data-measure=NewBuyers] td"],
            [Chart("live-session-comparison")],
            BenchPage.MenuButton, BenchPage.MenuAnswer),
        new("private-domain", "/private-domain",
            ["[data-testid=pd-kpis] tbody tr", "[data-testid=pd-membership] tbody tr", "[data-testid=pd-weeks] tbody tr"],
            [Chart("pd-share-chart")],
            BenchPage.MenuButton, BenchPage.MenuAnswer),
        // Both fits (at the as-of and at the backtest's cut-off), the quadrants, the churn list and the backtest.
        new("value", "/value",
            ["[data-testid=value-model]", "[data-testid=value-quadrants]", "[data-testid=churn-risk]", "[data-testid=backtest-total]"],
            [],
            BenchPage.MenuButton, BenchPage.MenuAnswer),
        // Nothing to compute: the import page's own control (pick a kind) shows that kind's columns.
        new("data", "/data",
            ["[data-testid=kind-orders]"],
            [],
            "[data-testid=kind-orders]", "[data-testid=kind-description]"),
    ];
}
