using LiveOps.Core.Common;
using LiveOps.Core.Data;
using LiveOps.Core.Data.Entities;
using LiveOps.Core.Store;

namespace LiveOps.Tests.Core.Demo;

/// <summary>The default demo shop has the stated sizes and only consistent rows.</summary>
[Collection(DemoShopCollection.Name)]
public sealed class DemoDataShapeTests(DemoShopFixture shop)
{
    private string Cs => shop.Cs;

    [Fact]
    public void Seed_DefaultSize_WritesStatedCountsAndReportsThem()
    {
        Assert.Equal(20_000, DemoSql.Scalar(Cs, "SELECT COUNT(*) FROM customers"));
        Assert.InRange(DemoSql.Scalar(Cs, "SELECT COUNT(*) FROM orders"), 54_000, 66_000);
        Assert.Equal(40, DemoSql.Scalar(Cs, "SELECT COUNT(*) FROM live_sessions"));
        Assert.Equal(10, DemoSql.Scalar(Cs, "SELECT COUNT(*) FROM audiences"));
        Assert.Equal(36, DemoSql.Scalar(Cs, "SELECT COUNT(*) FROM campaigns"));
        Assert.InRange(DemoSql.Scalar(Cs, "SELECT COUNT(*) FROM pushes"), 2_000, 3_000);
        Assert.InRange(DemoSql.Scalar(Cs, "SELECT COUNT(*) FROM audience_events"), 7_000, 11_000);
        Assert.InRange(DemoSql.Scalar(Cs, "SELECT COUNT(*) FROM campaign_events"), 50_000, 90_000);
        Assert.Equal(0, DemoSql.Scalar(Cs, "SELECT COUNT(*) FROM tier_rule_sets"));

        var s = shop.Summary;
        Assert.Equal(
            $"demo data: 20000 customers, {s.Orders} orders, 40 live sessions, 10 audiences ({s.AudienceEvents} joins and leaves), {s.Pushes} pushes, 36 campaigns ({s.CampaignEvents} funnel events)",
            s.ToString());
        Assert.Equal(DemoSql.Scalar(Cs, "SELECT COUNT(*) FROM orders"), s.Orders);
        Assert.Equal(DemoSql.Scalar(Cs, "SELECT COUNT(*) FROM campaign_events"), s.CampaignEvents);
        Assert.Equal(DemoSql.Scalar(Cs, "SELECT COUNT(*) FROM audience_events"), s.AudienceEvents);
        Assert.Equal(DemoSql.Scalar(Cs, "SELECT COUNT(*) FROM pushes"), s.Pushes);
    }

    [Fact]
    public async Task Seed_BumpsDataVersion_AndDatabaseIsNoLongerEmpty()
    {
        Assert.Equal(shop.VersionBefore + 1, shop.Db.Get<DataVersion>().Current);
        Assert.False(await shop.Db.Get<DemoDataSeeder>().IsDatabaseEmptyAsync());
    }

    [Fact]
    public void Orders_AllHaveAKnownCustomer_PositiveAmounts_AndMostlyPaidStatuses()
    {
        Assert.Equal(0, DemoSql.Scalar(Cs, "SELECT COUNT(*) FROM orders o LEFT JOIN customers c ON c.Id = o.CustomerKey WHERE c.Id IS NULL"));
        Assert.Equal(0, DemoSql.Scalar(Cs, "SELECT COUNT(*) FROM orders WHERE Amount <= 0"));
        var total = DemoSql.Scalar(Cs, "SELECT COUNT(*) FROM orders");
        var paid = DemoSql.Scalar(Cs, $"SELECT COUNT(*) FROM orders WHERE Status = {(int)OrderStatus.Paid}");
        Assert.InRange(paid / (double)total, 0.85, 0.95);
        Assert.True(DemoSql.Scalar(Cs, $"SELECT COUNT(*) FROM orders WHERE Status = {(int)OrderStatus.Refunded}") > 0);
        Assert.True(DemoSql.Scalar(Cs, $"SELECT COUNT(*) FROM orders WHERE Status = {(int)OrderStatus.Cancelled}") > 0);
        foreach (var channel in new[] { OrderChannel.LiveRoom, OrderChannel.PrivateGroup, OrderChannel.MiniProgram, OrderChannel.Shop })
        {
            Assert.True(DemoSql.Scalar(Cs, $"SELECT COUNT(*) FROM orders WHERE Channel = {(int)channel}") > 1_000, $"channel {channel}");
        }
        Assert.Equal(0, DemoSql.Scalar(Cs, "SELECT COUNT(*) FROM audience_events e LEFT JOIN customers c ON c.Id = e.CustomerKey WHERE c.Id IS NULL"));
        Assert.Equal(0, DemoSql.Scalar(Cs, "SELECT COUNT(*) FROM campaign_events e LEFT JOIN customers c ON c.Id = e.CustomerKey WHERE c.Id IS NULL"));
    }

