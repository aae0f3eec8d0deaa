using System.Text.Json;
using Bunit;
using LiveOps.Dashboard.Components.Charts;
using LiveOps.Dashboard.Components.Pages.Campaigns;

namespace LiveOps.Tests.Dashboard.Campaigns;

public sealed class CampaignDetailPageTests : CampaignUiTestBase
{
    [Fact]
    public void Detail_ShowsKpisFunnelAndBuyersOfTheCampaign()
    {
        var page = Render<CampaignDetailPage>(p => p.Add(x => x.CampaignId, "k1"));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=campaign-kpis]")));
        Assert.Equal("2", Kpi(page, "kpi-buyers"));
        Assert.Equal("3", Kpi(page, "kpi-orders"));
        Assert.Equal("¥180.15", Kpi(page, "kpi-revenue"));
        Assert.Equal("1:1.8", Kpi(page, "kpi-roi"));
        Assert.Equal("80.2%", Kpi(page, "kpi-net-return"));
        Assert.Equal("1", Kpi(page, "kpi-repeat"));
        Assert.Equal("¥60.05", Kpi(page, "kpi-rpe"));     // 180.15 / 3 exposed
        Assert.Equal("66.7%", page.Find("[data-testid=conversion-exposed-buyer]").TextContent.Trim());

        // c1: 100.10 + 50.05 (new buyer, repeats); c4: 30 (explicit id months later, no other paid order).
        var buyers = page.FindAll("[data-testid=buyer-customer]").Select(c => c.TextContent.Trim()).ToArray();
        Assert.Equal(["c1 (顾客1)", "c4 (顾客4)"], buyers);
        Assert.Equal(["¥150.15", "¥30.00"], page.FindAll("[data-testid=buyer-revenue]").Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public void Detail_FunnelChart_GetsStageCountsThenBuyers()
    {
        var page = Render<CampaignDetailPage>(p => p.Add(x => x.CampaignId, "k1"));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindComponents<ApexChart>().Count));
        var funnel = page.FindComponents<ApexChart>().Single(c => c.Instance.TestId == "campaign-funnel");
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(funnel.Instance.Options, ChartOptions.Json));
        var data = json.RootElement.GetProperty("series")[0].GetProperty("data").EnumerateArray().Select(e => e.GetInt32());
        Assert.Equal([3, 1, 0, 1, 0, 2], data);
        var categories = json.RootElement.GetProperty("xaxis").GetProperty("categories").EnumerateArray().Select(e => e.GetString());
        Assert.Equal(["曝光", "点击", "入群", "领取", "核销", "购买客户"], categories);
    }

    [Fact]
    public void Detail_UnknownCampaign_SaysItIsNotThere()
    {
        var page = Render<CampaignDetailPage>(p => p.Add(x => x.CampaignId, "nope"));

        page.WaitForAssertion(() => Assert.Contains("找不到活动“nope”", page.Find("[data-testid=campaign-not-found]").TextContent));
    }

    private static string Kpi(IRenderedComponent<CampaignDetailPage> page, string testId) =>
        page.Find($"[data-testid={testId}] [data-testid=kpi-value]").TextContent.Trim();
}
