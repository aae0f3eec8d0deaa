using Bunit;
using LiveOps.Core.Common;
using LiveOps.Core.PushCadence;
using LiveOps.Dashboard.Components.Pages.Cadence;
using LiveOps.Tests.Core.PushCadence;
using LiveOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using static LiveOps.Tests.Core.PushCadence.CadenceFixture;

namespace LiveOps.Tests.Dashboard.Cadence;

/// <summary>The plan-a-push form over a real database; the clock stands at Tue 2026-11-24 12:00.</summary>
public sealed class PlanPushFormTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private readonly BunitContext _ctx = new();
    private IReadOnlyList<CadenceAudience> _audiences = [];

    public async Task InitializeAsync()
    {
        await new CadenceFixture(_db).Audience("g1", "粉丝群1").Audience("g2", "老客群")
            .Promotions("g1", "2026-11-20T20:00:00", "2026-11-22T20:00:00", "2026-11-23T20:00:00")
            .SaveAsync();
        _audiences = (await _db.Get<CadenceService>().RunAsync(new CadenceQuery())).Audiences;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddLocalization();
        _ctx.Services.AddSingleton(_db.Get<CadenceService>());
        _ctx.Services.AddSingleton(_db.Get<ZoneClock>());
        _ctx.Services.AddSingleton(_db.Get<IOptions<LiveOpsOptions>>());
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private IRenderedComponent<PlanPushForm> Render(Action<int>? saved = null) =>
        _ctx.Render<PlanPushForm>(p => p
            .Add(x => x.Audiences, _audiences)
            .Add(x => x.OnSaved, (int n) => saved?.Invoke(n)));

    private static void Choose(IRenderedComponent<PlanPushForm> form, string time, params string[] audienceIds)
    {
        foreach (var id in audienceIds)
        {
            form.Find($"[data-testid='plan-audience'][data-audience='{id}'] input").Change(true);
        }
        form.Find("[data-testid='plan-time'] input").Input(time);
    }

    [Fact]
    public void Check_ShowsEachAudiencesVerdict_BeforeSaveIsOffered()
    {
        var form = Render();
        Assert.True(form.Find("[data-testid='plan-save']").HasAttribute("disabled"));

        Choose(form, "2026-11-25 20:00", "g1", "g2");
        form.Find("[data-testid='plan-check']").Click();

        form.WaitForAssertion(() => Assert.Equal(2, form.FindAll("[data-testid='verdict']").Count));
        var rows = form.FindAll("[data-testid='verdict']");
        Assert.Equal(["g1:OverMaximum", "g2:UnderMinimum"], rows.Select(r => $"{r.GetAttribute("data-audience")}:{r.GetAttribute("data-verdict")}"));
        Assert.Contains("超过上限（每周最多 3 次）", rows[0].TextContent);
        Assert.Contains("4", rows[0].QuerySelector("td.num")!.TextContent);
        Assert.Contains("仍低于下限（每周至少 2 次）", rows[1].TextContent);
        Assert.Empty(form.FindAll("[data-testid='verdict-quiet']"));
        Assert.False(form.Find("[data-testid='plan-save']").HasAttribute("disabled"));
    }

    [Fact]
    public void Check_LateEvening_FlagsQuietHours()
    {
        var form = Render();

        Choose(form, "2026-11-25 23:15", "g2");
        form.Find("[data-testid='plan-check']").Click();

        form.WaitForAssertion(() => Assert.Contains("免打扰时段（22:00–08:00）", form.Find("[data-testid='verdict-quiet']").TextContent));
    }

    [Fact]
    public void Check_UnreadableTime_SaysWhatToWrite()
    {
        var form = Render();

        Choose(form, "tomorrow evening", "g1");
        form.Find("[data-testid='plan-check']").Click();

        Assert.Contains("“tomorrow evening” 不是时间", form.Find("[data-testid='plan-error']").TextContent);
        Assert.Empty(form.FindAll("[data-testid='verdict']"));
    }

    [Fact]
    public async Task Save_StoresOnePlannedPushPerAudience()
    {
        var saved = 0;
        var form = Render(n => saved = n);
        Choose(form, "2026-11-25 20:00", "g1", "g2");
        form.Find("[data-testid='plan-check']").Click();
        form.WaitForAssertion(() => Assert.False(form.Find("[data-testid='plan-save']").HasAttribute("disabled")));

        form.Find("[data-testid='plan-save']").Click();

        form.WaitForAssertion(() => Assert.Equal(2, saved));
        await using var db = _db.NewContext();
        var plans = await db.Set<PlannedPush>().OrderBy(p => p.AudienceId).Select(p => new { p.AudienceId, p.PlannedAt }).ToListAsync();
        Assert.Equal(["g1", "g2"], plans.Select(p => p.AudienceId));
        Assert.All(plans, p => Assert.Equal(At("2026-11-25T20:00:00"), p.PlannedAt));
    }

    [Fact]
    public async Task ATitleWithAControlCharacter_IsMarkedOnTheField_AndCannotBeSaved()
    {
        var saved = -1;
        var form = Render(n => saved = n);
        Choose(form, "2026-11-25 20:00", "g2");
        form.Find("[data-testid='plan-check']").Click();
        form.WaitForAssertion(() => Assert.False(form.Find("[data-testid='plan-save']").HasAttribute("disabled")));

        form.Find("[data-testid='plan-title'] input").Input("周三\u202E秒杀");

        Assert.Contains("含有控制字符（换行、制表符、NUL 或文字方向控制符），请删去", form.Find("[data-testid='plan-title']").TextContent);
        Assert.True(form.Find("[data-testid='plan-save']").HasAttribute("disabled"));
        Assert.Equal(-1, saved);
        await using (var db = _db.NewContext())
        {
            Assert.Equal(0, await db.Set<PlannedPush>().CountAsync());
        }

        form.Find("[data-testid='plan-title'] input").Input("周三秒杀");
        Assert.DoesNotContain("含有控制字符", form.Find("[data-testid='plan-title']").TextContent);
        form.Find("[data-testid='plan-save']").Click();
        form.WaitForAssertion(() => Assert.Equal(1, saved));
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _db.DisposeAsync();
    }
}
