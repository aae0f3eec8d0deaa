using LiveOps.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace LiveOps.Tests.Browser;

/// <summary>
/// A new shop with no data: every page and list says, in the page's language, what is missing and where to get it
/// (which file to upload on the Data page), instead of an empty table or a bare "none".
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EmptyShopBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private DashboardApp _app = default!;

    public Task InitializeAsync()
    {
        _app = DashboardApp.Start(demoData: false, user: LiveOps.Core.Accounts.Role.Admin);
        return Task.CompletedTask;
    }

    private static readonly (string Path, string TestId, string Chinese, string English)[] Expected =
    [
        ("/", "overview-empty", "没有已支付订单：去数据导入上传 orders.csv，或换一个时间范围", "upload orders.csv on the Data page, or pick another range"),
        ("/cohorts", "cohorts-empty", "所选范围内没有已支付订单：去数据导入上传 orders.csv，或调整日期范围", "No paid orders in the selected range: upload orders.csv on the Data page, or change the range"),
        ("/cadence", "cadence-empty", "还没有推送记录：去数据导入上传 audiences.csv 和 pushes.csv", "No pushes yet: upload audiences.csv and pushes.csv on the Data page"),
        ("/cadence", "warnings-empty", "还没有可检查的周：去数据导入上传 audiences.csv 和 pushes.csv", "No weeks to check yet: upload audiences.csv and pushes.csv on the Data page"),
        ("/campaigns", "no-campaigns", "还没有活动数据：去数据导入上传 campaigns.csv", "No campaign data yet: upload campaigns.csv on the Data page"),
        ("/tiers", "tier-distribution-empty", "还没有客户：去数据导入上传 customers.csv 和 orders.csv", "No customers yet: upload customers.csv and orders.csv on the Data page"),
        ("/tiers", "upgrades-caption", "没有即将升级的客户：", "No customers close to the next tier:"),
        ("/tiers", "risks-caption", "没有降级风险的客户：", "No customers at risk of a downgrade:"),
        ("/live-sessions", "live-sessions-empty", "还没有直播场次数据：去数据导入上传 live-sessions.csv", "No live sessions yet: upload live-sessions.csv on the Data page"),
        ("/private-domain", "pd-empty", "这段时间没有已支付订单，下面的数字都是 0：去数据导入上传 orders.csv", "No paid orders in this range, so every figure below is 0: upload orders.csv on the Data page"),
        ("/value", "value-empty", "还没有已支付订单，暂无可分析的客户：去数据导入上传 orders.csv", "No paid orders yet, so there are no customers to analyse: upload orders.csv on the Data page"),
        ("/actions", "actions-empty", "还没有行动。从等级、分群或活动的名单上点“创建行动”，或上传一份客户名单。", "No actions yet."),
        ("/audit", "audit-empty", "还没有审计记录：导入数据、发布等级规则、计划推送或变更用户后会记在这里", "No audit entries yet: imports, tier-rule publishes, planned pushes and user changes are recorded here"),
    ];

    [Fact]
    public async Task EveryPage_OfAnEmptyShop_SaysWhatIsMissingAndWhereToGetIt_InChinese_ThenInEnglish()
    {
        await using var page = await browser.NewPageAsync();
        foreach (var (path, testId, chinese, _) in Expected)
        {
            await page.GotoAsync(_app, path);
            await Expect(page.Page.GetByTestId(testId)).ToContainTextAsync(chinese);
        }

        await page.Page.GetByTestId("language-switch").Locator("button").ClickAsync();
        await page.Page.GetByTestId("lang-en").ClickAsync();
        await Expect(page.Page.Locator("html[lang='en'] #app-root[data-interactive='true']")).ToBeVisibleAsync();
        foreach (var (path, testId, _, english) in Expected)
        {
            await page.GotoAsync(_app, path);
            await Expect(page.Page.GetByTestId(testId)).ToContainTextAsync(english);
        }
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
