using LiveOps.Core.Cohorts;
using LiveOps.Core.Common;
using LiveOps.Dashboard.Components.Pages.Cohorts;
using Microsoft.Extensions.Time.Testing;

namespace LiveOps.Tests.Dashboard.Cohorts;

/// <summary>The shareable URL of a cohorts view and the chart options mapper, without a database.</summary>
public sealed class CohortViewTests
{
    private readonly ZoneClock _clock = new(new FakeTimeProvider(), "Asia/Shanghai");

    [Fact]
    public void Url_RoundTripsEveryControl_AndLeavesDefaultsOut()
    {
        Assert.True(CohortView.TryParse("week", "2026-01-01", "2026-07-01", "cumulative", "revenue_per_customer", "membership", _clock, out var query, out _));

        Assert.Equal(new CohortQuery
        {
            Period = PeriodKind.Week,
            From = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)),
            To = new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.FromHours(8)),
            Mode = CohortMode.Cumulative,
            Metric = CohortMetric.RevenuePerCustomer,
            Breakdown = CohortBreakdown.Membership,
        }, query);
        Assert.Equal("/cohorts?period=week&from=2026-01-01&to=2026-07-01&mode=cumulative&metric=revenue_per_customer&breakdown=membership",
            CohortView.Url(query, _clock));
        Assert.Equal("/cohorts", CohortView.Url(new CohortQuery(), _clock));
    }

    [Fact]
    public void TryParse_IgnoresMalformedOptions_ButNamesAnInvertedRange()
    {
        Assert.True(CohortView.TryParse("quarter", "2026-07-01", null, "sideways", "bogus", "zodiac", _clock, out var query, out _));
        Assert.Equal(new CohortQuery { From = new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.FromHours(8)) }, query);

        Assert.False(CohortView.TryParse("month", "2026-07-01", "2026-01-01", null, null, null, _clock, out _, out var problem));
        Assert.Equal("from must be before to", problem?.Message);
    }

    [Fact]
    public void CurveLines_AreOnePerBreakdownGroup_FromTheAverageRow_WithoutIncompleteCells()
    {
        var query = new CohortQuery { Breakdown = CohortBreakdown.Membership };
        CohortRow Row(params CohortCell?[] cells) => new(null, 10, cells, new CohortLtv(null, null, null));
        var report = new CohortReport(query, "Asia/Shanghai", 3, null, null, CohortReport.Empty(query, "Asia/Shanghai").Kpis,
        [
            new CohortGroup("before", 10, [], Row(new CohortCell(0, 10, 10, 100m, 10, 1, false), new CohortCell(1, 6, 7, 70m, 10, 1, false), null)),
            new CohortGroup("never", 10, [], Row(new CohortCell(0, 10, 10, 100m, 10, 1, false), new CohortCell(1, 2, 2, 20m, 10, 1, true), null)),
        ]);

        var lines = CohortCurveMapper.Lines(report, key => key.ToUpperInvariant(), "avg");

        Assert.Equal(["BEFORE", "NEVER"], lines.Select(l => l.Name));
        Assert.Equal([1.0, 0.6, null], lines[0].Data);
        Assert.Equal([1.0, null, null], lines[1].Data);
    }
}
