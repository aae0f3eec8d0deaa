using System.Globalization;

namespace LiveOps.PageBench;

public sealed record BenchOptions(string Database, string Dashboard, int Runs, TimeSpan Timeout, bool Cold, IReadOnlyList<BenchPage> Pages, string Chromium)
{
    public const string Usage =
        "usage: PageBench --db <sqlite file> [--runs N (3)] [--dashboard <LiveOps.Dashboard executable or .dll>] " +
        "[--pages overview,cohorts,…] [--timeout seconds (300)] [--no-cold] [--chromium /usr/bin/chromium]";

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        string? database = null, dashboard = null, pages = null;
        var runs = 3;
        var timeout = 300;
        var cold = true;
        var chromium = "/usr/bin/chromium";
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--db": database = Value(); break;
                case "--dashboard": dashboard = Value(); break;
                case "--pages": pages = Value(); break;
                case "--runs": runs = Positive("--runs", Value()); break;
                case "--timeout": timeout = Positive("--timeout", Value()); break;
                case "--chromium": chromium = Value(); break;
                case "--no-cold": cold = false; break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }
        if (database is null)
        {
            throw new ArgumentException("--db is required: a SQLite file with data (e.g. made by seed-demo --customers 200000).");
        }
        if (!File.Exists(database))
        {
            throw new ArgumentException($"--db {database}: no such file.");
        }
        dashboard ??= DefaultDashboard();
        if (!File.Exists(dashboard))
        {
            throw new ArgumentException($"--dashboard {dashboard}: no such file (build it: dotnet build -c Release LiveOps.Dashboard).");
        }
        if (!File.Exists(chromium))
        {
            throw new ArgumentException($"--chromium {chromium}: no such file (apt-get install -y chromium).");
        }
        return new BenchOptions(Path.GetFullPath(database), Path.GetFullPath(dashboard), runs, TimeSpan.FromSeconds(timeout), cold, Select(pages), chromium);
    }

    /// <summary>The pages named (in menu order), all by default; a session's detail needs the list before it.</summary>
    public static IReadOnlyList<BenchPage> Select(string? names)
    {
        if (names is null)
        {
            return BenchPages.All;
        }
        var wanted = names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var unknown = wanted.Where(n => BenchPages.All.All(p => p.Name != n)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"--pages: unknown {string.Join(", ", unknown)} (known: {string.Join(", ", BenchPages.All.Select(p => p.Name))}).");
        }
        var chosen = BenchPages.All.Where(p => wanted.Contains(p.Name)).ToList();
        if (chosen.Any(p => p.NeedsSession) && !chosen.Any(p => p.Data.Contains(BenchPages.FirstSessionLink)))
        {
            throw new ArgumentException("--pages: live-session (a session's detail) needs live-sessions too: the list supplies the session.");
        }
        return chosen;
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a positive whole number, not '{value}'.");

    /// <summary>The Release build of the repository this is run from.</summary>
    private static string DefaultDashboard()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "LiveOps.sln")))
                {
                    return Path.Combine(dir.FullName, "LiveOps.Dashboard", "bin", "Release", "net10.0", "LiveOps.Dashboard");
                }
            }
        }
        throw new ArgumentException("--dashboard is required outside the repository.");
    }
}
