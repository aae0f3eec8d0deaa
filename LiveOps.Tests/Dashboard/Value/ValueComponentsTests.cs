using System.Globalization;
using System.Text.Json;
using Bunit;
using LiveOps.Core.Common;
using LiveOps.Core.Data.Entities;
using LiveOps.Core.Value;
using LiveOps.Dashboard;
using LiveOps.Dashboard.Components.Charts;
using LiveOps.Dashboard.Components.Pages.Value;
using LiveOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace LiveOps.Tests.Dashboard.Value;

/// <summary>The churn-risk list and the backtest panel rendered from hand-made insights (no model needed).</summary>
public sealed class ValueComponentsTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();
    private readonly TestDatabase _db = new();

    public Task InitializeAsync()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("zh-CN");
        _ctx.Services.AddMudServices();
        _ctx.Services.AddLocalization();
        _ctx.Services.AddSingleton(new ZoneClock(new FakeTimeProvider(), "Asia/Shanghai"));
        _ctx.Services.AddScoped<Formatting>();
        _ctx.Services.AddSingleton(_db.Get<LiveOps.Core.Value.ValueService>());
        _ctx.SignInAs(LiveOps.Core.Accounts.Role.Lead, "lead@liveops.test");
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        return Task.CompletedTask;
    }

    private static ValueCustomerRow Row(string id, decimal atRisk, OrderChannel channel, bool member) =>
        new(id, null, 2, 20, 100, 300m, 100m, new DateOnly(2026, 8, 1), 80, 10, new DateOnly(2026, 8, 11), null, null, null, atRisk,
            2, 4, 5, RfmSegment.WinBack, null, channel, "silver", member);

    private static ValueInsights Insights(ChurnRiskSummary churn, ValueBacktest backtest) =>
        new(DateTimeOffset.Parse("2026-11-01T00:00:00+08:00", CultureInfo.InvariantCulture), 90, 2, 2, null, ModelGap.TooFewCustomers, "too few",
            [], null, new RfmBoundsSet(new(0, 0, 0, 0), new(0, 0, 0, 0), new(0, 0, 0, 0)), [], churn, backtest);

    private static ValueBacktest Backtest() =>
        new(90, DateTimeOffset.Parse("2026-08-03T00:00:00+08:00", CultureInfo.InvariantCulture), null, null, 2, 12.345, 10, 1000.5, 990m,
            [new BacktestMonth("2026-08", 4.04, 3, 300, 280m), new BacktestMonth("2026-09", 8.31, 7, 700.5, 710m)], []);

    [Fact]
    public void ChurnRiskTable_HistoryBasis_ShowsRuleHonestNoteAndRowsInOrder()
    {
        var churn = new ChurnRiskSummary(2, 250.5m, AtRiskBasis.History, 14, [Row("big", 200.5m, OrderChannel.PrivateGroup, true), Row("small", 50m, OrderChannel.LiveRoom, false)]);

        var table = _ctx.Render<ChurnRiskTable>(p => p.Add(x => x.Insights, Insights(churn, Backtest())));

        Assert.Equal("2 位客户已超过自己平时的下单间隔，风险金额合计 ¥250.50。", table.Find("[data-testid='churn-summary']").TextContent.Trim());
        Assert.Contains("全店间隔的 P75（14 天）", table.Markup);
        Assert.Contains("按该客户以往每个下单日的平均实付计算", table.Markup);
        Assert.Contains("超过自己节奏的客户比其他客户更少再次购买", table.Find("[data-testid='churn-honest']").TextContent);
        var rows = table.FindAll("[data-testid='churn-row']");
        Assert.Equal(["big", "small"], rows.Select(r => r.GetAttribute("data-customer")));
        var cells = rows[0].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["big", "2", "2026-08-01", "80", "10.0", "2026-08-11", "—", "¥200.50", "¥300.00", "245", "私域社群", "银卡", "是"], cells);
    }

    [Fact]
    public void BacktestChart_MonthsAsCategories_ForecastRoundedToTenths()
    {
        var options = JsonSerializer.Serialize(ValueChartMapper.Backtest(Backtest(), "forecast", "actual"), ChartOptions.Json);

        Assert.Contains("\"categories\":[\"2026-08\",\"2026-09\"]", options);
        Assert.Contains("{\"name\":\"forecast\",\"data\":[4,8.3]}", options);
        Assert.Contains("{\"name\":\"actual\",\"data\":[3,7]}", options);
    }

    [Fact]
    public void ValueView_ParsesOnlyKnownLists()
    {
        Assert.Equal(new ValueListQuery(ValueListKind.Segment, "Champions"), ValueView.Parse("segment", "Champions"));
        Assert.Equal(new ValueListQuery(ValueListKind.ChurnRisk), ValueView.Parse("churn", null));
        Assert.Null(ValueView.Parse("segment", "7"));
        Assert.Null(ValueView.Parse("quadrant", "Nope"));
        Assert.Equal("/export/value/customers.xlsx?list=quadrant&key=KeepClose", ValueView.Export(new ValueListQuery(ValueListKind.Quadrant, "KeepClose"), "xlsx"));
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        _db.Dispose();
    }
}

/// <summary>The value list export: every column in order, and text from a file never read as a spreadsheet formula.</summary>
public sealed class ValueExportTests
{
    [Fact]
    public async Task ExportRow_HostileNickname_IsNeutralised_NumbersStayNumbers()
    {
        var row = new ValueCustomerRow("=c1", "=HYPERLINK(\"x\")", 0, 0, 30, 80m, null, new DateOnly(2026, 10, 1), 30, 14, new DateOnly(2026, 10, 15),
            1, 0.25, 12.5, 12.5m, 3, 1, 2, RfmSegment.New, ValueQuadrant.Grow, LiveOps.Core.Data.Entities.OrderChannel.LiveRoom, "normal", false);
        var writer = new StringWriter();

        await LiveOps.Dashboard.Exports.ExportTable.WriteCsvAsync(LiveOps.Dashboard.Exports.ValueExports.Columns, [LiveOps.Dashboard.Exports.ValueExports.Row(row)], writer);

        var lines = writer.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("customer_id,nickname,segment,r,f,m,x,recency_days,age_days,spend,monetary,last_order_day,days_since_last,usual_interval_days,"
            + "expected_next_order_day,p_alive,expected_purchases_90d,expected_value_90d,at_risk,last_channel,tier,private_domain", lines[0]);
        Assert.Equal("'=c1,\"'=HYPERLINK(\"\"x\"\")\",New,3,1,2,0,0,30,80,,2026-10-01,30,14,2026-10-15,1,0.25,12.5,12.5,live_room,normal,false", lines[1]);
    }
}
