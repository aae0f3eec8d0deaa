using System.Globalization;
using LiveOps.Core.Common;
using Microsoft.Extensions.Time.Testing;

namespace LiveOps.Tests.Core.Common;

/// <summary>The one reader of URL and command-line dates, and its limits (today is 2026-11-24 in Shanghai).</summary>
public sealed class QueryDatesTests
{
    private static readonly ZoneClock Clock = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.FromHours(8))), "Asia/Shanghai");

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("1969-12-31")]
    [InlineData("2101-01-01")]
    [InlineData("9999-12-31")]
    public void TryDay_YearOutsideTheCoveredYears_NamesFieldValueAndLimits(string text)
    {
        Assert.False(QueryDates.TryDay(text, "from", out var day, out var problem));

        Assert.Null(day);
        Assert.Equal($"from: '{text}' is outside the years 1970 to 2100 that reports cover", problem!.Message);
        Assert.Equal($"from：“{text}”超出了报表支持的年份范围（1970 年至 2100 年）", problem.Format(CultureInfo.GetCultureInfo("zh-CN")));
    }

    [Theory]
    [InlineData("1970-01-01", 1970, 1, 1)]
    [InlineData("2100-12-31", 2100, 12, 31)]
    public void TryDay_FirstAndLastCoveredDays_AreDates(string text, int y, int m, int d)
    {
        Assert.True(QueryDates.TryDay(text, "to", out var day, out _));
        Assert.Equal(new DateOnly(y, m, d), day);
    }

    [Fact]
    public void TryInstant_FarPastInAZoneEastOfUtc_IsAProblemNotAnOverflow()
    {
        Assert.False(QueryDates.TryInstant("0001-01-01", "--from", Clock, out _, out var problem));
        Assert.Equal("--from: '0001-01-01' is outside the years 1970 to 2100 that reports cover", problem!.Message);

        Assert.False(QueryDates.TryInstant("0001-01-01T00:00:00", "--as-of", Clock, out _, out problem));
        Assert.StartsWith("--as-of: '0001-01-01T00:00:00' is outside the years", problem!.Message);

        Assert.False(QueryDates.TryInstant("soon", "--to", Clock, out _, out problem));
        Assert.Equal("--to: 'soon' is not a date (2026-11-03) or a timestamp (2026-11-03T20:15:00, optional +08:00 or Z)", problem!.Message);

        Assert.True(QueryDates.TryInstant("2026-11-03T20:15:00", "--from", Clock, out var instant, out _));
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 20, 15, 0, TimeSpan.FromHours(8)), instant);
    }

    [Fact]
    public void CheckPeriods_CapsWeeksAndMonths_CountingEveryPeriodTouched()
    {
        // 2000-01-03 is a Monday: 400 whole weeks end on 2007-09-03 (exclusive).
        var monday = new DateOnly(2000, 1, 3);
        Assert.Null(QueryDates.CheckPeriods(PeriodKind.Week, monday, monday.AddDays(400 * 7)));
        Assert.Equal("weekly cohorts cover at most 400 weeks, not 401; choose a later from or an earlier to, or monthly cohorts",
            QueryDates.CheckPeriods(PeriodKind.Week, monday, monday.AddDays(400 * 7 + 1))!.Message);
        Assert.Equal("weekly cohorts cover at most 400 weeks, not 5219; choose a later from or an earlier to, or monthly cohorts",
            QueryDates.CheckPeriods(PeriodKind.Week, new DateOnly(2000, 1, 1), new DateOnly(2100, 1, 1))!.Message);

        Assert.Null(QueryDates.CheckPeriods(PeriodKind.Month, new DateOnly(2010, 1, 1), new DateOnly(2020, 1, 1)));
        Assert.Equal("monthly cohorts cover at most 120 months, not 121; choose a later from or an earlier to",
            QueryDates.CheckPeriods(PeriodKind.Month, new DateOnly(2010, 1, 1), new DateOnly(2020, 1, 2))!.Message);
    }

    [Fact]
    public void CheckDays_CapsAtTenYears_AndRefusesAnEmptyRange()
    {
        Assert.Null(QueryDates.CheckDays(new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 1).AddDays(3700)));
        Assert.Equal("a range of at most 3700 days is needed, not 3701; choose a later from or an earlier to",
            QueryDates.CheckDays(new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 1).AddDays(3701))!.Message);
        Assert.Equal("from must be before to", QueryDates.CheckDays(new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 1))!.Message);
    }

    [Fact]
    public void EveryProblemCode_HasEnglishAndChinese()
    {
        foreach (var code in QueryProblem.Codes)
        {
            var problem = new QueryProblem(code, ["a", "b", "c", "d"]);
            Assert.NotEqual(problem.Message, problem.Format(CultureInfo.GetCultureInfo("zh-CN")));
        }
    }
}
