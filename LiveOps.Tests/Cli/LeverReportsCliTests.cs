using System.Text.Json;
using LiveOps.Tests.Core.Content;
using LiveOps.Tests.Support;

namespace LiveOps.Tests.Cli;

/// <summary><c>report content</c> on <see cref="ContentFixture"/>'s lifting shop.</summary>
public sealed class ContentReportCliTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();

    public async Task InitializeAsync()
    {
        await using var context = _db.NewContext();
        await ContentFixture.SeedAsync(context, lifting: true);
    }

    [Fact]
    public async Task ReportContent_Json_GivesRatesLiftAndVerdictPerAudience()
    {
        var result = await CliRunner.RunAsync("report", "content", "--db", _db.Path, "--from", "2026-11-02", "--to", "2026-11-22");

        Assert.Equal(("", 0), (result.Error, result.ExitCode));
        using var json = JsonDocument.Parse(result.Out);
        var g1 = json.RootElement.GetProperty("audiences").EnumerateArray().Single(a => a.GetProperty("audienceId").GetString() == "g1");
        Assert.Equal(60, g1.GetProperty("content").GetProperty("orders").GetInt64());
        Assert.Equal(60 / ContentFixture.ContentDays, g1.GetProperty("content").GetProperty("ordersPerMemberDay").GetDouble(), 12);
        var lift = g1.GetProperty("contentLift");
        Assert.Equal("supported", lift.GetProperty("verdict").GetString());
        Assert.Equal("poisson_log_ratio", lift.GetProperty("method").GetString());
        Assert.Equal(72, json.RootElement.GetProperty("windowHours").GetInt32());
    }

    [Fact]
    public async Task ReportContent_Csv_OneRowPerAudienceAndWindow()
    {
        var result = await CliRunner.RunAsync("report", "content", "--db", _db.Path, "--from", "2026-11-02", "--to", "2026-11-22", "--format", "csv");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("audience_id,name,window,pushes,member_days,orders,", lines[0]);
        Assert.Equal(1 + 3 * 4, lines.Length);
        Assert.StartsWith("g1,老客群,content,2,124,60,", lines.Single(l => l.StartsWith("g1,老客群,content", StringComparison.Ordinal)));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}

/// <summary><c>report acquisition</c>, <c>invite-timing</c> and <c>cycle</c> on <see cref="LiveOps.Tests.Core.LiveSessions.LiveSessionFixture"/>.</summary>
public sealed class LeverReportsCliTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();

    public async Task InitializeAsync()
    {
        await using var context = _db.NewContext();
        await LiveOps.Tests.Core.LiveSessions.LiveSessionFixture.SeedAsync(context);
    }

    [Fact]
    public async Task ReportAcquisition_Csv_EndsWithOutsideAndTotal()
    {
        var result = await CliRunner.RunAsync("report", "acquisition", "--db", _db.Path, "--as-of", "2027-06-01", "--format", "csv");

        Assert.Equal(("", 0), (result.Error, result.ExitCode));
        var lines = result.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 3 + 2, lines.Length);
        Assert.StartsWith("(outside),,,1,1,1,1,1,1,1,230,", lines[^2]);
        Assert.StartsWith("(total),,,8,8,3,8,3,8,3,610,", lines[^1]);
    }

    [Fact]
    public async Task ReportInviteTimingAndCycle_Json()
    {
        var invite = await CliRunner.RunAsync("report", "invite-timing", "--db", _db.Path);
        var cycle = await CliRunner.RunAsync("report", "cycle", "--db", _db.Path, "--as-of", "2027-06-01");

        Assert.Equal((0, 0), (invite.ExitCode, cycle.ExitCode));
        using var i = JsonDocument.Parse(invite.Out);
        Assert.Equal(7, i.RootElement.GetProperty("buyers").GetInt64());
        using var c = JsonDocument.Parse(cycle.Out);
        Assert.Equal(3, c.RootElement.GetProperty("overall").GetProperty("gaps").GetInt64());
    }

    [Fact]
    public async Task ReportCycle_WithARange_IsWrongUsage()
    {
        var result = await CliRunner.RunAsync("report", "cycle", "--db", _db.Path, "--from", "2026-11-01");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("only --as-of", result.Error);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}
