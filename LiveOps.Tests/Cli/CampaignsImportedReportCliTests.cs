using LiveOps.Tests.Support;

namespace LiveOps.Tests.Cli;

/// <summary>The contract's sample files imported through the command line, then <c>report campaigns</c>, as a user would.</summary>
public sealed class CampaignsImportedReportCliTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();

    public async Task InitializeAsync()
    {
        await ImportAsync("campaigns", """
            campaign_id,name,type,starts_at,ends_at,cost,attribution_days
            k-coupon-9,九月私域专属券,exclusive_coupon,2026-09-15T00:00:00,2026-09-22T00:00:00,1500,7
            k-lottery-1,入群抽奖,lottery_join,2026-09-01T19:00:00,2026-09-01T23:00:00,,3
            """);
        await ImportAsync("campaign-events", """
            campaign_id,customer_id,at,stage
            k-lottery-1,u1001,2026-09-01T20:35:00,exposed
            k-lottery-1,u1001,2026-09-01T20:38:00,joined
            k-coupon-9,u1001,2026-09-15T10:05:00,claimed
            """);
        await ImportAsync("orders", """
            订单号,买家ID,下单时间,实付金额,status,channel,campaign_id,live_session_id
            A0001,u1001,2026-09-01 20:31:00,¥129.90,paid,live_room,,ls-0901
            A0002,u1002,2026-09-03T21:15:00,59.00,refunded,live_room,,ls-0903
            A0003,u1001,2026-09-18T10:02:00+08:00,268.00,paid,private_group,k-coupon-9,
            A0004,u1003,2026-10-02T02:30:00Z,399.00,paid,mini_program,,
            """);
    }

    [Fact]
    public async Task ReportCampaigns_OnTheSampleFiles_MatchesTheHandCount()
    {
        // A0001 is 4 minutes before u1001's first touch (nobody's); A0002 is refunded; A0003 names k-coupon-9;
        // A0004's customer was never touched. Listed by start: the lottery (09-01) before the coupon (09-15).
        var result = await CliRunner.RunAsync("report", "campaigns", "--db", _db.Path, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            """{"campaigns":[{"campaignId":"k-lottery-1","name":"入群抽奖","type":"lottery_join","exposed":1,"clicked":0,"joined":1,"claimed":0,"redeemed":0,"buyers":0,"orders":0,"revenue":0,"repeatBuyers90d":0,"cost":null,"roi":null},""" +
            """{"campaignId":"k-coupon-9","name":"九月私域专属券","type":"exclusive_coupon","exposed":0,"clicked":0,"joined":0,"claimed":1,"redeemed":0,"buyers":1,"orders":1,"revenue":268,"repeatBuyers90d":0,"cost":1500,"roi":-0.8213333333333334}]}""",
            result.Out.Trim());
    }

    private async Task ImportAsync(string kind, string csv)
    {
        var path = _db.WriteFile(kind + ".csv", csv + "\n");
        var result = await CliRunner.RunAsync("import", kind, path, "--db", _db.Path);
        Assert.True(result.ExitCode == 0, result.Error);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}
