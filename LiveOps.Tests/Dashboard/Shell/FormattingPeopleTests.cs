using LiveOps.Dashboard;

namespace LiveOps.Tests.Dashboard.Shell;

/// <summary>Statistics of people (medians, quartiles) are shown as whole people, halves away from zero.</summary>
public sealed class FormattingPeopleTests() : ShellContext("zh-CN")
{
    [Theory]
    [InlineData(243.5, "244")]
    [InlineData(243.49, "243")]
    [InlineData(3.5, "4")]
    [InlineData(1234.5, "1,235")]
    [InlineData(0.4, "0")]
    [InlineData(double.NaN, "—")]
    [InlineData(null, "—")]
    public void People_IsAWholeNumber(double? value, string shown) => Assert.Equal(shown, new Formatting(Clock).People(value));
}
