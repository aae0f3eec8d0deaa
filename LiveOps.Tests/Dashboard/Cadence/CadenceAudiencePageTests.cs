using System.Text.Json;
using System.Text.Json.Nodes;
using Bunit;
using LiveOps.Core.Common;
using LiveOps.Core.Data.Entities;
using LiveOps.Core.PushCadence;
using LiveOps.Dashboard;
using LiveOps.Dashboard.Components.Charts;
using LiveOps.Dashboard.Components.Pages.Cadence;
using LiveOps.Tests.Core.PushCadence;
using LiveOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace LiveOps.Tests.Dashboard.Cadence;

/// <summary>The audience detail page and its timeline options; the clock stands at Tue 2026-11-24 12:00 (W48).</summary>
public sealed class CadenceAudiencePageTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new(configure: o => o.PushCadence.WeCom.MaxPerCustomerPerDay = 1);
    private readonly BunitContext _ctx = new();

    public async Task InitializeAsync()
    {
        await new CadenceFixture(_db).Audience("w1", "企微老客", AudienceKind.WecomContacts, members: 40)
            .Promotions("w1", "2026-11-17T10:00:00", "2026-11-18T10:00:00", "2026-11-19T10:00:00", "2026-11-20T10:00:00")
            .Push("w1", "2026-11-20T20:00:00", PushKind.Content, id: "late-content")
            .Push("w1", "2026-11-23T10:00:00", PushKind.Service)
            .Event("w1", "c1", "2026-11-18T12:00:00", AudienceEventType.Left)
            .Event("w1", "c2", "2026-11-23T12:00:00", AudienceEventType.Joined)
            .SaveAsync();
        _ctx.Services.AddMudServices();
        _ctx.Services.AddLocalization();
        _ctx.Services.AddSingleton(_db.Get<CadenceService>());
        _ctx.Services.AddSingleton(_db.Get<PlannedPushService>());
        _ctx.Services.AddSingleton(_db.Get<LiveOps.Core.Actions.ActionListSources>());
        _ctx.Services.AddSingleton(_db.Get<LiveOps.Core.PushCadence.PlannedPushService>());
        _ctx.SignInAs(LiveOps.Core.Accounts.Role.Lead, "lead@liveops.test");
        _ctx.Services.AddSingleton(_db.Get<ZoneClock>());
        _ctx.Services.AddSingleton(_db.Get<IOptions<LiveOpsOptions>>());
        _ctx.Services.AddScoped<Formatting>();
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.JSInterop.SetupModule("./Components/Charts/ApexChart.razor.js");
    }

    [Fact]
    public void AudiencePage_ShowsWeeksWithLeaveRates_TheWeComBlockedSend_AndTheTimeline()
    {
        var page = _ctx.Render<CadenceAudiencePage>(p => p.Add(x => x.AudienceId, "w1"));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid='audience-weeks']")));
        // Members at W47's start: 40 now, minus the join after it, plus the leave after it.
        var w47 = page.Find("tr[data-week='2026-W47']").QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["2026-W47", "4", "1", "0", "过多", "40", "1", "1", "2.5%"], w47);
        Assert.Contains("late-content · 2026-11-20 20:00 · 当天第 2 次群发", page.Find("[data-testid='wecom-blocked']").TextContent);
        Assert.NotNull(page.Find("[data-testid='cadence-timeline']"));
    }

    [Fact]
    public void AudiencePage_UnknownAudience_SaysSo()
    {
        var page = _ctx.Render<CadenceAudiencePage>(p => p.Add(x => x.AudienceId, "nope"));

        page.WaitForAssertion(() => Assert.Contains("找不到人群 “nope”", page.Find("[data-testid='audience-not-found']").TextContent));
    }

    [Fact]
    public async Task TimelineMapper_SeriesFollowTheWeeks()
    {
        var audience = (await _db.Get<CadenceService>().RunAsync(new CadenceQuery(From: CadenceFixture.At("2026-11-16T00:00:00")))).Audiences.Single();
        var labels = new TimelineLabels("促销", "内容", "服务", "退群", "成员", "推送");

        var json = JsonNode.Parse(JsonSerializer.Serialize(CadenceChartMapper.Timeline(audience, labels, 3), ChartOptions.Json))!;

        Assert.Equal("""["2026-W47","2026-W48"]""", json["xaxis"]!["categories"]!.ToJsonString());
        var series = json["series"]!.AsArray().Select(s => $"{s!["name"]}:{s["type"]}:{s["data"]!.ToJsonString()}").ToList();
        Assert.Equal(["促销:column:[4,0]", "内容:column:[1,0]", "服务:column:[0,1]", "退群:line:[1,0]", "成员:line:[40,39]"], series);
        Assert.Equal(3, (int)json["annotations"]!["yaxis"]![0]!["y"]!);
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _db.DisposeAsync();
    }
}
