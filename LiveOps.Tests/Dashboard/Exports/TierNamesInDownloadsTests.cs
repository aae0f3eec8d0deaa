using System.Text;
using LiveOps.Core.Common;
using LiveOps.Core.Data;
using LiveOps.Core.Data.Entities;
using LiveOps.Core.Value;
using LiveOps.Dashboard.Exports;
using LiveOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using LiveOps.Dashboard.Resources;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace LiveOps.Tests.Dashboard.Exports;

/// <summary>
/// The tiers page's downloads name tiers as the page does: the display names of the rule version in force (the edited
/// name where there is one, else 普通会员 / 银卡 / 金卡), in the request's language; never the codes.
/// </summary>
public sealed class TierNamesInDownloadsTests : IAsyncLifetime
{
    private DashboardApp _app = default!;

    public async Task InitializeAsync()
    {
        _app = DashboardApp.Start(demoData: false);
        var clock = _app.Services.GetRequiredService<ZoneClock>();
        var now = clock.UtcNow;
        var factory = _app.Services.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        // The version in force names silver 白银会员; normal keeps its default name.
        db.TierRuleSets.Add(new TierRuleSet
        {
            CreatedAt = now.AddDays(-400),
            Source = "editor",
            Rules =
            [
                new TierRule { Tier = "normal", Rank = 0, Discount = 0.95m },
                new TierRule { Tier = "silver", Rank = 1, MinSpend12m = 2000m, MinOrders12m = 6, Discount = 0.90m, DisplayName = "白银会员" },
                new TierRule { Tier = "gold", Rank = 2, MinSpend12m = 8000m, MinOrders12m = 15, Discount = 0.85m, DedicatedService = true },
            ],
        });
        await TierListCustomers.AddAsync(db, clock, near: new Customer { CustomerId = "c1" }, lapsing: new Customer { CustomerId = "c2" });
    }

    [Fact]
    public async Task TierDownloads_InChinese_ShowTheVersionsNames()
    {
        using var http = await _app.SignedInClientAsync();

        var upgrades = await CsvLinesAsync(http, "/export/tiers/upgrades.csv");
        Assert.Equal("c1,普通会员,白银会员,1700.00,2000.00,300.00", upgrades[1]);
        var risks = await CsvLinesAsync(http, "/export/tiers/downgrade-risks.csv");
        Assert.StartsWith("c2,白银会员,普通会员,", risks[1]);
        var sheet = await SheetAsync(http, "/export/tiers/upgrades.xlsx");
        Assert.Equal(("普通会员", "白银会员"), ((string)sheet[0]["等级"]!, (string)sheet[0]["下一等级"]!));
    }

    [Fact]
    public async Task TierDownloads_InEnglish_ShowEnglishDefaultNames_AndTheEditedName()
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(_app.Url("/")) };
        http.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den; " + await _app.SignInCookieAsync());

        var upgrades = await CsvLinesAsync(http, "/export/tiers/upgrades.csv");
        Assert.StartsWith("c1,Regular member,白银会员,", upgrades[1]);
    }

    [Fact]
    public void ValueDownloadRow_ShowsTheTiersName()
    {
        var row = new ValueCustomerRow("c1", null, 3, 10, 300, 5000m, 1000m, new DateOnly(2026, 11, 14), 10, 30.0, null, 0.9, 1.2, 800.0, null,
            5, 5, 5, RfmSegment.Champions, null, null, "gold", true);
        var t = _app.Services.GetRequiredService<IStringLocalizer<ValueResource>>();

        var cells = ListDownloads.ValueCustomerRow(row, t, code => code == "gold" ? "金卡" : code);

        Assert.Equal("金卡", cells[ListDownloads.ValueCustomerColumns(t, 90).ToList().FindIndex(c => c.Header == t["Col.Tier"])]);
    }

    private static async Task<string[]> CsvLinesAsync(HttpClient http, string url)
    {
        var response = await http.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        return text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    private static async Task<List<IDictionary<string, object?>>> SheetAsync(HttpClient http, string url)
    {
        var response = await http.GetAsync(url);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
