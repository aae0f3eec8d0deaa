using LiveOps.Core.Common;
using Microsoft.Extensions.Time.Testing;

namespace LiveOps.Tests.Core.Import;

/// <summary>The timestamp reader behind every import: the contract's spellings in, anything else out.</summary>
public sealed class TimestampSpellingTests
{
    private static readonly ZoneClock Shanghai = new(new FakeTimeProvider(), "Asia/Shanghai");
    private static readonly ZoneClock NewYork = new(new FakeTimeProvider(), "America/New_York");

    [Theory]
    [InlineData("2026-02-30 10:00:00")]
    [InlineData("2026-02-29T10:00")]
    [InlineData("2026-13-01T10:00:00")]
    [InlineData("2026-11-03T24:00:00")]
    [InlineData("2026-11-03T20:60:00")]
    [InlineData("2026-11-03T20:15:60")]
    [InlineData("2026-11-03T20:15:00+15:00")]
    [InlineData("2026-11-3 20:15:00")]
    [InlineData("2026/11/03 20:15:00")]
    [InlineData("2026-11-03")]
    [InlineData("20261103T201500")]
    [InlineData("2026-11-03T2O:15:00")]
    [InlineData("yesterday")]
    public void TryParse_RefusesWhatTheContractDoesNotAllow(string text) =>
        Assert.False(Timestamps.TryParse(text, Shanghai, out _));

    [Fact]
    public void TryParse_LeapDay_IsAccepted()
    {
        Assert.True(Timestamps.TryParse("2028-02-29 08:00", Shanghai, out var instant));

        Assert.Equal(new DateTimeOffset(2028, 2, 29, 0, 0, 0, TimeSpan.Zero), instant);
    }

    [Fact]
    public void TryParse_WithoutOffset_UsesTheConfiguredZone_IncludingItsSummerTime()
    {
        Assert.True(Timestamps.TryParse("2026-07-01T12:00:00", NewYork, out var summer));
        Assert.True(Timestamps.TryParse("2026-12-01T12:00:00", NewYork, out var winter));

        Assert.Equal(new DateTimeOffset(2026, 7, 1, 16, 0, 0, TimeSpan.Zero), summer);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 17, 0, 0, TimeSpan.Zero), winter);
    }

    [Fact]
    public void TryParse_AnExplicitOffset_WinsOverTheZone()
    {
        Assert.True(Timestamps.TryParse("2026-07-01T12:00:00+08:00", NewYork, out var instant));

        Assert.Equal(new DateTimeOffset(2026, 7, 1, 4, 0, 0, TimeSpan.Zero), instant);
    }
}
