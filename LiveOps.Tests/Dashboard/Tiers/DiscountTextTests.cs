using LiveOps.Dashboard.Components.Pages.Tiers;

namespace LiveOps.Tests.Dashboard.Tiers;

public sealed class DiscountTextTests
{
    [Theory]
    [InlineData("9.5折", 0.95)]
    [InlineData("95折", 0.95)]
    [InlineData("9折", 0.9)]
    [InlineData("88折", 0.88)]
    [InlineData("10折", 1.0)]
    [InlineData("95%", 0.95)]
    [InlineData("９５％", 0.95)]
    [InlineData(" 0.95 ", 0.95)]
    [InlineData("1", 1.0)]
    public void TryParse_TheWaysOperatorsWriteADiscount_GiveTheSameFactor(string typed, double expected)
    {
        Assert.True(DiscountText.TryParse(typed, out var factor));
        Assert.Equal((decimal)expected, factor);
    }

    [Theory]
    [InlineData("")]
    [InlineData("九五折")]
    [InlineData("abc")]
    [InlineData("-5%")]
    [InlineData("0折")]
    public void TryParse_TextThatIsNoDiscount_IsRefused(string typed) => Assert.False(DiscountText.TryParse(typed, out _));

    [Theory]
    [InlineData(0.95, true, "9.5折")]
    [InlineData(0.9, true, "9折")]
    [InlineData(0.88, true, "8.8折")]
    [InlineData(0.95, false, "95%")]
    public void Show_InThePagesLanguage(double factor, bool chinese, string shown) =>
        Assert.Equal(shown, DiscountText.Show((decimal)factor, chinese));
}
