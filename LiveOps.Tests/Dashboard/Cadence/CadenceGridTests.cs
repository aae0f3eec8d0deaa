using Bunit;
using LiveOps.Core.Common;
using LiveOps.Core.Data.Entities;
using LiveOps.Core.PushCadence;
using LiveOps.Dashboard.Components.Pages.Cadence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using static LiveOps.Tests.Core.PushCadence.CadenceFixture;

namespace LiveOps.Tests.Dashboard.Cadence;

public sealed class CadenceGridTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();

    public CadenceGridTests()
    {
        _ctx.Services.AddMudServices();
        _ctx.Services.AddLocalization();
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Three audiences over W46–W48 (as of Tue 2026-11-24): calm, twice under, once over; calm has a plan.</summary>
    private static CadenceReport Report()
    {
        var clock = new ZoneClock(new FakeTimeProvider(), "Asia/Shanghai");
        var pushes = new List<PushRow>();
        void Add(string audience, params string[] at) => pushes.AddRange(at.Select((t, i) => new PushRow($"{audience}{pushes.Count + i}", audience, At(t), PushKind.Promotion)));
        Add("a-calm", "2026-11-10T10:00:00", "2026-11-12T10:00:00", "2026-11-17T10:00:00", "2026-11-19T10:00:00");
        Add("b-rare", "2026-11-10T10:00:00");
        Add("c-loud", "2026-11-10T10:00:00", "2026-11-11T10:00:00", "2026-11-12T10:00:00", "2026-11-13T10:00:00", "2026-11-17T10:00:00", "2026-11-18T10:00:00");
        var input = new CadenceInput(
            [new AudienceRow("a-calm", "安静群", AudienceKind.WechatGroup, 100), new AudienceRow("b-rare", "冷清群", null, null), new AudienceRow("c-loud", "吵闹群", null, null)],
            pushes,
            [new PlannedRow("a-calm", At("2026-11-26T20:00:00"), PushKind.Promotion), new PlannedRow("a-calm", At("2026-12-02T20:00:00"), PushKind.Promotion)],
            At("2026-11-09T00:00:00"), [], []);
        return CadenceShaper.Shape(input, new CadenceQuery(From: At("2026-11-09T00:00:00")), At("2026-11-24T12:00:00"), new PushCadenceOptions(), clock);
    }

    [Fact]
    public void Grid_ColoursEachCellByStatus_AndShowsPlannedApartFromSent()
    {
        var grid = _ctx.Render<CadenceGrid>(p => p.Add(x => x.Report, Report()));

        var calm = grid.Find("tr[data-audience='a-calm']");
        var cells = calm.QuerySelectorAll("[data-testid='grid-cell']");
        Assert.Equal(["2026-W46:ok:2", "2026-W47:ok:2", "2026-W48:partial:0", "2026-W49:planned:"],
            cells.Select(c => $"{c.GetAttribute("data-week")}:{c.GetAttribute("data-status")}:{c.QuerySelector("[data-testid='grid-count']")?.TextContent}"));
        // The planned push of this week is beside the sent count, not in it; next week's plan gets its own column.
        Assert.Equal(["+1 计划", "+1 计划"], calm.QuerySelectorAll("[data-testid='grid-planned']").Select(e => e.TextContent.Trim()));
        Assert.Contains("background:#ffc9c9", grid.Find("tr[data-audience='c-loud'] [data-week='2026-W46']").GetAttribute("style"));
        Assert.Contains("background:#ffe8cc", grid.Find("tr[data-audience='b-rare'] [data-week='2026-W47']").GetAttribute("style"));
    }

    [Fact]
    public void Grid_SortsWorstOffendersFirst_AndByIdOnRequest()
    {
        var grid = _ctx.Render<CadenceGrid>(p => p.Add(x => x.Report, Report()));

        // b-rare: two weeks under; c-loud: one week over; a-calm: none outside the guideline.
        Assert.Equal(["b-rare", "c-loud", "a-calm"], grid.FindAll("tr[data-testid='grid-row']").Select(r => r.GetAttribute("data-audience")));

        grid.Find("[data-testid='sort-id']").Click();

        Assert.Equal(["a-calm", "b-rare", "c-loud"], grid.FindAll("tr[data-testid='grid-row']").Select(r => r.GetAttribute("data-audience")));
    }

    [Fact]
    public void WarningList_PutsThisWeeksOverPushedAudiencesFirst()
    {
        var report = Report();
        var shaped = report with
        {
            Warnings = [.. report.Warnings, new CadenceWarning("a-calm", "2026-W48", 4, CadenceStatus.Over)],
        };

        var list = _ctx.Render<CadenceWarningList>(p => p.Add(x => x.Report, shaped));

        Assert.Equal(["a-calm:2026-W48", "b-rare:2026-W47", "b-rare:2026-W46", "c-loud:2026-W46"],
            list.FindAll("[data-testid='warning']").Select(w => $"{w.GetAttribute("data-audience")}:{w.GetAttribute("data-week")}"));
        Assert.Contains("本周", list.FindAll("[data-testid='warning']")[0].TextContent);
    }

    public async Task DisposeAsync() => await _ctx.DisposeAsync();
}
