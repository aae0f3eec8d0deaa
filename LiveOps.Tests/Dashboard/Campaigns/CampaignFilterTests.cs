using LiveOps.Core.Campaigns;
using LiveOps.Core.Common;
using LiveOps.Core.Data.Entities;
using LiveOps.Dashboard.Components.Pages.Campaigns;

namespace LiveOps.Tests.Dashboard.Campaigns;

public sealed class CampaignFilterTests
{
    private static readonly ZoneClock Clock = new(TimeProvider.System, "Asia/Shanghai");

    [Fact]
    public void TryToQuery_LocalDates_AreMidnightInTheZone_AndTheTypeIsTheContractSpelling()
    {
        var ok = new CampaignFilter("hook_product", "2026-10-01", "2026-11-01").TryToQuery(Clock, out var query, out var problem);

        Assert.True(ok, problem?.Message);
        Assert.Equal(CampaignType.HookProduct, query.Type);
        Assert.Equal(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.FromHours(8)), query.From);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(8)), query.To);
    }

    [Theory]
    [InlineData("coupon", null, null, "type: 'coupon' is not one of exclusive_coupon, hook_product, lottery_join, flash_group_buy, member_presale, content")]
    [InlineData(null, "10/01/2026", null, "from: '10/01/2026' is not a date such as 2026-11-03")]
    [InlineData(null, "2026-11-01", "2026-10-01", "from must be before to")]
    public void TryToQuery_BadFilter_SaysWhichFieldAndWhy(string? type, string? from, string? to, string expected)
    {
        var ok = new CampaignFilter(type, from, to).TryToQuery(Clock, out _, out var problem);

        Assert.False(ok);
        Assert.Equal(expected, problem?.Message);
    }

    [Fact]
    public void ToQueryString_CarriesOnlyTheGivenFilters()
    {
        Assert.Equal("?type=content&to=2026-11-01", new CampaignFilter("content", null, "2026-11-01").ToQueryString());
        Assert.Equal("", CampaignFilter.None.ToQueryString());
    }
}
