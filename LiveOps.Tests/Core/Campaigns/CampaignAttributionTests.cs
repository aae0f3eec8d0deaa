using LiveOps.Core.Campaigns;
using LiveOps.Core.Data.Entities;

namespace LiveOps.Tests.Core.Campaigns;

/// <summary>The attribution rule of contract §4 over plain values, one case per fixture.</summary>
public sealed class CampaignAttributionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 9, 1, 20, 0, 0, TimeSpan.FromHours(8));

    // "k10" sorts before "k9" ordinally (not numerically): the tie-break must be ordinal.
    private readonly CampaignCatalog _catalog = new([("k9", 7), ("k10", 3), ("k2", 1)]);

    /// <summary>The campaign of each order, space separated; "none" for an unattributed order.</summary>
    private string Attribute(CustomerOrder[] orders, params CustomerTouch[] touches)
    {
        var result = new int[orders.Length];
        CampaignAttribution.Attribute(orders, touches, _catalog, result);
        return string.Join(' ', result.Select(i => i == CampaignAttribution.None ? "none" : _catalog.IdOf(i)));
    }

    private CustomerOrder Order(TimeSpan after, string? campaign = null) => new(T0 + after, 10m, _catalog.IndexOf(campaign));

    private CustomerTouch Touch(string campaign, TimeSpan after, CampaignStage stage = CampaignStage.Exposed) =>
        new(T0 + after, _catalog.IndexOf(campaign), stage);

    [Fact]
    public void Attribute_ExplicitCampaignIdLongAfterTheTouch_BelongsToTheNamedCampaign()
    {
        var result = Attribute([Order(TimeSpan.FromDays(200), "k9")], Touch("k10", TimeSpan.Zero));

        Assert.Equal("k9", result);
    }

    [Fact]
    public void Attribute_ExplicitCampaignIdWithoutAnyTouch_BelongsToTheNamedCampaign()
    {
        Assert.Equal("k2", Attribute([Order(TimeSpan.FromHours(1), "k2")]));
    }

    [Fact]
    public void Attribute_OrderInsideTheWindow_BelongsToTheTouchedCampaign()
    {
        Assert.Equal("k9", Attribute([Order(TimeSpan.FromDays(3))], Touch("k9", TimeSpan.Zero)));
    }

    [Fact]
    public void Attribute_OrderAtTheSameInstantAsTheTouch_IsInside()
    {
        Assert.Equal("k9", Attribute([Order(TimeSpan.Zero)], Touch("k9", TimeSpan.Zero)));
    }

    [Fact]
    public void Attribute_OrderExactlyNTimes24HoursAfter_IsInside_AndOneSecondLater_IsOutside()
    {
        var result = Attribute(
            [Order(TimeSpan.FromHours(7 * 24)), Order(TimeSpan.FromHours(7 * 24) + TimeSpan.FromSeconds(1))],
            Touch("k9", TimeSpan.Zero));

        Assert.Equal("k9 none", result);
    }

    [Fact]
    public void Attribute_TwoCampaignsTouchTheCustomer_TheLatestTouchWins()
    {
        var result = Attribute(
            [Order(TimeSpan.FromHours(1)), Order(TimeSpan.FromHours(5))],
            Touch("k9", TimeSpan.Zero), Touch("k10", TimeSpan.FromHours(2)));

        Assert.Equal("k9 k10", result);
    }

    [Fact]
    public void Attribute_LatestTouchWindowExpired_OlderTouchStillOpen_IsUnattributed()
    {
        // k2 (1 day) was touched last; k9's 7-day window would still cover the order, but the latest touch decides.
        var result = Attribute([Order(TimeSpan.FromDays(3))], Touch("k9", TimeSpan.Zero), Touch("k2", TimeSpan.FromDays(1)));

        Assert.Equal("none", result);
    }

    [Fact]
    public void Attribute_EventsAtTheSameInstant_SmallestCampaignIdOrdinalWins()
    {
        // Given in either order, "k10" < "k2" < "k9" ordinally.
        var first = Attribute([Order(TimeSpan.FromHours(1))], Touch("k9", TimeSpan.Zero), Touch("k10", TimeSpan.Zero), Touch("k2", TimeSpan.Zero));
        var second = Attribute([Order(TimeSpan.FromHours(1))], Touch("k2", TimeSpan.Zero), Touch("k10", TimeSpan.Zero), Touch("k9", TimeSpan.Zero));

        Assert.Equal("k10", first);
        Assert.Equal("k10", second);
    }

    [Fact]
    public void Attribute_OrderBeforeAnyTouch_IsUnattributed()
    {
        var result = Attribute([Order(TimeSpan.FromHours(-1)), Order(TimeSpan.FromHours(1))], Touch("k9", TimeSpan.Zero));

        Assert.Equal("none k9", result);
    }

    [Fact]
    public void Attribute_TouchAfterTheOrder_DoesNotReachBack()
    {
        var result = Attribute([Order(TimeSpan.FromHours(3))], Touch("k9", TimeSpan.Zero), Touch("k10", TimeSpan.FromHours(4)));

        Assert.Equal("k9", result);
    }

    [Fact]
    public void Attribute_OrderNamingAnUnknownCampaign_FallsBackToTheLatestTouch()
    {
        var order = new CustomerOrder(T0 + TimeSpan.FromHours(1), 10m, _catalog.IndexOf("not-on-file"));

        Assert.Equal("k9", Attribute([order], Touch("k9", TimeSpan.Zero)));
    }

    [Theory]
    [InlineData(0, 0, true)]
    [InlineData(90 * 24 * 3600, 90, true)]
    [InlineData(90 * 24 * 3600 + 1, 90, false)]
    [InlineData(-1, 90, false)]
    public void IsWithinDays_IsZeroToNTimes24HoursInclusive(int seconds, int days, bool expected)
    {
        Assert.Equal(expected, CampaignAttribution.IsWithinDays(T0, T0.AddSeconds(seconds), days));
    }
}
