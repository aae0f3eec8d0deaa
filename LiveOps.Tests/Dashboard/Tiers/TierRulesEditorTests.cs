using System.Globalization;
using Bunit;
using LiveOps.Core.Common;
using LiveOps.Core.Tiers;
using LiveOps.Dashboard;
using LiveOps.Dashboard.Components.Pages.Tiers;
using LiveOps.Tests.Core.Tiers;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace LiveOps.Tests.Dashboard.Tiers;

public sealed class TierRulesEditorTests : BunitContext, IAsyncLifetime
{
    private static readonly TierRuleVersion Current = new(1, new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.FromHours(8)), null, TierRuleSources.Config, TierRulesFixtures.Default);
    private readonly List<IReadOnlyList<TierRuleDraft>> _simulated = [];
    private readonly List<IReadOnlyList<TierRuleDraft>> _published = [];

    public TierRulesEditorTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddSingleton(new ZoneClock(TimeProvider.System, "Asia/Shanghai"));
        Services.AddScoped<Formatting>();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    private IRenderedComponent<TierRulesEditor> RenderEditor() => Render<TierRulesEditor>(p => p
        .Add(e => e.Current, Current)
        .Add(e => e.OnSimulate, d => _simulated.Add(d))
        .Add(e => e.OnPublish, d => _published.Add(d)));

    [Fact]
    public void GoldSpendBelowSilver_ShowsErrorOnThatField_AndDisablesSimulateAndPublish()
    {
        var editor = RenderEditor();

        editor.Find("[data-testid='rule-2-spend'] input").Input("1500");

        editor.WaitForAssertion(() =>
        {
            Assert.Contains("不能低于较低等级的门槛", editor.Find("[data-testid='rule-2-spend']").TextContent);
            Assert.DoesNotContain("不能低于", editor.Find("[data-testid='rule-1-spend']").TextContent);
            Assert.Contains("1 处问题", editor.Find("[data-testid='rule-problems']").TextContent);
            Assert.True(editor.Find("[data-testid='simulate']").HasAttribute("disabled"));
            Assert.True(editor.Find("[data-testid='publish']").HasAttribute("disabled"));
        });
    }

    [Fact]
    public void DiscountAboveOne_ShowsRangeErrorOnDiscount()
    {
        var editor = RenderEditor();

        editor.Find("[data-testid='rule-0-discount'] input").Change("1.2");

        editor.WaitForAssertion(() =>
            Assert.Contains("折扣须大于 0 折、不超过 10 折", editor.Find("[data-testid='rule-0-discount']").TextContent));
    }

    [Fact]
    public void DiscountTypedAsZhe_IsRead_AndShownAsZhe()
    {
        var editor = RenderEditor();

        editor.Find("[data-testid='rule-2-discount'] input").Change("80%");

        editor.WaitForAssertion(() => Assert.Equal("8折", editor.Find("[data-testid='rule-2-discount'] input").GetAttribute("value")));
        Assert.Contains("8折，即优惠 20.0%", editor.Find("[data-testid='rule-2-discount']").TextContent);
        Assert.Empty(editor.FindAll("[data-testid=rule-problems]"));
    }

    [Fact]
    public void DiscountThatIsNoNumber_IsMarkedOnItsField_InChinese_AndBlocksPublishing()
    {
        var editor = RenderEditor();

        editor.Find("[data-testid='rule-1-discount'] input").Change("九五");

        editor.WaitForAssertion(() =>
            Assert.Contains("无法识别的折扣：请写成 9.5折、95% 或 0.95", editor.Find("[data-testid='rule-1-discount']").TextContent));
        Assert.Equal("九五", editor.Find("[data-testid='rule-1-discount'] input").GetAttribute("value"));
        Assert.True(editor.Find("[data-testid=publish]").HasAttribute("disabled"));
    }

    [Fact]
    public void DuplicateName_ShowsErrorOnTheSecondName()
    {
        var editor = RenderEditor();

        editor.Find("[data-testid='rule-2-tier'] input").Input("silver");

        editor.WaitForAssertion(() =>
        {
            Assert.Contains("等级名称重复", editor.Find("[data-testid='rule-2-tier']").TextContent);
            Assert.DoesNotContain("等级名称重复", editor.Find("[data-testid='rule-1-tier']").TextContent);
        });
    }

    [Fact]
    public void FixingTheError_ClearsItAndSimulateSendsTheEditedDraft()
    {
        var editor = RenderEditor();
        editor.Find("[data-testid='rule-2-spend'] input").Input("1500");
        editor.WaitForAssertion(() => Assert.True(editor.Find("[data-testid='simulate']").HasAttribute("disabled")));

        editor.Find("[data-testid='rule-2-spend'] input").Input("9000");
        editor.WaitForAssertion(() => Assert.False(editor.Find("[data-testid='simulate']").HasAttribute("disabled")));
        editor.Find("[data-testid='simulate']").Click();

        var draft = Assert.Single(_simulated);
        Assert.Equal(9000m, draft[2].MinSpend12m);
        Assert.Empty(_published);
        Assert.Empty(editor.FindAll("[data-testid='rule-problems']"));
    }

    [Fact]
    public void RemovingAllThresholdsOfSilver_SaysItCannotBeReached()
    {
        var editor = RenderEditor();

        editor.Find("[data-testid='rule-1-spend'] input").Input("");
        editor.Find("[data-testid='rule-1-orders'] input").Input("");

        editor.WaitForAssertion(() =>
            Assert.Contains("至少设置消费或订单门槛之一", editor.Find("[data-testid='rule-1-spend']").TextContent));
    }

    [Fact]
    public void InEnglish_TheFieldErrorIsEnglish()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en");
        var editor = RenderEditor();

        editor.Find("[data-testid='rule-2-orders'] input").Input("3");

        editor.WaitForAssertion(() =>
            Assert.Contains("Must not be below a lower tier's threshold", editor.Find("[data-testid='rule-2-orders']").TextContent));
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
