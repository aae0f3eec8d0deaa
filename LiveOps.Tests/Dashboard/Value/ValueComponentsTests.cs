using System.Globalization;
using System.Text.Json;
using Bunit;
using LiveOps.Core.Common;
using LiveOps.Core.Data.Entities;
using LiveOps.Core.Value;
using LiveOps.Dashboard;
using LiveOps.Dashboard.Components.Charts;
using LiveOps.Dashboard.Components.Pages.Value;
using LiveOps.Dashboard.Exports;
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
    public void CustomersPanel_OfAnEmptyList_SaysSo_InsteadOfAnEmptyTable()
    {
        var panel = _ctx.Render<ValueCustomersPanel>(p => p
            .Add(x => x.Query, new ValueListQuery(ValueListKind.Segment, "Dormant"))
            .Add(x => x.Rows, [])
            .Add(x => x.Title, "沉睡客户"));

        Assert.Equal("这个名单里现在没有客户：换一个分群或格子看看", panel.Find("[data-testid='value-customers-empty']").TextContent.Trim());
        Assert.Empty(panel.FindAll("table"));
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

/// <summary>The value list download: every column in order in the page's language, and text from a file never read as a spreadsheet formula.</summary>
public sealed class ValueExportTests
{
    private static readonly ValueCustomerRow Row = new("=c1", "=HYPERLINK(\"x\")", 0, 0, 30, 80m, null, new DateOnly(2026, 10, 1), 30, 14, new DateOnly(2026, 10, 15),
        1, 1.26, 12.5, 12.5m, 3, 1, 2, RfmSegment.New, ValueQuadrant.Grow, LiveOps.Core.Data.Entities.OrderChannel.LiveRoom, "normal", false);

    private static async Task<string[]> CsvLinesAsync(string culture)
    {
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(culture);
        try
        {
            using var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
            var t = services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<LiveOps.Dashboard.Resources.ValueResource>>();
            var writer = new StringWriter();
            await PageDownload.WriteCsvAsync(ListDownloads.ValueCustomerColumns(t, 90), [ListDownloads.ValueCustomerRow(Row, t, code => code == "normal" ? "普通会员" : code)], writer);
            return writer.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public async Task ExportRow_InChinese_HostileNicknameNeutralised_MoneyToTheFen_RatesAsPercent_LabelsInWords()
    {
        var lines = await CsvLinesAsync("zh-CN");

        Assert.Equal("客户,昵称,RFM 分群,R,F,M,复购天数,首单到末单（天）,首单至今（天）,累计实付 (¥),复购日均实付 (¥),最近下单,距今天数,平时间隔（天）,"
            + "预计下次下单,存活概率,未来 90 天预计复购天数,未来 90 天预计金额 (¥),风险金额 (¥),最近渠道,会员等级,私域", lines[0]);
        Assert.Equal("'=c1,\"'=HYPERLINK(\"\"x\"\")\",新客,3,1,2,0,0,30,80.00,,2026-10-01,30,14.0,2026-10-15,100.0%,1.3,12.50,12.50,直播间,普通会员,否", lines[1]);
    }

    [Fact]
    public async Task ExportRow_InEnglish_HeadersAndLabelsInEnglish()
    {
        var lines = await CsvLinesAsync("en");

        Assert.StartsWith("Customer,Nickname,RFM segment,R,F,M,Repeat days,", lines[0]);
        Assert.EndsWith(",P(alive),\"Expected repeat days, next 90 days\",\"Expected ¥, next 90 days\",¥ at risk,Last channel,Tier,Private domain", lines[0]);
        Assert.EndsWith(",New and recent,3,1,2,0,0,30,80.00,,2026-10-01,30,14.0,2026-10-15,100.0%,1.3,12.50,12.50,Live room,普通会员,no",
            lines[1]);
    }
}
