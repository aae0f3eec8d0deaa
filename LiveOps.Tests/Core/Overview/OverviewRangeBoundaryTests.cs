using LiveOps.Core.Data.Entities;
using LiveOps.Core.Overview;
using LiveOps.Tests.Support;

namespace LiveOps.Tests.Core.Overview;

/// <summary>
/// The previous range at month, year and leap-year boundaries. One customer in Shanghai ordered
/// 100 on 2028-01-29 23:59:59, 200 on 2028-01-30 00:00, 300 on 2028-02-29 23:59:59 (a leap day),
/// 400 on 2028-03-01 00:00, 500 on 2028-03-31 23:59:59 and 600 on 2028-04-01 00:00.
/// </summary>
public sealed class OverviewRangeBoundaryTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0, int second = 0) =>
        new(2028, month, day, hour, minute, second, TimeSpan.FromHours(8));

    public async Task InitializeAsync()
    {
        await using var db = _db.NewContext();
        var customer = new Customer { CustomerId = "leap" };
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        var n = 0;
        Order O(DateTimeOffset at, decimal amount) => new() { OrderId = $"o{++n}", CustomerKey = customer.Id, PlacedAt = at, Amount = amount };
        db.Orders.AddRange(
            O(At(1, 29, 23, 59, 59), 100m), O(At(1, 30, 0), 200m), O(At(2, 29, 23, 59, 59), 300m),
            O(At(3, 1, 0), 400m), O(At(3, 31, 23, 59, 59), 500m), O(At(4, 1, 0), 600m));
        await db.SaveChangesAsync();
    }

    private Task<OverviewKpiReport> Run(DateOnly from, DateOnly to) =>
        _db.Get<OverviewKpiService>().RunAsync(new OverviewKpiQuery(from, to));

    [Theory]
    [InlineData("2026-01-01", "2026-02-01", "2025-12-01", "2026-01-01")] // January 2026 → December 2025 (31 days each)
    [InlineData("2026-03-01", "2026-04-01", "2026-01-29", "2026-03-01")] // March → Jan 29 - Feb 28 (a 28-day February)
    [InlineData("2028-03-01", "2028-04-01", "2028-01-30", "2028-03-01")] // March 2028 → Jan 30 - Feb 29 (a 29-day February)
    [InlineData("2028-02-01", "2028-03-01", "2028-01-03", "2028-02-01")] // the 29 days of a leap February → Jan 3 - Jan 31
    [InlineData("2026-01-01", "2027-01-01", "2025-01-01", "2026-01-01")] // the year 2026 → the year 2025 (365 days)
    [InlineData("2029-01-01", "2030-01-01", "2028-01-02", "2029-01-01")] // 365 days after a leap year: 2028 had 366
    [InlineData("2026-12-25", "2027-01-01", "2026-12-18", "2026-12-25")] // a week ending on New Year's Eve
    public void PreviousRange_HasTheSameNumberOfDays_EndingWhereTheRangeStarts(string from, string to, string previousFrom, string previousTo)
    {
        var query = new OverviewKpiQuery(DateOnly.Parse(from), DateOnly.Parse(to));

        Assert.Equal(new OverviewKpiQuery(DateOnly.Parse(previousFrom), DateOnly.Parse(previousTo)), query.Previous);
        Assert.Equal(query.Days, query.Previous.Days);
    }

    [Fact]
    public async Task March2028_IsComparedWithJanuary30ToTheLeapDay_EachEndToTheSecond()
    {
        var report = await Run(new DateOnly(2028, 3, 1), new DateOnly(2028, 4, 1));

        // Mar 1 00:00 and Mar 31 23:59:59 are in; Apr 1 00:00 is not.
        Assert.Equal((900m, 2L), (report.Current.PaidGmv, report.Current.Orders));
        // Jan 30 00:00 and the leap day's last second are in; Jan 29 23:59:59 is not.
        Assert.Equal((500m, 2L), (report.Previous.PaidGmv, report.Previous.Orders));
    }

    [Fact]
    public async Task LeapFebruary_IsComparedWithTheTwentyNineDaysBefore()
    {
        var report = await Run(new DateOnly(2028, 2, 1), new DateOnly(2028, 3, 1));

        Assert.Equal((300m, 1L), (report.Current.PaidGmv, report.Current.Orders));
        Assert.Equal((300m, 2L), (report.Previous.PaidGmv, report.Previous.Orders));
        Assert.Equal(29, report.Days.Count);
        Assert.Equal(new DateOnly(2028, 2, 29), report.Days[^1].Date);
    }

    [Theory]
    [InlineData(null, null, "2028-01-02", "2028-04-01")]
    [InlineData("2028-03-01", null, "2028-03-01", "2028-04-01")]
    [InlineData(null, "2028-03-01", "2027-12-02", "2028-03-01")]
    public void TryCreate_DefaultsToTheNinetyDaysUpToToday(string? from, string? to, string expectedFrom, string expectedTo)
    {
        var today = new DateOnly(2028, 3, 31);

        Assert.True(OverviewKpiQuery.TryCreate(from is null ? null : DateOnly.Parse(from), to is null ? null : DateOnly.Parse(to), today, out var query, out _));

        Assert.Equal(new OverviewKpiQuery(DateOnly.Parse(expectedFrom), DateOnly.Parse(expectedTo)), query);
    }

    [Fact]
    public void TryCreate_RefusesAnEmptyOrReversedRange_WithTheReason()
    {
        Assert.False(OverviewKpiQuery.TryCreate(new DateOnly(2028, 3, 1), new DateOnly(2028, 3, 1), new DateOnly(2028, 3, 31), out _, out var problem));
        Assert.Equal("from must be before to", problem?.Message);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}
