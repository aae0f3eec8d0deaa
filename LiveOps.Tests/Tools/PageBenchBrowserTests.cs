using System.Text.RegularExpressions;
using LiveOps.Core.LiveSessions;
using LiveOps.PageBench;
using LiveOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LiveOps.Tests.Tools;

/// <summary>
/// The page bench (tools/PageBench) on a small demo shop: its ready markers hold on every page, it finds the session
/// it opens, and it starts the built dashboard as a child process with a user it adds through the command line.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PageBenchBrowserTests(BrowserFixture browser)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task EveryPage_ReachesItsReadyMarkers_InMenuOrder_AndTheDetailIsTheNewestSession()
    {
        await using var app = DashboardApp.Start(demoData: true);
        var newest = (await app.Services.GetRequiredService<LiveSessionService>().RunAsync(new LiveSessionQuery())).Sessions[0];
        var (context, timer) = await PageTimer.SignInAsync(browser.Browser, app.BaseUrl, app.DefaultEmail, app.DefaultPassword!, Timeout);
        await using var _ = context;

        var timings = new List<PageTiming>();
        foreach (var page in BenchPages.All)
        {
            timings.Add(await timer.VisitAsync(page));
        }

        Assert.Equal(["overview", "cohorts", "cadence", "campaigns", "tiers", "live-sessions", "live-session", "private-domain", "value", "data"], timings.Select(t => t.Page));
        Assert.Equal(newest.LiveSessionId, timer.SessionId);
        Assert.Equal("/live-sessions/" + Uri.EscapeDataString(newest.LiveSessionId), timings.Single(t => t.Page == "live-session").Path);
        Assert.All(timings, t =>
        {
            Assert.True(TimeSpan.Zero < t.Loaded, t.Page);
            Assert.True(t.Loaded <= t.Live && t.Live <= t.Data && t.Data <= t.Charts && t.Charts <= t.Ready, $"{t.Page}: the steps come in order");
        });
    }

    [Fact]
    public async Task StartsTheBuiltDashboard_OnItsOwnPort_WithAUserAddedByTheCommandLine_AndReadsItsPeakWorkingSet()
    {
        var folder = Directory.CreateTempSubdirectory("liveops-pagebench-");
        try
        {
            var database = Path.Combine(folder.FullName, "shop.db");
            Assert.Equal(0, (await CliRunner.RunAsync("seed-demo", "--customers", "300", "--db", database)).ExitCode);
            await DashboardProcess.AddUserAsync(BuiltDashboard(), database, "bench@liveops.test", "Bench#2026pw");
            int id;
            await using (var app = await DashboardProcess.StartAsync(BuiltDashboard(), database, Timeout))
            {
                id = app.Id;
                Assert.Matches(new Regex(@"^http://127\.0\.0\.1:\d+$"), app.BaseUrl);
                var (context, timer) = await PageTimer.SignInAsync(browser.Browser, app.BaseUrl, "bench@liveops.test", "Bench#2026pw", Timeout);
                await using (context)
                {
                    var cadence = await timer.VisitAsync(BenchPages.All.Single(p => p.Name == "cadence"));
                    Assert.Equal("/cadence", cadence.Path);
                }
                var (rss, peak) = app.Memory();
                Assert.True(rss > 20 * 1024 * 1024, $"a running dashboard holds more than 20 MiB, not {rss}");
                Assert.True(peak >= rss, $"the peak {peak} is at least the resident set {rss}");
            }
            Assert.False(File.Exists($"/proc/{id}/status") && File.ReadAllText($"/proc/{id}/status").Contains("LiveOps.Dashboa", StringComparison.Ordinal),
                "the dashboard the bench started is stopped when the bench lets it go");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void PagesOption_KeepsMenuOrder_AndRefusesADetailWithoutItsList_OrAnUnknownPage()
    {
        Assert.Equal(["overview", "data"], BenchOptions.Select("data, overview").Select(p => p.Name));
        Assert.Equal(10, BenchOptions.Select(null).Count);
        Assert.Equal("--pages: live-session (a session's detail) needs live-sessions too: the list supplies the session.",
            Assert.Throws<ArgumentException>(() => BenchOptions.Select("live-session")).Message);
        Assert.StartsWith("--pages: unknown tours (known: overview, cohorts,",
            Assert.Throws<ArgumentException>(() => BenchOptions.Select("overview,tours")).Message);
    }

    /// <summary>The dashboard built beside this test run (same configuration), as the bench is pointed at a build.</summary>
    private static string BuiltDashboard()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        var root = output.Parent.Parent!.Parent!.Parent!.FullName;
        return Path.Combine(root, "LiveOps.Dashboard", "bin", configuration, "net10.0", "LiveOps.Dashboard");
    }
}
