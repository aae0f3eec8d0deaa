using LiveOps.PageBench;
using Microsoft.Playwright;

// dotnet run -c Release --project tools/PageBench -- --db <file> [--runs N] [--dashboard <binary or .dll>]
//   [--pages overview,cohorts,…] [--timeout seconds] [--no-cold]
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync(e.Message + Environment.NewLine + BenchOptions.Usage);
    return 2;
}

var pages = options.Pages;
var report = new BenchReport(options);
report.LoadBefore = BenchReport.LoadAverage();
Console.WriteLine($"dashboard: {options.Dashboard}");
Console.WriteLine($"database: {options.Database} ({new FileInfo(options.Database).Length / (1024 * 1024)} MiB)");

var email = $"pagebench-{DateTime.UtcNow:yyyyMMddHHmmss}-{Environment.ProcessId}@liveops.test";
var password = $"Pb#{Guid.NewGuid():N}A1";
await DashboardProcess.AddUserAsync(options.Dashboard, options.Database, email, password);
Console.WriteLine($"user: {email} (operator, added with user add --password-stdin)");

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = options.Chromium,
    Headless = true,
    Args = PageTimer.ChromiumArgs,
});
report.Browser = $"Chromium {browser.Version}";

// Tour: one dashboard process, every page once in menu order (the first page pays the column-store load),
// then --runs more rounds of every page: warm.
{
    await using var app = await DashboardProcess.StartAsync(options.Dashboard, options.Database, options.Timeout);
    report.Startups.Add(app.Startup);
    var (context, timer) = await PageTimer.SignInAsync(browser, app.BaseUrl, email, password, options.Timeout);
    await using (context)
    {
        foreach (var page in pages)
        {
            report.Add(BenchReport.Tour, await Measure(timer, page));
        }
        for (var run = 0; run < options.Runs; run++)
        {
            foreach (var page in pages)
            {
                report.Add(BenchReport.Warm, await Measure(timer, page));
            }
        }
        report.Session = timer.SessionId;
    }
    report.TourPeak = app.PeakWorkingSet();
    report.TourEnd = app.WorkingSet();
}

// Cold: each page as the first page of a freshly started dashboard.
if (options.Cold)
{
    foreach (var page in pages)
    {
        await using var app = await DashboardProcess.StartAsync(options.Dashboard, options.Database, options.Timeout);
        report.Startups.Add(app.Startup);
        var (context, timer) = await PageTimer.SignInAsync(browser, app.BaseUrl, email, password, options.Timeout);
        await using (context)
        {
            timer.UseSession(report.Session);
            report.Add(BenchReport.Cold, await Measure(timer, page));
        }
        report.ColdPeaks[page.Name] = app.PeakWorkingSet();
    }
}

report.LoadAfter = BenchReport.LoadAverage();
report.Write(Console.Out);
return 0;

static async Task<PageTiming> Measure(PageTimer timer, BenchPage page)
{
    var timing = await timer.VisitAsync(page);
    Console.Error.WriteLine($"  {timing.Page,-15} ready {timing.Ready.TotalSeconds,6:0.00} s (loaded {timing.Loaded.TotalSeconds:0.00}, live {timing.Live.TotalSeconds:0.00}, data {timing.Data.TotalSeconds:0.00}, charts {timing.Charts.TotalSeconds:0.00})");
    return timing;
}
