using LiveOps.Core.PushCadence;
using Microsoft.Extensions.Configuration;
using static LiveOps.Tests.Core.PushCadence.CadenceFixture;

namespace LiveOps.Tests.Core.PushCadence;

public sealed class CadenceRulesTests
{
    [Theory]
    [InlineData(0, false, CadenceStatus.Under)]
    [InlineData(1, false, CadenceStatus.Under)]
    [InlineData(2, false, CadenceStatus.Ok)]
    [InlineData(3, false, CadenceStatus.Ok)]
    [InlineData(4, false, CadenceStatus.Over)]
    [InlineData(0, true, CadenceStatus.Partial)]
    [InlineData(3, true, CadenceStatus.Partial)]
    [InlineData(4, true, CadenceStatus.Over)]
    public void Status_AgainstTwoToThree_IsOverUnderOkOrPartial(int pushes, bool running, CadenceStatus expected) =>
        Assert.Equal(expected, CadenceRules.Status(pushes, 2, 3, running));

    [Fact]
    public void Status_RunningWeekWithNoPushes_IsNeverUnder()
    {
        Assert.Equal(CadenceStatus.Partial, CadenceRules.Status(0, 2, 3, isRunningWeek: true));
        Assert.Equal(CadenceStatus.Partial, CadenceRules.Status(0, 5, 9, isRunningWeek: true));
    }

    [Theory]
    [InlineData(1, PreSendVerdict.UnderMinimum)]
    [InlineData(2, PreSendVerdict.Fine)]
    [InlineData(3, PreSendVerdict.Fine)]
    [InlineData(4, PreSendVerdict.OverMaximum)]
    public void Verdict_JudgesTheSevenDaysAsACompletedWeek(int inWindow, PreSendVerdict expected)
    {
        Assert.Equal(expected, CadenceRules.Verdict(inWindow, 2, 3));
        // The same count over a completed week gets the matching status: the two never disagree.
        var status = CadenceRules.Status(inWindow, 2, 3, isRunningWeek: false);
        Assert.Equal(expected switch
        {
            PreSendVerdict.OverMaximum => CadenceStatus.Over,
            PreSendVerdict.UnderMinimum => CadenceStatus.Under,
            _ => CadenceStatus.Ok,
        }, status);
    }

    [Fact]
    public void PromotionsInWindow_AcrossWeekBoundary_CountsLastWeeksWeekendPushes()
    {
        // Fri, Sat, Sun of 2026-W47, then a planned Monday push in 2026-W48 (a fresh calendar week).
        var sent = new[] { At("2026-11-20T20:00:00"), At("2026-11-21T20:00:00"), At("2026-11-22T20:00:00") };

        var count = CadenceRules.PromotionsInWindow(sent, At("2026-11-23T20:00:00"));

        Assert.Equal(4, count);
        Assert.Equal(PreSendVerdict.OverMaximum, CadenceRules.Verdict(count, 2, 3));
    }

    [Fact]
    public void PromotionsInWindow_PushExactlySevenDaysBefore_IsOutside_PushAtPlannedTime_IsInside()
    {
        var planned = At("2026-11-23T20:00:00");
        var sent = new[] { At("2026-11-16T20:00:00"), At("2026-11-16T20:00:01"), planned, At("2026-11-23T20:00:01") };

        Assert.Equal(3, CadenceRules.PromotionsInWindow(sent, planned));
    }

    [Theory]
    [InlineData("23:30", true)]
    [InlineData("22:00", true)]
    [InlineData("00:00", true)]
    [InlineData("07:59", true)]
    [InlineData("08:00", false)]
    [InlineData("12:00", false)]
    [InlineData("21:59", false)]
    public void InQuietHours_TwentyTwoToEight_SpansMidnight(string time, bool expected) =>
        Assert.Equal(expected, CadenceRules.InQuietHours(TimeOnly.Parse(time), new TimeOnly(22, 0), new TimeOnly(8, 0)));

    [Fact]
    public void InQuietHours_SameDaySpan_AndEmptySpan()
    {
        Assert.True(CadenceRules.InQuietHours(new TimeOnly(13, 0), new TimeOnly(12, 0), new TimeOnly(14, 0)));
        Assert.False(CadenceRules.InQuietHours(new TimeOnly(23, 0), new TimeOnly(12, 0), new TimeOnly(14, 0)));
        Assert.False(CadenceRules.InQuietHours(new TimeOnly(23, 0), new TimeOnly(22, 0), new TimeOnly(22, 0)));
    }

    [Fact]
    public void LeaveRate_IsLeavesOverMembers_NullWithoutMembers()
    {
        Assert.Equal(2.0 / 52, CadenceRules.LeaveRate(2, 52));
        Assert.Null(CadenceRules.LeaveRate(1, 0));
        Assert.Null(CadenceRules.LeaveRate(1, null));
    }
}

public sealed class PushCadenceOptionsTests
{
    [Fact]
    public void Bind_QuietHoursAndWeComLimit_FromConfigurationStrings()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["LiveOps:PushCadence:QuietHoursStart"] = "21:30",
                ["LiveOps:PushCadence:QuietHoursEnd"] = "07:00",
                ["LiveOps:PushCadence:WeCom:MaxPerCustomerPerDay"] = "1",
            })
            .Build();

        var options = configuration.GetSection("LiveOps").Get<LiveOps.Core.Common.LiveOpsOptions>()!;

        Assert.Equal((new TimeOnly(21, 30), new TimeOnly(7, 0)), (options.PushCadence.QuietHoursStart, options.PushCadence.QuietHoursEnd));
        Assert.Equal((1, (int?)null, true), (options.PushCadence.WeCom.MaxPerCustomerPerDay, options.PushCadence.WeCom.MaxPerAudiencePerMonth, options.PushCadence.WeCom.Enabled));
        Assert.Equal((new TimeOnly(22, 0), new TimeOnly(8, 0), false), (new LiveOps.Core.Common.PushCadenceOptions().QuietHoursStart, new LiveOps.Core.Common.PushCadenceOptions().QuietHoursEnd, new LiveOps.Core.Common.PushCadenceOptions().WeCom.Enabled));
    }
}