    [Fact]
    public void LiveRoomOrders_NameTheirSession_AndFallInsideIt()
    {
        var liveRoom = (int)OrderChannel.LiveRoom;
        Assert.Equal(0, DemoSql.Scalar(Cs, $"SELECT COUNT(*) FROM orders WHERE Channel = {liveRoom} AND LiveSessionId IS NULL"));
        Assert.Equal(0, DemoSql.Scalar(Cs, $"SELECT COUNT(*) FROM orders WHERE Channel <> {liveRoom} AND LiveSessionId IS NOT NULL"));
        Assert.Equal(0, DemoSql.Scalar(Cs, """
            SELECT COUNT(*) FROM orders o LEFT JOIN live_sessions s ON s.LiveSessionId = o.LiveSessionId
            WHERE o.LiveSessionId IS NOT NULL AND (s.Id IS NULL OR o.PlacedAt < s.StartedAt OR o.PlacedAt > s.EndedAt)
            """));
    }

    [Fact]
    public void Orders_AreEveningHeavyInShanghaiTime()
    {
        // Shanghai is UTC+8 all year, so the local hour is plain arithmetic on the stored UTC milliseconds.
        const string localHour = "((PlacedAt / 1000 + 8 * 3600) / 3600) % 24";
        var total = DemoSql.Scalar(Cs, "SELECT COUNT(*) FROM orders");
        var evening = DemoSql.Scalar(Cs, $"SELECT COUNT(*) FROM orders WHERE {localHour} BETWEEN 19 AND 23");
        var night = DemoSql.Scalar(Cs, $"SELECT COUNT(*) FROM orders WHERE {localHour} BETWEEN 2 AND 5");

        Assert.InRange(evening / (double)total, 0.45, 0.85);
        Assert.InRange(night / (double)total, 0.001, 0.05);
    }

    [Fact]
    public void LiveSessions_AreEveningBroadcastsWithChineseTitlesAndAudienceFigures()
    {
        var clock = shop.Db.Clock;
        foreach (var row in DemoSql.Rows(Cs, "SELECT StartedAt, EndedAt, Title, Viewers, PeakConcurrent, AvgWatchSeconds FROM live_sessions"))
        {
            var start = clock.ToLocal(DateTimeOffset.FromUnixTimeMilliseconds((long)row[0]));
            Assert.InRange(start.Hour, 19, 21);
            Assert.True((long)row[1] > (long)row[0]);
            Assert.Contains("直播", (string)row[2]);
            Assert.InRange((long)row[4], 1, (long)row[3] - 1);
            Assert.InRange((double)row[5], 60, 1_200);
        }
    }

    [Fact]
    public void Instants_AllLieInTheTwelveMonthsBeforeTheClocksNow()
    {
        var now = DemoShopFixture.Now.ToUnixTimeMilliseconds();
        var yearAgo = DemoShopFixture.Now.AddYears(-1).ToUnixTimeMilliseconds();
        string[] columns =
        [
            "customers.AcquiredAt", "customers.JoinedPrivateAt", "orders.PlacedAt", "audience_events.At", "pushes.SentAt",
            "campaigns.StartsAt", "campaigns.EndsAt", "campaign_events.At", "live_sessions.StartedAt", "live_sessions.EndedAt",
        ];
        foreach (var column in columns)
        {
            var (table, name) = (column.Split('.')[0], column.Split('.')[1]);
            Assert.True(DemoSql.Scalar(Cs, $"SELECT COUNT({name}) FROM {table}") > 0, column);
            Assert.InRange(DemoSql.Scalar(Cs, $"SELECT MIN({name}) FROM {table}"), yearAgo, now - 1);
            Assert.InRange(DemoSql.Scalar(Cs, $"SELECT MAX({name}) FROM {table}"), yearAgo, now - 1);
        }
        // The dashboard looks current: the last day before the clock's date has orders.
        var yesterday = shop.Db.Clock.StartOfDay(new DateOnly(2026, 11, 23)).ToUnixTimeMilliseconds();
        Assert.True(DemoSql.Scalar(Cs, $"SELECT COUNT(*) FROM orders WHERE PlacedAt >= {yesterday}") > 20);
    }

    [Fact]
    public void Customers_HaveChineseNicknamesChannelsAndMembershipOfAKnownAudience()
    {
        Assert.Equal(0, DemoSql.Scalar(Cs, "SELECT COUNT(*) FROM customers WHERE Nickname IS NULL OR Nickname = ''"));
        Assert.True(DemoSql.Scalar(Cs, "SELECT COUNT(*) FROM customers WHERE unicode(Nickname) BETWEEN 19968 AND 40959") > 19_000);
        Assert.Equal(6, DemoSql.Scalar(Cs, "SELECT COUNT(DISTINCT AcquisitionChannel) FROM customers"));
        var members = DemoSql.Scalar(Cs, "SELECT COUNT(*) FROM customers WHERE JoinedPrivateAt IS NOT NULL");
        Assert.InRange(members, 6_000, 8_500);
        Assert.Equal(members, DemoSql.Scalar(Cs, "SELECT COUNT(*) FROM customers c JOIN audiences a ON a.AudienceId = c.PrivateAudienceId"));
        Assert.Equal(0, DemoSql.Scalar(Cs, "SELECT COUNT(*) FROM customers WHERE (JoinedPrivateAt IS NULL) <> (PrivateAudienceId IS NULL)"));
    }

