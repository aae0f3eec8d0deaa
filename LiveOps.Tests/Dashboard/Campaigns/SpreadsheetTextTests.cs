using LiveOps.Core.Common;

namespace LiveOps.Tests.Dashboard.Campaigns;

public sealed class SpreadsheetTextTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\",\"x\")", "'=HYPERLINK(\"http://evil\",\"x\")")]
    [InlineData("+1+2", "'+1+2")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    public void Neutralise_FormulaStart_IsPrefixedWithApostrophe(string text, string expected)
    {
        Assert.Equal(expected, SpreadsheetText.Neutralise(text));
    }

    [Theory]
    [InlineData("九月专属券")]
    [InlineData("k1")]
    [InlineData("a=b")]
    [InlineData("")]
    public void Neutralise_OrdinaryText_IsUnchanged(string text)
    {
        Assert.Equal(text, SpreadsheetText.Neutralise(text));
    }

    [Fact]
    public void Neutralise_Null_StaysNull()
    {
        Assert.Null(SpreadsheetText.Neutralise(null));
    }
}
