using System.Globalization;
using System.Text;
using CsvHelper;
using LiveOps.Core.Common;
using LiveOps.Core.Data;
using LiveOps.Core.Data.Entities;
using LiveOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace LiveOps.Tests.Dashboard.Exports;

/// <summary>
/// Every CSV and Excel file the product writes, page downloads and <c>report --format csv</c> alike, over one shop
/// whose ids and names start like formulas (<c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab, CR): each such text cell
/// comes out with a leading apostrophe, and no cell of any file starts like a formula unless it is a number.
/// </summary>
public sealed class ExportNeutralisationTests : IAsyncLifetime
{
    private DashboardApp _app = default!;
    private string _cohort = "";

    public async Task InitializeAsync()
    {
        _app = DashboardApp.Start(demoData: false);
        var clock = _app.Services.GetRequiredService<ZoneClock>();
        var now = clock.UtcNow;
        var factory = _app.Services.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        db.Audiences.Add(new Audience { AudienceId = "+a1", Name = "=group", Kind = AudienceKind.WechatGroup, MemberCount = 2 });
        db.Campaigns.Add(new Campaign { CampaignId = "-k1", Name = "=1+2", Type = CampaignType.LotteryJoin, StartsAt = now.AddDays(-20), Cost = 50m });
        db.LiveSessions.Add(new LiveSession { LiveSessionId = "@s1", Title = "\tlive", StartedAt = now.AddDays(-5), EndedAt = now.AddDays(-5).AddHours(2) });
        _cohort = await TierListCustomers.AddAsync(db, clock,
            near: new Customer { CustomerId = "=c1", Nickname = "@nick" }, lapsing: new Customer { CustomerId = "+c2", Nickname = "\rnick" }, nearCampaignId: "-k1");
        db.Pushes.Add(new Push { PushId = "-p1", AudienceId = "+a1", SentAt = now.AddHours(-1), Kind = PushKind.Promotion });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task EveryPageDownload_GuardsEveryTextCell()
    {
        using var http = await _app.SignedInClientAsync();

        var campaigns = await CsvAsync(http, "/export/campaigns.csv");
        AssertGuarded(campaigns, "-k1", "=1+2");
        var sessions = await CsvAsync(http, "/export/live-sessions.csv");
        AssertGuarded(sessions, "@s1", "\tlive");
        var overview = await CsvAsync(http, "/export/overview.csv");
        Assert.Contains("实付 GMV", overview); // the page's language: the Overview download is for people
        var cohort = await CsvAsync(http, $"/export/cohorts/customers.csv?cohort={_cohort}&offset=0");
        AssertGuarded(cohort, "=c1", "@nick");
        var upgrades = await CsvAsync(http, "/export/tiers/upgrades.csv");
        AssertGuarded(upgrades, "=c1");
        var risks = await CsvAsync(http, "/export/tiers/downgrade-risks.csv");
        AssertGuarded(risks, "+c2");

        var campaignSheet = await SheetAsync(http, "/export/campaigns.xlsx");
        // Page downloads carry the page's headers, so cells are found by value.
        Assert.Contains("'-k1", campaignSheet[0].Values);
        Assert.Contains("'=1+2", campaignSheet[0].Values);
        var sessionSheet = await SheetAsync(http, "/export/live-sessions.xlsx");
        Assert.Contains("'@s1", sessionSheet[0].Values);
        Assert.Contains("'\tlive", sessionSheet[0].Values);
        var overviewSheet = await SheetAsync(http, "/export/overview.xlsx");
        Assert.NotEmpty(overviewSheet);
        var cohortSheet = await SheetAsync(http, $"/export/cohorts/customers.xlsx?cohort={_cohort}&offset=0");
        Assert.Equal("'=c1", cohortSheet[0]["客户ID"]);
        Assert.Equal("'@nick", cohortSheet[0]["昵称"]);
        var upgradeSheet = await SheetAsync(http, "/export/tiers/upgrades.xlsx");
        Assert.Equal("'=c1", upgradeSheet[0]["客户"]);
        var riskSheet = await SheetAsync(http, "/export/tiers/downgrade-risks.xlsx");
        Assert.Equal("'+c2", riskSheet[0]["客户"]);
        // The address the tiers page linked to before serves the same file.
        Assert.Equal(upgrades, await CsvAsync(http, "/tiers/export/upgrades.csv"));
        foreach (var sheet in new[] { campaignSheet, sessionSheet, overviewSheet, cohortSheet, upgradeSheet, riskSheet })
        {
            Assert.All(sheet.SelectMany(row => row.Values).OfType<string>(), AssertNoFormula);
        }
    }

    [Fact]
    public async Task EveryCommandLineCsv_GuardsEveryTextCell()
    {
        async Task<string> Report(string name)
        {
            var result = await CliRunner.RunAsync("report", name, "--db", _app.DatabasePath, "--format", "csv");
            Assert.True(result.ExitCode == 0, result.Error);
            await AssertEveryCellSafeAsync(result.Out);
            return result.Out;
        }

        AssertGuarded(await Report("campaigns"), "-k1", "=1+2");
        AssertGuarded(await Report("live-sessions"), "@s1", "\tlive");
        AssertGuarded(await Report("cadence"), "+a1", "=group");
        AssertGuarded(await Report("tiers"), "=c1", "+c2");
        Assert.Contains($"{_cohort},1,", await Report("cohorts"));
        Assert.Contains("paidGmv", await Report("overview"));
    }

    /// <summary>Each raw value appears only behind an apostrophe, never as the start of a field.</summary>
    private static void AssertGuarded(string csv, params string[] raws)
    {
        foreach (var raw in raws)
        {
            Assert.Contains("'" + raw, csv);
            Assert.DoesNotContain("," + raw, csv);
            Assert.DoesNotContain("\n" + raw, csv);
            Assert.False(csv.StartsWith(raw, StringComparison.Ordinal));
        }
    }

    private static async Task<string> CsvAsync(HttpClient http, string url)
    {
        var response = await http.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        await AssertEveryCellSafeAsync(text);
        return text;
    }

    private static async Task<List<IDictionary<string, object?>>> SheetAsync(HttpClient http, string url)
    {
        var response = await http.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.NotEmpty(rows);
        return rows;
    }

    /// <summary>Reads the file as CSV and checks every field of every record.</summary>
    private static async Task AssertEveryCellSafeAsync(string csv)
    {
        await using var reader = CsvReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(csv)), CsvReaderOptions.Default with { HasHeader = false }, leaveOpen: false);
        var fields = 0;
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                AssertNoFormula(reader.GetString(i));
                fields++;
            }
        }
        Assert.True(fields > 0);
    }

    private static void AssertNoFormula(string cell)
    {
        if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            Assert.True(double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _), $"'{cell}' starts like a formula");
        }
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
