using System.Globalization;

namespace LiveOps.LoadBench;

/// <summary>The Markdown table printed at the end, against the goals for a million orders and 20 sessions.</summary>
public sealed class LoadReport(
    LoadOptions options, LoadStats stats, TimeSpan elapsed, string loadBefore, string loadAfter, long peakRss, long rssBeforeLoad, long rssAfter, string browserVersion)
{
    public const string BrowserLive = "browser: page live";
    public const string BrowserReady = "browser: page ready";
    public const string HttpPage = "http: page";
    public const string Export = "http: export";

    private const double PageLiveGoal = 3.0;
    private const double ExportGoal = 2.0;
    private const long RssGoal = 1L << 30;

    public void Write(TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        var pause = options.Think > TimeSpan.Zero
            ? string.Create(c, $"each session pausing {options.Think.TotalSeconds * 0.5:0.#}–{options.Think.TotalSeconds * 1.5:0.#} s after every answer")
            : "no pause between requests";
        output.WriteLine(string.Create(c, $"## Load: {options.Clients} HTTP clients + {options.Browsers} browsers ({browserVersion}), {elapsed.TotalSeconds:0} s, {pause}"));
        output.WriteLine();
        output.WriteLine(string.Create(c, $"Database `{Path.GetFileName(options.Database)}` ({new FileInfo(options.Database).Length / (1024 * 1024)} MiB); load average before {loadBefore}, after {loadAfter}; the load generators run on the same machine as the dashboard."));
        output.WriteLine();
        output.WriteLine("| kind | target | n | errors | p50 (s) | p95 (s) | max (s) |");
        output.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var s in stats.Summaries())
        {
            output.WriteLine(Row(s));
        }
        output.WriteLine();
        var live = stats.Overall(BrowserLive);
        var export = stats.Overall(Export);
        var page = stats.Overall(HttpPage);
        output.WriteLine("| goal | measured | |");
        output.WriteLine("|---|---|---|");
        output.WriteLine(string.Create(c, $"| p95 page live ≤ {PageLiveGoal:0} s (browsers, every page) | {Seconds(live.P95)} over {live.Count} visits, {live.Errors} errors | {Mark(live.Count > 0 && live.P95 <= PageLiveGoal)} |"));
        output.WriteLine(string.Create(c, $"| p95 export ≤ {ExportGoal:0} s | {Seconds(export.P95)} over {export.Count} downloads, {export.Errors} errors | {Mark(export.Count > 0 && export.P95 <= ExportGoal)} |"));
        output.WriteLine(string.Create(c, $"| (p95 page over HTTP, prerendered document) | {Seconds(page.P95)} over {page.Count} requests, {page.Errors} errors | |"));
        output.WriteLine(string.Create(c, $"| peak RSS ≤ 1 GiB (VmHWM of the dashboard) | {Mib(peakRss)} (before the load {Mib(rssBeforeLoad)}, at the end {Mib(rssAfter)}) | {Mark(peakRss <= RssGoal)} |"));
        if (stats.FirstErrors.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("First errors:");
            foreach (var error in stats.FirstErrors)
            {
                output.WriteLine("- " + error);
            }
        }
    }

    public static string Row(TargetSummary s) =>
        string.Create(CultureInfo.InvariantCulture, $"| {s.Kind} | `{s.Target}` | {s.Count} | {s.Errors} | {Seconds(s.P50)} | {Seconds(s.P95)} | {Seconds(s.Max)} |");

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Seconds(double value) => double.IsNaN(value) ? "–" : value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MiB");

    private static string Mark(bool met) => met ? "✔" : "✘";
}
