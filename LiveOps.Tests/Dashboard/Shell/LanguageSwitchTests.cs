using Bunit;
using Bunit.TestDoubles;
using LiveOps.Dashboard.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace LiveOps.Tests.Dashboard.Shell;

public sealed class LanguageSwitchTests : ShellContext
{
    [Theory]
    [InlineData("lang-en", "en")]
    [InlineData("lang-zh", "zh-CN")]
    public void PickingALanguage_ReloadsThroughCultureEndpoint_BackToTheSamePage(string item, string culture)
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/data?kind=orders");
        var popovers = Render<MudPopoverProvider>();
        var cut = Render<LanguageSwitch>();

        cut.Find("button").Click();
        popovers.WaitForElement($"[data-testid={item}]").Click();

        // The menu item's click handler runs asynchronously: wait for the navigation, do not assume it already happened.
        cut.WaitForAssertion(
            () => Assert.Equal($"http://localhost/culture/set?culture={culture}&redirectUri=%2Fdata%3Fkind%3Dorders", navigation.Uri),
            TimeSpan.FromSeconds(10));
        var last = Services.GetRequiredService<BunitNavigationManager>().History.First();
        Assert.True(last.Options.ForceLoad, "the circuit takes its culture from the request that starts it, so the page must reload");
    }
}
