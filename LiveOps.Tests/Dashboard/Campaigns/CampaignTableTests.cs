using Bunit;
using LiveOps.Core.Campaigns;
using LiveOps.Dashboard.Components.Pages.Campaigns;

namespace LiveOps.Tests.Dashboard.Campaigns;

public sealed class CampaignTableTests : CampaignUiTestBase
{
    [Fact]
    public async Task Table_ShowsOneRowPerCampaign_WithFunnelCountsRevenueAndRoi()
    {
        var report = await ReportAsync();

        var table = Render<CampaignTable>(p => p.Add(x => x.Insights, report.Insights));

        var rows = table.FindAll("tr.campaign-row");
        Assert.Equal(3, rows.Count);
        Assert.Contains("九月专属券", rows[0].TextContent);
        // The funnel steps are behind the column chooser, so the key columns fit at 1440 px.
        Assert.Null(rows[0].QuerySelector("[data-testid=cell-exposed]"));
        Assert.Equal("2", rows[0].QuerySelector("[data-testid=cell-buyers]")!.TextContent.Trim());
        Assert.Equal("¥180.15", rows[0].QuerySelector("[data-testid=cell-revenue]")!.TextContent.Trim());
        Assert.Equal("1:1.8", rows[0].QuerySelector("[data-testid=cell-roi]")!.TextContent.Trim());
        Assert.Equal("未填成本", rows[1].QuerySelector("[data-testid=cell-roi]")!.TextContent.Trim());
        Assert.Equal("/campaigns/k2", rows[1].QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Table_HeadersExplainEachStage_ForReadersWhoDoNotKnowTheDataModel()
    {
        var report = await ReportAsync();

        var table = Render<CampaignTable>(p => p.Add(x => x.Insights, report.Insights));

        Assert.Contains("购买客户", table.Markup);
        Assert.Equal(5, table.FindAll(".campaign-header-tip").Count);
    }

    [Fact]
    public async Task Compare_TickingAFifthCampaign_IsRefused()
    {
        var report = await ReportAsync();
        IReadOnlyList<string>? raised = null;

        var table = Render<CampaignTable>(p => p
            .Add(x => x.Insights, report.Insights)
            .Add(x => x.Selected, ["a", "b", "c", "k1"])
            .Add(x => x.SelectedChanged, (IReadOnlyList<string> s) => raised = s));

        // With four selected, the other boxes are disabled; the selected one can still be unticked.
        Assert.True(table.Find("[data-testid=compare-k2]").HasAttribute("disabled"));
        table.Find("[data-testid=compare-k1]").Change(false);
        Assert.Equal(["a", "b", "c"], raised);
    }

    [Fact]
    public async Task Table_InEnglish_UsesTheEnglishLabels()
    {
        var report = await ReportAsync();
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en");
        try
        {
            var table = Render<CampaignTable>(p => p.Add(x => x.Insights, report.Insights));

            var headers = table.FindAll(".campaign-header-tip").Select(h => h.TextContent.Trim()).ToArray();
            Assert.Equal(["Compare", "Buyers", "Revenue", "Return on spend", "Repeat buyers 90d"], headers);
            Assert.Equal("no cost", table.FindAll("tr.campaign-row")[1].QuerySelector("[data-testid=cell-roi]")!.TextContent.Trim());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void Table_WithoutCampaigns_SaysSo()
    {
        var table = Render<CampaignTable>(p => p.Add(x => x.Insights, Array.Empty<CampaignInsight>()).Add(x => x.Filtered, true));

        Assert.Equal("没有符合条件的活动。", table.Find("[data-testid=no-campaigns]").TextContent.Trim());
    }

    [Fact]
    public void Table_WithoutAnyCampaignData_SaysWhereToUploadIt()
    {
        var table = Render<CampaignTable>(p => p.Add(x => x.Insights, Array.Empty<CampaignInsight>()));

        Assert.Contains("还没有活动数据：去数据导入上传 campaigns.csv", table.Find("[data-testid=no-campaigns]").TextContent);
        Assert.Equal("/data", table.Find("[data-testid=no-campaigns] a").GetAttribute("href"));
    }

    [Fact]
    public async Task Compare_ShowsSelectedCampaignsSideBySide()
    {
        var report = await ReportAsync();

        var compare = Render<CampaignCompare>(p => p.Add(x => x.Insights, new[] { report.InsightOf("k2")!, report.InsightOf("k1")! }));

        var columns = compare.FindAll("[data-testid=compare-column]").Select(c => c.TextContent.Trim()).ToArray();
        Assert.Equal(["钩子款", "九月专属券"], columns);
        Assert.Contains("¥210.00", compare.Markup);
        Assert.Contains("¥180.15", compare.Markup);
    }
}
