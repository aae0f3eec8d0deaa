using LiveOps.Core.Common;

namespace LiveOps.Tests.Core.Common;

public sealed class LocalDaysTests
{
    [Theory]
    [InlineData("Asia/Shanghai")]
    [InlineData("Europe/Berlin")] // days of 23 and 25 hours
    public void Of_EveryHourAndEveryDayEdgeOfTwoYears_SameDateAsTheZoneConversion(string zone)
    {
        var clock = new ZoneClock(TimeProvider.System, zone);
        var from = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var to = new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var days = new LocalDays(clock, from, to);

        // Inside the range, at its edges and beyond them (where it converts instead).
        for (var ms = from - 3 * 86_400_000L; ms <= to + 3 * 86_400_000L; ms += 3_600_000)
        {
            foreach (var probe in new[] { ms, ms - 1, ms + 1 })
            {
                Assert.Equal(clock.LocalDate(DateTimeOffset.FromUnixTimeMilliseconds(probe)), days.Of(probe));
            }
        }
    }

    [Fact]
    public void Of_ShanghaiMidnight_StartsTheNextLocalDay()
    {
        var clock = new ZoneClock(TimeProvider.System, "Asia/Shanghai");
        var midnight = new DateTimeOffset(2026, 11, 3, 0, 0, 0, TimeSpan.FromHours(8)).ToUnixTimeMilliseconds();
        var days = new LocalDays(clock, midnight - 86_400_000, midnight + 86_400_000);

        Assert.Equal(new DateOnly(2026, 11, 2), days.Of(midnight - 1));
        Assert.Equal(new DateOnly(2026, 11, 3), days.Of(midnight));
    }

    [Fact]
    public void Of_EmptyRange_ConvertsEveryInstant()
    {
        var clock = new ZoneClock(TimeProvider.System, "Asia/Shanghai");
        var days = new LocalDays(clock, 0, -1);

        Assert.Equal(new DateOnly(1970, 1, 1), days.Of(0));
        Assert.Equal(new DateOnly(1970, 1, 1), days.Of(-8 * 3_600_000L));
        Assert.Equal(new DateOnly(1969, 12, 31), days.Of(-8 * 3_600_000L - 1));
    }
}
