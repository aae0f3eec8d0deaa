using System.Globalization;
using System.Text.Json;
using LiveOps.Tests.Core.Overview;
using LiveOps.Tests.Support;

namespace LiveOps.Tests.Cli;

/// <summary><c>report overview</c> on <see cref="OverviewFixture"/>: January 2026 against December 2025.</summary>
public sealed class OverviewReportCliTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();

    public async Task InitializeAsync()
    {
        await using var context = _db.NewContext();
        await OverviewFixture.SeedAsync(context);
    }

    [Fact]
    public async Task ReportOverview_Json_HasTheRange_ThePreviousRange_AndHandCountedNumbers()
    {
        var result = await CliRunner.RunAsync("report", "overview", "--db", _db.Path, "--from", "2026-01-01", "--to", "2026-02-01");

        Assert.Equal(("", 0), (result.Error, result.ExitCode));
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal("2026-01-01", root.GetProperty("query").GetProperty("from").GetString());
        Assert.Equal("2025-12-01", root.GetProperty("previousQuery").GetProperty("from").GetString());
        Assert.Equal("2026-01-01", root.GetProperty("previousQuery").GetProperty("to").GetString());
        var current = root.GetProperty("current");
        Assert.Equal((480m, 3L, 350m), (current.GetProperty("paidGmv").GetDecimal(), current.GetProperty("buyers").GetInt64(), current.GetProperty("privateDomainGmv").GetDecimal()));
        Assert.Equal(350.0 / 480, current.GetProperty("privateDomainShare").GetDouble());
        Assert.Equal(200m, root.GetProperty("previous").GetProperty("paidGmv").GetDecimal());
        Assert.Equal(2, root.GetProperty("campaignsRunning").GetInt32());
        Assert.Equal(72.5m, root.GetProperty("evidence").GetProperty("firstOrderAverage").GetDecimal());
        Assert.Equal(360m, root.GetProperty("membership").GetProperty("members").GetProperty("paidGmv").GetDecimal());
        Assert.Equal("2026-W02", root.GetProperty("shareByWeek")[1].GetProperty("week").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("shareByWeek")[2].GetProperty("share").ValueKind);
    }

    [Fact]
    public async Task ReportOverview_Csv_OneRowPerMeasure_WithThePreviousValueAndTheSample()
    {
        var result = await CliRunner.RunAsync("report", "overview", "--db", _db.Path, "--from", "2026-01-01", "--to", "2026-02-01", "--format", "csv");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        string R(double d) => d.ToString("R", CultureInfo.InvariantCulture);
        Assert.Equal("from,to,measure,value,previous,sample", lines[0]);
        Assert.Equal("2026-01-01,2026-02-01,paidGmv,480,200,", lines[1]);
        Assert.Contains("2026-01-01,2026-02-01,averageOrderValue,120,200,", lines);
        Assert.Contains($"2026-01-01,2026-02-01,repeatRate,{R(2.0 / 3)},1,", lines);
        Assert.Contains($"2026-01-01,2026-02-01,privateDomainShare,{R(350.0 / 480)},1,", lines);
        Assert.Contains("2026-01-01,2026-02-01,campaignsRunning,2,,", lines);
        Assert.Contains("2026-01-01,2026-02-01,members.repeatRate,0.5,,2", lines);
        Assert.Contains("2026-01-01,2026-02-01,evidence.firstOrderAverage,72.5,,4", lines);
        Assert.Contains("2026-01-01,2026-02-01,evidence.neverReturnedShare,0.5,,2", lines);
        Assert.Contains("2026-01-01,2026-02-01,evidence.leaveRateOverWeeks,,,0", lines);
        Assert.Equal(27, lines.Length);
    }

    [Fact]
    public async Task ReportOverview_WithoutBounds_IsTheNinetyDaysUpToTheAsOfDay()
    {
        var result = await CliRunner.RunAsync("report", "overview", "--db", _db.Path, "--as-of", "2026-01-31", "--format", "csv");

        Assert.Equal(0, result.ExitCode);
        // Nov 3 2025 .. Jan 31 2026 (90 days): a 200 + 300, b 50 + 70, c 60; a's 100 on Nov 1 is just before.
        Assert.StartsWith("2025-11-03,2026-02-01,paidGmv,680,", result.Out.Split("\r\n")[1]);
    }

    [Fact]
    public async Task ReportOverview_ARangeLongerThanTenYears_IsWrongUsage()
    {
        var result = await CliRunner.RunAsync("report", "overview", "--db", _db.Path, "--from", "2000-01-01", "--to", "2026-01-01");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("report overview: a range of at most 3700 days is needed, not 9497", result.Error);
        Assert.Equal("", result.Out);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}
