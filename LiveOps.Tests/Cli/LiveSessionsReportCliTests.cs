using System.Text.Json;
using LiveOps.Tests.Core.LiveSessions;
using LiveOps.Tests.Support;

namespace LiveOps.Tests.Cli;

/// <summary><c>report live-sessions</c> on <see cref="LiveSessionFixture"/>'s three hand-counted sessions.</summary>
public sealed class LiveSessionsReportCliTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();

    public async Task InitializeAsync()
    {
        await using var context = _db.NewContext();
        await LiveSessionFixture.SeedAsync(context);
    }

    [Fact]
    public async Task ReportLiveSessions_Json_ListsSessionsNewestFirst_WithTheShopsBenchmarks()
    {
        var result = await CliRunner.RunAsync("report", "live-sessions", "--db", _db.Path);

        Assert.Equal(("", 0), (result.Error, result.ExitCode));
        using var json = JsonDocument.Parse(result.Out);
        var sessions = json.RootElement.GetProperty("sessions");
        Assert.Equal(["s3", "s2", "s1"], sessions.EnumerateArray().Select(s => s.GetProperty("liveSessionId").GetString()));
        var s1 = sessions[2];
        Assert.Equal((4L, 390m, 3, 1), (s1.GetProperty("orders").GetInt64(), s1.GetProperty("gmv").GetDecimal(), s1.GetProperty("newBuyers").GetInt32(), s1.GetProperty("joins").GetInt32()));
        Assert.Equal(1.0 / 3, s1.GetProperty("joinRate").GetDouble());
        Assert.Equal(JsonValueKind.Null, sessions[0].GetProperty("joinRate").ValueKind);
        var viewers = json.RootElement.GetProperty("benchmarks").GetProperty("viewers");
        Assert.Equal((600.0, 800.0, 3), (viewers.GetProperty("median").GetDouble(), viewers.GetProperty("topQuartile").GetDouble(), viewers.GetProperty("sample").GetInt32()));
    }

    [Fact]
    public async Task ReportLiveSessions_Csv_OneRowPerSession_InLocalTime()
    {
        var result = await CliRunner.RunAsync("report", "live-sessions", "--db", _db.Path, "--format", "csv");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
        [
            "liveSessionId,title,startedAt,endedAt,attributionEnd,viewers,peakConcurrent,avgWatchSeconds,orders,gmv,buyers,newBuyers,joins,joinRate",
            "s3,,2026-11-14 20:00:00,2026-11-14 21:00:00,2026-11-14 21:00:00,300,40,60,0,0,0,0,0,",
            "s2,会员专场,2026-11-12 20:00:00,,2026-11-12 23:00:00,600,90,300,5,130,5,4,2,0.5",
            $"s1,双十一预热,2026-11-10 20:00:00,2026-11-10 22:00:00,2026-11-10 22:00:00,1000,180,120,4,390,4,3,1,{(1.0 / 3).ToString("R", System.Globalization.CultureInfo.InvariantCulture)}",
        ], result.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task ReportLiveSessions_FromTo_SelectsSessionsByTheirStart()
    {
        // s2 starts Nov 12 20:00 (in); s3 starts Nov 14 20:00, after --to.
        var result = await CliRunner.RunAsync("report", "live-sessions", "--db", _db.Path, "--format", "csv", "--from", "2026-11-11", "--to", "2026-11-14T20:00:00");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["liveSessionId", "s2"], result.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')[0]));
    }

    [Fact]
    public async Task ReportLiveSessions_Csv_NeutralisesATitleASpreadsheetWouldRunAsAFormula()
    {
        await using (var db = _db.NewContext())
        {
            db.LiveSessions.Add(new LiveOps.Core.Data.Entities.LiveSession { LiveSessionId = "s9", Title = "=HYPERLINK(\"x\")", StartedAt = LiveSessionFixture.At(11, 20, 20) });
            await db.SaveChangesAsync();
        }

        var result = await CliRunner.RunAsync("report", "live-sessions", "--db", _db.Path, "--format", "csv", "--from", "2026-11-20");

        Assert.Equal("s9,\"'=HYPERLINK(\"\"x\"\")\",2026-11-20 20:00:00,,2026-11-20 23:00:00,,,,0,0,0,0,0,", result.Out.Split("\r\n")[1]);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}
