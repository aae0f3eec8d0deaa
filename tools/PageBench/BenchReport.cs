using System.Globalization;

namespace LiveOps.PageBench;

/// <summary>Collects the visits and writes them as a Markdown table (seconds), with the machine and its load.</summary>
public sealed class BenchReport(BenchOptions options)
{
    public const string Cold = "cold";
    public const string Tour = "tour";
    public const string Warm = "warm";

    private readonly List<(string Phase, PageTiming Timing)> _visits = [];

    public string LoadBefore { get; set; } = "";

    public string LoadAfter { get; set; } = "";

    public string Browser { get; set; } = "";

    public string? Session { get; set; }

    public List<TimeSpan> Startups { get; } = [];

    public long TourPeak { get; set; }

    public long TourEnd { get; set; }

    public Dictionary<string, long> ColdPeaks { get; } = [];

    public void Add(string phase, PageTiming timing) => _visits.Add((phase, timing));

    public IEnumerable<PageTiming> Visits(string phase) => _visits.Where(v => v.Phase == phase).Select(v => v.Timing);

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public void Write(TextWriter o)
    {
        var c = CultureInfo.InvariantCulture;
        o.WriteLine();
        o.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, {Browser}");
        o.WriteLine($"load average (1/5/15 min): before {LoadBefore}, after {LoadAfter}");
        o.WriteLine($"dashboard: {options.Dashboard}");
        o.WriteLine($"database: {options.Database}; warm = median of {options.Runs} visits (min–max)");
        o.WriteLine(string.Create(c, $"dashboard start to listening: {string.Join(", ", Startups.Select(s => s.TotalSeconds.ToString("0.0", c)))} s"));
        o.WriteLine();
        o.WriteLine("| page | cold: ready | cold: loaded / live / data / charts | first in tour | warm: ready | warm: loaded / live / data / charts | peak WS, cold (MiB) |");
        o.WriteLine("|---|---:|---|---:|---:|---|---:|");
        foreach (var page in options.Pages)
        {
            var cold = Visits(Cold).FirstOrDefault(v => v.Page == page.Name);
            var tour = Visits(Tour).First(v => v.Page == page.Name);
            var warm = Visits(Warm).Where(v => v.Page == page.Name).ToList();
            o.WriteLine(string.Create(c,
                $"| {page.Name} | {S(cold?.Ready)} | {Parts(cold)} | {S(tour.Ready)} | {S(Median(warm, v => v.Ready))} ({S(warm.Min(v => v.Ready))}–{S(warm.Max(v => v.Ready))}) | " +
                $"{S(Median(warm, v => v.Loaded))} / {S(Median(warm, v => v.Live))} / {S(Median(warm, v => v.Data))} / {S(Median(warm, v => v.Charts))} | {(ColdPeaks.TryGetValue(page.Name, out var peak) ? Mib(peak) : "–")} |"));
        }
        o.WriteLine();
        o.WriteLine($"peak working set (VmHWM) after the tour and {options.Runs} warm rounds in one process: {Mib(TourPeak)} MiB (resident at the end {Mib(TourEnd)} MiB)");
        o.WriteLine("seconds from navigation start: loaded = document load event (prerendered HTML and scripts), live = circuit interactive,");
        o.WriteLine("data = the page's numbers and tables shown, charts = ApexCharts drawn, ready = a click answered by the server");
    }

    private static string Parts(PageTiming? t) => t is null ? "–" : $"{S(t.Loaded)} / {S(t.Live)} / {S(t.Data)} / {S(t.Charts)}";

    private static string S(TimeSpan? t) => t is { } v ? v.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) : "–";

    private static string Mib(long bytes) => (bytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture);

    private static TimeSpan? Median(List<PageTiming> visits, Func<PageTiming, TimeSpan> part)
    {
        if (visits.Count == 0)
        {
            return null;
        }
        var sorted = visits.Select(part).Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
