using System.Globalization;
using LiveOps.PageBench;

namespace LiveOps.LoadBench;

public sealed record LoadOptions(string Database, string Dashboard, int Clients, int Browsers, TimeSpan Duration, TimeSpan Timeout, string Chromium)
{
    /// <summary>
    /// A session's pause after each answer before its next request, as a person reading a page takes (each pause drawn
    /// between half and one and a half times this); zero: every session asks again at once (a stress test).
    /// </summary>
    public TimeSpan Think { get; init; }

    public const string Usage =
        "usage: LoadBench --db <sqlite file> [--clients N (16)] [--browsers N (4)] [--seconds N (120)] " +
        "[--dashboard <LiveOps.Dashboard executable or .dll>] [--timeout seconds per request or page (60)] [--chromium /usr/bin/chromium]";

    /// <summary>Pages fetched over HTTP: the prerendered document a bookmark or a reload asks for.</summary>
    public static readonly IReadOnlyList<string> HttpPages =
        ["/", "/cohorts", "/cadence", "/campaigns", "/tiers", "/live-sessions", "/private-domain", "/value", "/data"];

    /// <summary>The downloads, with the pages' default filters.</summary>
    public static readonly IReadOnlyList<string> Exports =
    [
        "/export/overview.csv", "/export/overview.xlsx", "/export/campaigns.csv", "/export/campaigns.xlsx",
        "/export/live-sessions.csv", "/export/live-sessions.xlsx", "/export/tiers/upgrades.csv", "/export/tiers/downgrade-risks.csv",
        "/export/value/customers.csv?list=churn",
    ];

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        string? database = null, dashboard = null;
        int clients = 16, browsers = 4, seconds = 120, timeout = 60, think = 0;
        var chromium = "/usr/bin/chromium";
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--db": database = Value(); break;
                case "--dashboard": dashboard = Value(); break;
                case "--clients": clients = Count("--clients", Value()); break;
                case "--browsers": browsers = Count("--browsers", Value()); break;
                case "--seconds": seconds = Positive("--seconds", Value()); break;
                case "--timeout": timeout = Positive("--timeout", Value()); break;
                case "--think": think = Count("--think", Value()); break;
                case "--chromium": chromium = Value(); break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }
        if (clients + browsers == 0)
        {
            throw new ArgumentException("--clients and --browsers are both 0: nobody to measure.");
        }
        // PageBench checks the database, the dashboard and Chromium the same way.
        var page = BenchOptions.Parse(Checked(database, dashboard, chromium));
        return new LoadOptions(page.Database, page.Dashboard, clients, browsers, TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(timeout), page.Chromium) { Think = TimeSpan.FromSeconds(think) };
    }

    private static List<string> Checked(string? database, string? dashboard, string chromium)
    {
        List<string> args = ["--chromium", chromium];
        if (database is not null)
        {
            args.AddRange(["--db", database]);
        }
        if (dashboard is not null)
        {
            args.AddRange(["--dashboard", dashboard]);
        }
        return args;
    }

    private static int Positive(string name, string value) =>
        Count(name, value) is > 0 and var n ? n : throw new ArgumentException($"{name} must be a positive whole number, not '{value}'.");

    private static int Count(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new ArgumentException($"{name} must be a whole number, not '{value}'.");
}