    [Fact]
    public void Audiences_AreWechatGroupsAndWecomContacts_WithMemberCountsFromJoinsAndLeaves()
    {
        Assert.Equal(6, DemoSql.Scalar(Cs, $"SELECT COUNT(*) FROM audiences WHERE Kind = {(int)AudienceKind.WechatGroup} AND Name LIKE '%群%'"));
        Assert.Equal(4, DemoSql.Scalar(Cs, $"SELECT COUNT(*) FROM audiences WHERE Kind = {(int)AudienceKind.WecomContacts} AND Name LIKE '企微%'"));
        var joined = (int)AudienceEventType.Joined;
        Assert.Equal(0, DemoSql.Scalar(Cs, $"""
            SELECT COUNT(*) FROM audiences a
            WHERE a.MemberCount <> (SELECT SUM(CASE WHEN e.Event = {joined} THEN 1 ELSE -1 END) FROM audience_events e WHERE e.AudienceId = a.AudienceId)
            """));
        Assert.True(DemoSql.Scalar(Cs, $"SELECT COUNT(*) FROM audience_events WHERE Event = {(int)AudienceEventType.Left}") > 1_000);
        Assert.True(DemoSql.Scalar(Cs, "SELECT MIN(MemberCount) FROM audiences") > 100);
    }

    [Fact]
    public void Campaigns_CoverEveryType_SomeWithoutCost_WithFunnelsNarrowingAtEachStage()
    {
        foreach (var type in Enum.GetValues<CampaignType>())
        {
            Assert.True(DemoSql.Scalar(Cs, $"SELECT COUNT(*) FROM campaigns WHERE Type = {(int)type}") >= 1, $"type {ContractNames.Of(type)}");
        }
        Assert.True(DemoSql.Scalar(Cs, "SELECT COUNT(*) FROM campaigns WHERE Cost IS NULL") >= 6);
        Assert.True(DemoSql.Scalar(Cs, "SELECT COUNT(*) FROM campaigns WHERE Cost > 0") >= 20);
        Assert.True(DemoSql.Scalar(Cs, "SELECT COUNT(DISTINCT AttributionDays) FROM campaigns") >= 2);
        var previous = long.MaxValue;
        foreach (var stage in Enum.GetValues<CampaignStage>())
        {
            var customers = DemoSql.Scalar(Cs, $"SELECT COUNT(DISTINCT CampaignId || '/' || CustomerKey) FROM campaign_events WHERE Stage = {(int)stage}");
            Assert.True(customers < previous && customers > 1_000, $"{stage}: {customers} after {previous}");
            previous = customers;
        }
    }

    [Fact]
    public void Orders_AreAttributedToCampaigns_ExplicitlyAndByTheWindowAfterAnEvent()
    {
        Assert.True(DemoSql.Scalar(Cs, "SELECT COUNT(*) FROM orders o JOIN campaigns c ON c.CampaignId = o.CampaignId") > 2_000);
        Assert.Equal(0, DemoSql.Scalar(Cs, "SELECT COUNT(*) FROM orders o LEFT JOIN campaigns c ON c.CampaignId = o.CampaignId WHERE o.CampaignId IS NOT NULL AND c.Id IS NULL"));
        // Orders without a campaign id placed within the attribution window after one of the customer's claims.
        Assert.True(DemoSql.Scalar(Cs, $"""
            SELECT COUNT(DISTINCT o.Id) FROM orders o
            JOIN campaign_events e ON e.CustomerKey = o.CustomerKey AND e.Stage = {(int)CampaignStage.Claimed}
            JOIN campaigns c ON c.CampaignId = e.CampaignId
            WHERE o.CampaignId IS NULL AND o.PlacedAt >= e.At AND o.PlacedAt - e.At <= c.AttributionDays * 86400000
            """) > 500);
    }

    [Fact]
    public void SomeCustomers_ReachSilverAndGold_UnderTheDefaultRules()
    {
        const string spend = """
            SELECT CustomerKey, SUM(Amount) / 10000.0 AS spend, COUNT(*) AS n FROM orders WHERE Status = 0 GROUP BY CustomerKey
            """;
        var gold = DemoSql.Scalar(Cs, $"SELECT COUNT(*) FROM ({spend}) WHERE spend >= 8000 OR n >= 15");
        var silverOrBetter = DemoSql.Scalar(Cs, $"SELECT COUNT(*) FROM ({spend}) WHERE spend >= 2000 OR n >= 6");
        Assert.InRange(gold, 100, 1_500);
        Assert.InRange(silverOrBetter - gold, 300, 3_000);
    }
}
