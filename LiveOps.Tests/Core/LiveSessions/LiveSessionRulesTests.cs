using LiveOps.Core.LiveSessions;

namespace LiveOps.Tests.Core.LiveSessions;

public sealed class LiveSessionRulesTests
{
    private const long Hour = 3_600_000;

    [Fact]
    public void JoinWindow_RunsFromTheStartToTwoHoursAfterTheEnd_BothIncluded()
    {
        var end = LiveSessionRules.EndMs(0, 2 * Hour);

        Assert.True(LiveSessionRules.IsJoinAttributed(0, end, 0));
        Assert.True(LiveSessionRules.IsJoinAttributed(0, end, 4 * Hour));
        Assert.False(LiveSessionRules.IsJoinAttributed(0, end, 4 * Hour + 1000));
        Assert.False(LiveSessionRules.IsJoinAttributed(0, end, -1000));
        Assert.False(LiveSessionRules.IsJoinAttributed(0, end, null));
    }

    [Fact]
    public void MissingOrBackwardEnd_MeansThreeHoursAfterTheStart()
    {
        Assert.Equal(3 * Hour, LiveSessionRules.EndMs(0, null));
        Assert.Equal(3 * Hour, LiveSessionRules.EndMs(0, -Hour));
    }

    [Fact]
    public void JoinRate_IsJoinsOverNewBuyers_UndefinedWithoutNewBuyers()
    {
        Assert.Equal(0.25, LiveSessionRules.JoinRate(1, 4));
        Assert.Null(LiveSessionRules.JoinRate(0, 0));
    }

    [Fact]
    public void Standing_ComparesWithMedianAndTopQuartile()
    {
        var benchmark = LiveSessionRules.BenchmarkOf([1, 2, 3, 4, null]);

        Assert.Equal(new Benchmark(2.5, 3.25, 4), benchmark);
        Assert.Equal(Standing.TopQuartile, LiveSessionRules.StandingOf(3.25, benchmark));
        Assert.Equal(Standing.AboveMedian, LiveSessionRules.StandingOf(2.5, benchmark));
        Assert.Equal(Standing.BelowMedian, LiveSessionRules.StandingOf(2, benchmark));
        Assert.Equal(Standing.NoData, LiveSessionRules.StandingOf(null, benchmark));
    }
}
