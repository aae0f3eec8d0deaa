using LiveOps.Core.LiveSessions;
using LiveOps.Tests.Support;
using LiveOps.Core.Store;

namespace LiveOps.Tests.Core.LiveSessions;

public abstract class LiveSessionServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly TestDatabase _db = new(provider: provider);

    public async Task InitializeAsync()
    {
        await using var db = _db.NewContext();
        await LiveSessionFixture.SeedAsync(db);
    }

    [Fact]
    public async Task EachSession_GetsItsPaidOrders_NewBuyers_AndJoinsWithinTwoHoursOfItsEnd()
    {
        var report = await _db.Get<LiveSessionService>().RunAsync(new LiveSessionQuery());

        var rows = report.Sessions.Select(s => $"{s.LiveSessionId}:{s.Orders}:{s.Gmv}:{s.Buyers}:{s.NewBuyers}:{s.Joins}:{s.JoinRate}").ToList();
        Assert.Equal(["s3:0:0:0:0:0:", "s2:5:130:5:4:2:0.5", $"s1:4:390:4:3:1:{1.0 / 3}"], rows);
    }

    [Fact]
    public async Task SessionWithoutEnd_IsTakenToEndThreeHoursAfterItsStart()
    {
        var report = await _db.Get<LiveSessionService>().RunAsync(new LiveSessionQuery());

        Assert.Equal(LiveSessionFixture.At(11, 12, 23), report.Find("s2")!.AttributionEnd);
        Assert.Null(report.Find("s2")!.EndedAt);
        Assert.Equal(LiveSessionFixture.At(11, 10, 22), report.Find("s1")!.AttributionEnd);
    }

    [Fact]
    public async Task Benchmarks_AreMedianAndTopQuartileOfTheShopsOwnSessions()
    {
        var report = await _db.Get<LiveSessionService>().RunAsync(new LiveSessionQuery());

        Assert.Equal(new Benchmark(600, 800, 3), report.Benchmarks.Viewers);
        Assert.Equal(new Benchmark(120, 210, 3), report.Benchmarks.AvgWatchSeconds);
        // Join rate is undefined for s3 (no new buyers), so only s1 (1/3) and s2 (1/2) count.
        Assert.Equal(2, report.Benchmarks.JoinRate.Sample);
        Assert.Equal((1.0 / 3 + 0.5) / 2, report.Benchmarks.JoinRate.Median!.Value, 12);
        Assert.Equal(1.0 / 3 + (0.5 - 1.0 / 3) * 0.75, report.Benchmarks.JoinRate.TopQuartile!.Value, 12);
    }

    [Fact]
    public async Task Range_SelectsSessionsByStart()
    {
        var report = await _db.Get<LiveSessionService>().RunAsync(
            new LiveSessionQuery(LiveSessionFixture.At(11, 11, 0), LiveSessionFixture.At(11, 14, 20)));

        Assert.Equal(["s2"], report.Sessions.Select(s => s.LiveSessionId));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}

public sealed class LiveSessionServiceTestsOnSqlite() : LiveSessionServiceTests(DatabaseProvider.Sqlite);

public sealed class LiveSessionServiceTestsOnPostgres() : LiveSessionServiceTests(DatabaseProvider.Postgres);
