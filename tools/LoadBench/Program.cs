using LiveOps.LoadBench;
using LiveOps.PageBench;
using Microsoft.Playwright;

// dotnet run -c Release --project tools/LoadBench -- --db <file> [--clients 16] [--browsers 4] [--seconds 120] [--think 0]
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync(e.Message + Environment.NewLine + LoadOptions.Usage);
    return 2;
}

var loadBefore = LoadReport.LoadAverage();
var email = $"loadbench-{DateTime.UtcNow:yyyyMMddHHmmss}-{Environment.ProcessId}@liveops.test";
var password = $"Lb#{Guid.NewGuid():N}A1";
await DashboardProcess.AddUserAsync(options.Dashboard, options.Database, email, password);
await using var app = await DashboardProcess.StartAsync(options.Dashboard, options.Database, options.Timeout);
if (!Uri.TryCreate(app.BaseUrl, UriKind.Absolute, out var address) || !address.IsLoopback)
{
    await Console.Error.WriteLineAsync($"The dashboard listens on {app.BaseUrl}, not on loopback: not measured.");
    return 1;
}
Console.Error.WriteLine($"dashboard {app.BaseUrl} (pid {app.Id}) on {options.Database}; {options.Clients} HTTP clients and {options.Browsers} browsers for {options.Duration.TotalSeconds:0} s");

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = options.Chromium,
    Headless = true,
    Args = PageTimer.ChromiumArgs,
});

// Every session signs in first; the clock starts when all are in, so sign-in is not measured as load.
var stats = new LoadStats();
var http = await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(_ => HttpSession.SignInAsync(app.BaseUrl, email, password, options.Timeout)));
var browsers = await Task.WhenAll(Enumerable.Range(0, options.Browsers).Select(_ => PageTimer.SignInAsync(browser, app.BaseUrl, email, password, options.Timeout)));
var rssBeforeLoad = app.WorkingSet();
using var stop = new CancellationTokenSource(options.Duration);
var started = DateTime.UtcNow;
var sessions = http.Select((session, i) => HttpLoopAsync(session, i, stop.Token))
    .Concat(browsers.Select((b, i) => BrowserLoopAsync(b.Timer, i, stop.Token)));
await Task.WhenAll(sessions);
var elapsed = DateTime.UtcNow - started;

var report = new LoadReport(options, stats, elapsed, loadBefore, LoadReport.LoadAverage(), app.PeakWorkingSet(), rssBeforeLoad, app.WorkingSet(), browser.Version);
foreach (var session in http)
{
    session.Dispose();
}
foreach (var (context, _) in browsers)
{
    await context.DisposeAsync();
}
report.Write(Console.Out);
return 0;

// A session's pause after an answer (none with --think 0), drawn from its own seeded sequence.
async Task ThinkAsync(Random draw, CancellationToken ct)
{
    if (options.Think > TimeSpan.Zero)
    {
        try
        {
            await Task.Delay(options.Think * (0.5 + draw.NextDouble()), ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }
}

// An HTTP client cycles through every page and download, each client starting at another one.
async Task HttpLoopAsync(HttpSession session, int index, CancellationToken ct)
{
    var draw = new Random(index);
    var targets = LoadOptions.HttpPages.Select(p => (Kind: LoadReport.HttpPage, Path: p))
        .Concat(LoadOptions.Exports.Select(p => (Kind: LoadReport.Export, Path: p))).ToList();
    for (var n = index; !ct.IsCancellationRequested; n++)
    {
        var (kind, path) = targets[n % targets.Count];
        try
        {
            var (time, error) = await session.FetchAsync(path, ct);
            if (error is null)
            {
                stats.Add(kind, path, time);
            }
            else
            {
                stats.Fail(kind, path, error);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The time is up while this request ran: it is neither a timing nor an error.
        }
        await ThinkAsync(draw, ct);
    }
}

// A browser session opens every page in menu order (a new circuit each, as a bookmark does), each starting at another.
async Task BrowserLoopAsync(PageTimer timer, int index, CancellationToken ct)
{
    var draw = new Random(1000 + index);
    var pages = BenchPages.All;
    for (var n = index; !ct.IsCancellationRequested; n++)
    {
        var page = pages[n % pages.Count];
        if (page.NeedsSession && timer.SessionId is null)
        {
            continue; // the detail page needs the list first
        }
        try
        {
            var timing = await timer.VisitAsync(page);
            stats.Add(LoadReport.BrowserLive, page.Name, timing.Live);
            stats.Add(LoadReport.BrowserReady, page.Name, timing.Ready);
        }
        catch (Exception e) when (e is TimeoutException or PlaywrightException)
        {
            stats.Fail(LoadReport.BrowserLive, page.Name, e.Message.Split('\n')[0]);
        }
        await ThinkAsync(draw, ct);
    }
}
