using System.Text;
using Bunit;
using LiveOps.Core.Accounts;
using LiveOps.Core.Import;
using LiveOps.Dashboard.Components.Pages.Admin;
using LiveOps.Tests.Dashboard.Shell;
using LiveOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LiveOps.Tests.Dashboard.Admin;

/// <summary>The audit page shows each entry's stored machine detail in the page's language; an unknown detail as stored.</summary>
public abstract class AuditPageTests : ShellContext
{
    private readonly TestDatabase _db = new();

    protected AuditPageTests(string culture) : base(culture)
    {
        Services.AddSingleton(_db.Get<AuditQueryService>());
    }

    protected async Task<IRenderedComponent<AuditPage>> RenderWithEntriesAsync()
    {
        var import = _db.Get<ImportService>();
        await import.ImportAsync(ImportKind.Customers, Csv("customer_id,nickname,acquired_at,acquisition_channel,joined_private_at,private_audience_id\nu1,小鹿,2026-09-01T20:05:00,live_room,,\nu2,Lily,2026-09-03 21:10:00,short_video,,\n"));
        await import.ImportAsync(ImportKind.Customers, Csv("customer_id,nickname,acquired_at,acquisition_channel,joined_private_at,private_audience_id\nu3,,not a date,live_room,,\n"));
        var audit = _db.Get<AuditLog>();
        var admin = new Actor("admin@shop.test", Role.Admin);
        await audit.WriteAsync(admin, AuditAction.UserCreated, "lead2@shop.test as Lead", AuditOutcome.Succeeded);
        await audit.WriteAsync(admin, AuditAction.PushPlanChanged, "plan 7 (g-fans-1): 2026-11-20 20:00 -> 2026-11-21 20:00: the time has passed, nothing saved", AuditOutcome.Rejected);
        await audit.WriteAsync(admin, AuditAction.Import, "an old free-text note", AuditOutcome.Succeeded);
        var cut = Render<AuditPage>();
        cut.WaitForAssertion(() => Assert.Equal(5, cut.FindAll("[data-testid=audit-detail]").Count));
        return cut;
    }

    protected static string[] Details(IRenderedComponent<AuditPage> cut) =>
        cut.FindAll("[data-testid=audit-detail]").Select(d => d.TextContent).ToArray();

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    protected override async ValueTask DisposeFixturesAsync() => await _db.DisposeAsync();
}

public sealed class AuditPageChineseTests() : AuditPageTests("zh-CN")
{
    [Fact]
    public async Task Details_OnAChinesePage_AreChinese_AndAnOldFreeTextDetailIsShownAsStored()
    {
        var cut = await RenderWithEntriesAsync();

        Assert.Equal(
        [
            "an old free-text note",
            "计划 #7（g-fans-1）：2026-11-20 20:00 → 2026-11-21 20:00：时间已过，未保存",
            "lead2@shop.test，角色：主管",
            "customers：1 行，1 处问题，未写入",
            "customers：2 行（新增 2，更新 0）",
        ], Details(cut));
    }
}

public sealed class AuditPageEnglishTests() : AuditPageTests("en")
{
    [Fact]
    public async Task Details_OnAnEnglishPage_AreEnglish()
    {
        var cut = await RenderWithEntriesAsync();

        Assert.Equal(
        [
            "an old free-text note",
            "Plan #7 (g-fans-1): 2026-11-20 20:00 → 2026-11-21 20:00: the time has passed, nothing saved",
            "lead2@shop.test as Lead",
            "customers: 1 rows, 1 problems, nothing written",
            "customers: 2 rows (2 added, 0 updated)",
        ], Details(cut));
    }
}

public sealed class AuditDetailTextTests() : ShellContext("zh-CN")
{
    [Theory]
    [InlineData(AuditAction.ActionCreated, "action '双十一 回访' (A-12, tier-near-next): 120 customers, 108 contacted, 12 holdout, drawn with seed 42 at 0.1, 14 days from 1764057600000 ms, 3 customers created",
        "行动“双十一 回访”（A-12，差一点升级）：120 位客户，触达 108 位，对照组 12 位，随机抽取（种子 42，对照占比 10.0%）；14 天，自 2025-11-25 16:00 起；新建客户 3 位")]
    [InlineData(AuditAction.ActionCreated, "action 'x': 2 problems, nothing written", "行动“x”：2 处问题，未写入")]
    [InlineData(AuditAction.TierRulesPublish, "editor: version 3, 3 tiers", "规则编辑器：第 3 版，3 个等级")]
    [InlineData(AuditAction.TierRulesPublish, "import: 2 tiers, 1 problems", "导入文件：2 个等级，1 处问题，未发布")]
    [InlineData(AuditAction.Import, "orders via mapping '有赞 订单': 1200 rows read, 3 skipped, 1197 records (1000 added, 197 updated)",
        "orders（映射“有赞 订单”）：读取 1,200 行，跳过 3 行，1,197 条记录（新增 1,000，更新 197）")]
    [InlineData(AuditAction.MappingSaved, "mapping '有赞' version 2 (orders)", "映射“有赞” 第 2 版（orders）")]
    [InlineData(AuditAction.PushPlanned, "g-fans-1, g-fans-2 at 2026-11-25 20:00", "g-fans-1, g-fans-2，计划于 2026-11-25 20:00")]
    [InlineData(AuditAction.PushPlanCancelled, "plan 9 (g-fans-1) at 2026-11-25 20:00", "计划 #9（g-fans-1），原定 2026-11-25 20:00")]
    [InlineData(AuditAction.UserRoleChanged, "ops@shop.test to Operator", "ops@shop.test 改为 运营")]
    [InlineData(AuditAction.UserDisabled, "ops@shop.test", "ops@shop.test")]
    public void Show_RendersEachKnownSentenceInChinese(AuditAction action, string stored, string shown)
    {
        var text = new AuditDetailText(
            Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<LiveOps.Dashboard.Resources.AccountsResource>>(),
            new LiveOps.Dashboard.Formatting(Clock));

        Assert.Equal(shown, text.Show(action, stored));
    }
}
