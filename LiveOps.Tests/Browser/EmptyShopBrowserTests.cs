using LiveOps.Core.Data;
using LiveOps.Core.Data.Entities;
using LiveOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
        ("/cadence", "content-empty", "还没有推送记录，无从比较推送后的下单：去数据导入上传 audiences.csv、pushes.csv 和 orders.csv", "No pushes yet, so there are no orders after pushes to compare: upload audiences.csv, pushes.csv and orders.csv on the Data page"),
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

    private static readonly (string Path, string TestId, string Chinese, string English)[] ExpectedOnDetailPages =
    [
        ("/campaigns/k1", "campaign-funnel-empty", "这个活动还没有触达记录：去数据导入上传 campaign-events.csv", "No exposures, clicks, joins or claims for this campaign yet: upload campaign-events.csv on the Data page"),
        ("/campaigns/k1", "campaign-daily-empty", "还没有订单算到本活动，暂无每日销售额：去数据导入上传 orders.csv 和 campaign-events.csv", "No orders are credited to this campaign yet, so there is no daily revenue: upload orders.csv and campaign-events.csv on the Data page"),
        ("/campaigns/k1", "no-buyers", "还没有订单算到本活动：去数据导入上传 orders.csv", "No orders are credited to this campaign yet: upload orders.csv"),
        ("/campaigns/k1", "cycle-empty", "还没有复购间隔：客户有两笔以上已支付订单才有（去数据导入上传 orders.csv）", "No repurchase gaps yet: a customer needs two or more paid orders (upload orders.csv on the Data page)"),
        ("/live-sessions/s1", "acquisition-empty", "这场直播还没有带来首购客户", "This session has brought no first-time buyers yet"),
        ("/live-sessions/s1", "invite-empty", "这场直播还没有首购客户，看不出入群时机：去数据导入上传 orders.csv（live_session_id 填本场）和 audience-events.csv", "upload orders.csv (with its live_session_id) and audience-events.csv on the Data page"),
        ("/live-sessions", "acquisition-empty", "还没有首购客户：去数据导入上传 orders.csv", "No first-time buyers yet: upload orders.csv on the Data page"),
        ("/cadence/a1", "audience-no-pushes", "这个社群还没有推送记录：去数据导入上传 pushes.csv（audience_id 填本社群）", "No pushes to this audience yet: upload pushes.csv on the Data page (with this audience in audience_id)"),
    ];

    [Fact]
    public async Task ACampaignALiveSessionAndAnAudience_WithNoEventsOrdersOrPushes_SayWhatIsMissingOnTheirPages_InChinese_ThenInEnglish()
    {
        var factory = _app.Services.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            var start = new DateTimeOffset(2026, 9, 15, 20, 0, 0, TimeSpan.FromHours(8));
            db.Campaigns.Add(new Campaign { CampaignId = "k1", Name = "九月专属券", Type = CampaignType.ExclusiveCoupon, StartsAt = start, EndsAt = start.AddDays(3) });
            db.Set<LiveSession>().Add(new LiveSession { LiveSessionId = "s1", Title = "中秋专场", StartedAt = start, Viewers = 1200 });
            db.Audiences.Add(new Audience { AudienceId = "a1", Name = "老客群", Kind = AudienceKind.WechatGroup, MemberCount = 200 });
            await db.SaveChangesAsync();
        }
        await using var page = await browser.NewPageAsync();
        foreach (var (path, testId, chinese, _) in ExpectedOnDetailPages)
        {
            await page.GotoAsync(_app, path);
            await Expect(page.Page.GetByTestId(testId)).ToContainTextAsync(chinese);
        }
        // Neither page draws an empty chart or table in place of the sentence.
        await Expect(page.Page.GetByTestId("acquisition-table")).ToHaveCountAsync(0);

        await page.Page.GetByTestId("language-switch").Locator("button").ClickAsync();
        await page.Page.GetByTestId("lang-en").ClickAsync();
        await Expect(page.Page.Locator("html[lang='en'] #app-root[data-interactive='true']")).ToBeVisibleAsync();
        foreach (var (path, testId, _, english) in ExpectedOnDetailPages)
        {
            await page.GotoAsync(_app, path);
            await Expect(page.Page.GetByTestId(testId)).ToContainTextAsync(english);
        }
        await page.GotoAsync(_app, "/campaigns/k1");
        await Expect(page.Page.GetByTestId("campaign-funnel-empty")).ToBeVisibleAsync();
        await Expect(page.Page.Locator("[data-testid=campaign-funnel]")).ToHaveCountAsync(0);
        await Expect(page.Page.Locator("[data-testid=campaign-daily]")).ToHaveCountAsync(0);
        await Expect(page.Page.GetByTestId("cycle-table")).ToHaveCountAsync(0);
        await page.GotoAsync(_app, "/cadence/a1");
        await Expect(page.Page.GetByTestId("audience-no-pushes")).ToBeVisibleAsync();
        await Expect(page.Page.Locator("[data-testid=audience-weeks] tbody tr").First).ToContainTextAsync("0"); // the weeks are still listed, with no pushes
        Assert.Empty(page.ConsoleErrors);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
