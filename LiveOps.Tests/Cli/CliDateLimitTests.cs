using LiveOps.Tests.Support;

namespace LiveOps.Tests.Cli;

/// <summary>
/// Dates at the edge of the calendar on the command line: every report's --from/--to/--as-of and action create's
/// --starts are read by the one date reader, refused with what, where and why, as wrong usage (exit 2), never a crash.
/// </summary>
public sealed class CliDateLimitTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _db.DisposeAsync();

    public static TheoryData<string, string, string> FarDates => new()
    {
        { "cohorts", "--from", "0001-01-01" },
        { "cohorts", "--to", "9999-12-31" },
        { "campaigns", "--from", "0001-01-01" },
        { "live-sessions", "--to", "9999-12-31" },
        { "overview", "--from", "1900-01-01" },
        { "cadence", "--as-of", "0001-01-01T00:00:00" },
        { "tiers", "--as-of", "2101-01-01" },
        { "value", "--as-of", "9999-12-31" },
    };

    [Theory]
    [MemberData(nameof(FarDates))]
    public async Task Report_YearOutsideTheCoveredYears_ExitsTwo_NamingTheOptionAndTheYears(string report, string option, string value)
    {
        var result = await CliRunner.RunAsync("report", report, "--db", _db.Path, option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"{option}: '{value}' is outside the years 1970 to 2100 that reports cover", result.Error);
        Assert.Equal("", result.Out);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public async Task ReportCohorts_WeeklyOverACentury_ExitsTwo_SayingTheCap()
    {
        var result = await CliRunner.RunAsync("report", "cohorts", "--db", _db.Path, "--period", "week", "--from", "2000-01-01", "--to", "2100-01-01");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("report cohorts: weekly cohorts cover at most 400 weeks, not 5219", result.Error);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task ReportCohorts_MonthlyOverElevenYears_ExitsTwo_SayingTheCap_AndTenYearsPass()
    {
        var refused = await CliRunner.RunAsync("report", "cohorts", "--db", _db.Path, "--from", "2015-01-01", "--to", "2026-01-01");
        var passed = await CliRunner.RunAsync("report", "cohorts", "--db", _db.Path, "--from", "2016-01-01", "--to", "2026-01-01");

        Assert.Equal(2, refused.ExitCode);
        Assert.StartsWith("report cohorts: monthly cohorts cover at most 120 months, not 132", refused.Error);
        Assert.Equal(0, passed.ExitCode);
    }

    [Fact]
    public async Task ReportOverview_LongerThanTheDayCap_ExitsTwo_SayingTheCap()
    {
        var result = await CliRunner.RunAsync("report", "overview", "--db", _db.Path, "--from", "2000-01-01", "--to", "2100-01-01");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("report overview: a range of at most 3700 days is needed, not 36525", result.Error);
    }

    [Fact]
    public async Task ActionCreate_StartsInYearOne_ExitsTwo_BeforeReadingTheFile()
    {
        var result = await CliRunner.RunAsync("action", "create", "--db", _db.Path, "--name", "far", "--customers", "no-such.csv", "--starts", "0001-01-01");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("--starts: '0001-01-01' is outside the years 1970 to 2100 that reports cover", result.Error);
    }
}
