using LiveOps.Core.Common;
using LiveOps.Core.LiveSessions;
using LiveOps.Core.Overview;
using LiveOps.Dashboard.Components.Pages.PrivateDomain;
using LiveOps.Dashboard.Exports;
using Microsoft.Extensions.Time.Testing;

namespace LiveOps.Tests.Dashboard.PrivateDomain;

/// <summary>How the ranges of the private-domain page and the downloads are read from a URL (today is 2026-11-24 in Shanghai).</summary>
public sealed class ExportRangeTests
{
    private static readonly ZoneClock Clock = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.FromHours(8))), "Asia/Shanghai");

    [Fact]
    public void OverviewRange_ReadsLocalDates_ToExclusive_AndWritesThemBackTheSameWay()
    {
        Assert.True(new OverviewRange("2026-01-01", "2026-02-01").TryToQuery(Clock, out var query, out _));

        Assert.Equal(new OverviewKpiQuery(new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1)), query);
        Assert.Equal("?from=2026-01-01&to=2026-02-01", OverviewRange.QueryString(query));
    }

    [Fact]
    public void OverviewRange_Empty_IsTheLastNinetyDays_TodayIncluded()
    {
        Assert.True(new OverviewRange(null, "").TryToQuery(Clock, out var query, out _));

        Assert.Equal(new OverviewKpiQuery(new DateOnly(2026, 8, 27), new DateOnly(2026, 11, 25)), query);
    }

    [Theory]
    [InlineData("2026-02-30", null, "from: '2026-02-30' is not a date such as 2026-11-03")]
    [InlineData(null, "11/03/2026", "to: '11/03/2026' is not a date such as 2026-11-03")]
    [InlineData("2026-02-01", "2026-01-01", "from must be before to")]
    public void OverviewRange_Refuses_NamingTheFieldAndWhy(string? from, string? to, string problem)
    {
        Assert.False(new OverviewRange(from, to).TryToQuery(Clock, out _, out var why));

        Assert.Equal(problem, why?.Message);
    }

    [Fact]
    public void LiveSessionRange_IsLocalMidnights_EitherBoundOptional()
    {
        Assert.True(OverviewExportEndpoints.TrySessionQuery("2026-11-01", null, Clock, out var query, out _));
        Assert.Equal(new LiveSessionQuery(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(8)), null), query);

        Assert.False(OverviewExportEndpoints.TrySessionQuery("2026-11-01", "2026-11-01", Clock, out _, out var problem));
        Assert.Equal("from must be before to", problem?.Message);
        Assert.False(OverviewExportEndpoints.TrySessionQuery("yesterday", null, Clock, out _, out problem));
        Assert.Equal("from: 'yesterday' is not a date such as 2026-11-03", problem?.Message);
    }
}
