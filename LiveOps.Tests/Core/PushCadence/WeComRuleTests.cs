using LiveOps.Core.PushCadence;
using static LiveOps.Tests.Core.PushCadence.CadenceFixture;

namespace LiveOps.Tests.Core.PushCadence;

public sealed class WeComRuleTests
{
    private static DateOnly LocalDate(DateTimeOffset t) => DateOnly.FromDateTime(t.ToOffset(TimeSpan.FromHours(8)).DateTime);

    [Fact]
    public void Blocked_OnePerDay_BlocksSecondAndThirdSendOfTheLocalDay()
    {
        var sends = new[]
        {
            new GroupSend("a", At("2026-11-10T09:00:00")),
            new GroupSend("c", At("2026-11-10T21:00:00")),
            new GroupSend("b", At("2026-11-10T12:00:00")),
            // 00:30 local on the 11th is 16:30 UTC on the 10th: a new local day.
            new GroupSend("d", At("2026-11-10T16:30:00Z")),
        };

        var blocked = WeComRule.Blocked(sends, LocalDate, maxPerDay: 1, maxPerMonth: null);

        Assert.Equal(["b", "c"], blocked.Select(b => b.PushId));
        Assert.All(blocked, b => Assert.Equal(WeComLimitKind.PerCustomerPerDay, b.Limit));
        Assert.Equal([2, 3], blocked.Select(b => b.Count));
    }

    [Fact]
    public void Blocked_MonthlyCount_BlocksFromTheFirstSendOverTheLimit_ResetsNextMonth()
    {
        var sends = new[]
        {
            new GroupSend("n1", At("2026-11-02T10:00:00")),
            new GroupSend("n2", At("2026-11-09T10:00:00")),
            new GroupSend("n3", At("2026-11-16T10:00:00")),
            new GroupSend("n4", At("2026-11-30T23:00:00")),
            new GroupSend("d1", At("2026-12-01T00:10:00")),
        };

        var blocked = WeComRule.Blocked(sends, LocalDate, maxPerDay: null, maxPerMonth: 2);

        Assert.Equal(["n3", "n4"], blocked.Select(b => b.PushId));
        Assert.Equal([3, 4], blocked.Select(b => b.Count));
        Assert.All(blocked, b => Assert.Equal(WeComLimitKind.PerAudiencePerMonth, b.Limit));
    }

    [Fact]
    public void Blocked_NoLimits_BlocksNothing() =>
        Assert.Empty(WeComRule.Blocked([new GroupSend("a", At("2026-11-10T09:00:00")), new GroupSend("b", At("2026-11-10T09:00:00"))], LocalDate, null, null));
}
