using LiveOps.Core.Data.Entities;
using LiveOps.Tests.Core.PushCadence;
using LiveOps.Tests.Support;

namespace LiveOps.Tests.Cli;

public sealed class CadenceCliTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();

    public async Task InitializeAsync()
    {
        await new CadenceFixture(_db)
            .Audience("g1", "粉丝群1", members: 100)
            .Audience("g2", "VIP, 老客", AudienceKind.WecomContacts)
            // g1: W45 over (the 4th push is Sunday 23:59:59), W46 ok (+ content), W47 under (+ service), W48 running.
            .Promotions("g1", "2026-11-02T10:00:00", "2026-11-03T10:00:00", "2026-11-04T10:00:00", "2026-11-08T23:59:59")
            .Promotions("g1", "2026-11-09T00:00:00", "2026-11-12T10:00:00")
            .Push("g1", "2026-11-12T12:00:00", PushKind.Content)
            .Promotions("g1", "2026-11-18T10:00:00")
            .Push("g1", "2026-11-19T10:00:00", PushKind.Service)
            // g2: nothing in W45/W46, ok in W47, already over in the running week W48.
            .Promotions("g2", "2026-11-16T10:00:00", "2026-11-18T10:00:00", "2026-11-20T10:00:00")
            .Promotions("g2", "2026-11-23T10:00:00", "2026-11-23T20:00:00", "2026-11-24T09:00:00", "2026-11-24T10:00:00")
            // g0 is known from its pushes only; 16:30Z on Sunday the 15th is Monday 00:30 local (W47).
            .Push("g0", "2026-11-15T16:30:00Z")
            .SaveAsync();
    }

    [Fact]
    public async Task ReportCadence_Json_MatchesTheContractShapeExactly()
    {
        var result = await CliRunner.RunAsync("report", "cadence", "--db", _db.Path,
            "--from", "2026-11-02", "--to", "2026-11-30", "--as-of", "2026-11-24T12:00:00", "--format", "json");

        Assert.Equal("", result.Error);
        Assert.Equal(0, result.ExitCode);
        const string expected =
            """{"minPerWeek":2,"maxPerWeek":3,"audiences":[""" +
            """{"audienceId":"g0","name":"g0","weeks":[{"week":"2026-W45","pushes":0,"status":"under"},{"week":"2026-W46","pushes":0,"status":"under"},{"week":"2026-W47","pushes":1,"status":"under"},{"week":"2026-W48","pushes":0,"status":"partial"}]},""" +
            """{"audienceId":"g1","name":"粉丝群1","weeks":[{"week":"2026-W45","pushes":4,"status":"over"},{"week":"2026-W46","pushes":2,"status":"ok"},{"week":"2026-W47","pushes":1,"status":"under"},{"week":"2026-W48","pushes":0,"status":"partial"}]},""" +
            """{"audienceId":"g2","name":"VIP, 老客","weeks":[{"week":"2026-W45","pushes":0,"status":"under"},{"week":"2026-W46","pushes":0,"status":"under"},{"week":"2026-W47","pushes":3,"status":"ok"},{"week":"2026-W48","pushes":4,"status":"over"}]}],""" +
            "\"warnings\":[" +
            """{"audienceId":"g0","week":"2026-W45","pushes":0,"status":"under"},{"audienceId":"g0","week":"2026-W46","pushes":0,"status":"under"},{"audienceId":"g0","week":"2026-W47","pushes":1,"status":"under"},""" +
            """{"audienceId":"g1","week":"2026-W45","pushes":4,"status":"over"},{"audienceId":"g1","week":"2026-W47","pushes":1,"status":"under"},""" +
            """{"audienceId":"g2","week":"2026-W45","pushes":0,"status":"under"},{"audienceId":"g2","week":"2026-W46","pushes":0,"status":"under"},{"audienceId":"g2","week":"2026-W48","pushes":4,"status":"over"}]}""";
        Assert.Equal(expected, result.Out.Trim());
    }

    [Fact]
    public async Task ReportCadence_WithoutFrom_StartsEachAudienceAtItsFirstPushOfAnyKind()
    {
        await new CadenceFixture(_db).Push("g3", "2026-11-17T10:00:00", PushKind.Content, id: "g3-content").SaveAsync();

        var result = await CliRunner.RunAsync("report", "cadence", "--db", _db.Path, "--as-of", "2026-11-24", "--format", "csv");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Trim().Split('\n');
        Assert.Equal("audience_id,name,week,pushes,status", lines[0]);
        Assert.Equal(
            [
                "g0,g0,2026-W47,1,under", "g0,g0,2026-W48,0,partial",
                "g1,粉丝群1,2026-W45,4,over", "g1,粉丝群1,2026-W46,2,ok", "g1,粉丝群1,2026-W47,1,under", "g1,粉丝群1,2026-W48,0,partial",
                "g2,\"VIP, 老客\",2026-W47,3,ok", "g2,\"VIP, 老客\",2026-W48,4,over",
                "g3,g3,2026-W47,0,under", "g3,g3,2026-W48,0,partial",
            ],
            lines[1..]);
    }

    [Fact]
    public async Task ReportCadence_BadAsOf_ExitsTwoNamingTheOption()
    {
        var result = await CliRunner.RunAsync("report", "cadence", "--db", _db.Path, "--as-of", "next tuesday");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--as-of: 'next tuesday' is not a date", result.Error);
        Assert.Equal("", result.Out);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}
