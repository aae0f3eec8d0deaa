using LiveOps.Tests.Core.Campaigns;
using LiveOps.Tests.Support;

namespace LiveOps.Tests.Cli;

public sealed class CampaignsReportCliTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();

    public async Task InitializeAsync()
    {
        await using var context = _db.NewContext();
        await CampaignFixture.SeedAsync(context);
    }

    [Fact]
    public async Task ReportCampaigns_Json_IsExactlyTheContractShapeWithHandCountedNumbers()
    {
        var result = await CliRunner.RunAsync("report", "campaigns", "--db", _db.Path, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Equal(CampaignFixture.ExpectedJson, result.Out.Trim());
    }

    [Fact]
    public async Task ReportCampaigns_FromTo_ListsOnlyCampaignsStartingInsideTheHalfOpenRange()
    {
        // k2 starts 2026-10-01 00:00 (in: from is inclusive); k3 starts 2026-11-01 00:00 (out: to is exclusive).
        var result = await CliRunner.RunAsync("report", "campaigns", "--db", _db.Path, "--format", "json", "--from", "2026-10-01", "--to", "2026-11-01");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            """{"campaigns":[{"campaignId":"k2","name":"钩子款","type":"hook_product","exposed":2,"clicked":1,"joined":0,"claimed":0,"redeemed":0,"buyers":1,"orders":2,"revenue":210,"repeatBuyers90d":1,"cost":null,"roi":null}]}""",
            result.Out.Trim());
    }

    [Fact]
    public async Task ReportCampaigns_DefaultFormat_IsJson()
    {
        var result = await CliRunner.RunAsync("report", "campaigns", "--db", _db.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(CampaignFixture.ExpectedJson, result.Out.Trim());
    }

    [Fact]
    public async Task ReportCampaigns_Csv_OneRowPerCampaignWithFormulaNameNeutralised()
    {
        var result = await CliRunner.RunAsync("report", "campaigns", "--db", _db.Path, "--format", "csv");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Equal("campaignId,name,type,startsAt,endsAt,attributionDays,exposed,clicked,joined,claimed,redeemed,buyers,orders,revenue,repeatBuyers90d,cost,roi", lines[0]);
        Assert.Equal("k1,九月专属券,exclusive_coupon,2026-09-15 00:00:00,2026-09-22 00:00:00,7,3,1,0,1,0,2,3,180.15,1,100,0.8015", lines[1]);
        Assert.Equal("k2,钩子款,hook_product,2026-10-01 00:00:00,2026-10-03 00:00:00,3,2,1,0,0,0,1,2,210,1,,", lines[2]);
        Assert.Equal("k3,'=1+2,lottery_join,2026-11-01 00:00:00,,7,0,0,0,0,0,0,0,0,0,50,-1", lines[3]);
    }

    [Fact]
    public async Task ReportCampaigns_BadFrom_ExitsTwo()
    {
        var result = await CliRunner.RunAsync("report", "campaigns", "--db", _db.Path, "--from", "next tuesday");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--from: 'next tuesday' is not a date", result.Error);
        Assert.Equal("", result.Out);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}
