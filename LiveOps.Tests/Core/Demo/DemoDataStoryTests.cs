using LiveOps.Core.Common;
using LiveOps.Core.Data.Entities;

namespace LiveOps.Tests.Core.Demo;

/// <summary>The default demo shop tells the story the dashboard is for, computed here with plain SQL.</summary>
[Collection(DemoShopCollection.Name)]
public sealed class DemoDataStoryTests(DemoShopFixture shop)
{
    private const string PaidPerCustomer = """
        SELECT p.n AS n, c.JoinedPrivateAt IS NOT NULL AS member
        FROM (SELECT CustomerKey, COUNT(*) AS n FROM orders WHERE Status = 0 GROUP BY CustomerKey) p
        JOIN customers c ON c.Id = p.CustomerKey
        """;

    private string Cs => shop.Cs;

    [Fact]
    public void Members_RepurchaseAtLeastTwentyPointsMoreOftenThanNonMembers()
    {
        var members = DemoSql.Real(Cs, $"SELECT 1.0 * SUM(n >= 2) / COUNT(*) FROM ({PaidPerCustomer}) WHERE member");
        var others = DemoSql.Real(Cs, $"SELECT 1.0 * SUM(n >= 2) / COUNT(*) FROM ({PaidPerCustomer}) WHERE NOT member");

        Assert.InRange(members, 0.38, 0.60);
        Assert.InRange(others, 0.10, 0.25);
        Assert.True(members >= others + 0.20, $"members {members:0.000}, non-members {others:0.000}");
    }

    [Fact]
    public void AboutEightyPercentOfNonMemberFirstTimeBuyers_NeverComeBack()
    {
        var once = DemoSql.Real(Cs, $"SELECT 1.0 * SUM(n = 1) / COUNT(*) FROM ({PaidPerCustomer}) WHERE NOT member");

        Assert.InRange(once, 0.75, 0.88);
    }

    [Fact]
    public void RepeatOrders_AreWorthAboutAThirdMoreThanFirstOrders()
    {
        const string ranked = """
            SELECT Amount, ROW_NUMBER() OVER (PARTITION BY CustomerKey ORDER BY PlacedAt, Id) AS k FROM orders WHERE Status = 0
            """;
        var first = DemoSql.Real(Cs, $"SELECT AVG(Amount) FROM ({ranked}) WHERE k = 1");
        var repeat = DemoSql.Real(Cs, $"SELECT AVG(Amount) FROM ({ranked}) WHERE k > 1");

        Assert.InRange(repeat / first, 1.15, 1.50);
        Assert.InRange(first / Money.UnitsPerYuan, 100, 250);
    }

    [Fact]
    public void PromotionPushes_IncludeOverPushedAndUnderPushedIsoWeeks()
    {
        var weeks = PromotionsPerAudienceWeek();

        var over = weeks.Count(w => w.Promotions > 3);
        var under = weeks.Count(w => w.Promotions < 2);
        var ok = weeks.Count - over - under;
        Assert.InRange(weeks.Max(w => w.Promotions), 4, 6);
        Assert.True(weeks.Count(w => w.Promotions >= 4) >= 20, $"{over} over-pushed weeks");
        Assert.True(weeks.Count(w => w.Promotions == 0) >= 5 && weeks.Count(w => w.Promotions == 1) >= 5, $"{under} under-pushed weeks");
        Assert.True(ok > weeks.Count / 2, $"{ok} of {weeks.Count} weeks follow the guideline");
        // Content and service pushes are sent too, and never counted above.
        Assert.True(DemoSql.Scalar(Cs, $"SELECT COUNT(*) FROM pushes WHERE Kind = {(int)PushKind.Content}") > 500);
        Assert.True(DemoSql.Scalar(Cs, $"SELECT COUNT(*) FROM pushes WHERE Kind = {(int)PushKind.Service}") > 100);
    }

    [Fact]
    public void MembersLeave_MoreOftenInThe48HoursAfterOverPushedPromotions_ThanAfterOkOnes()
    {
        var weeks = PromotionsPerAudienceWeek().ToDictionary(w => (w.AudienceId, w.Week), w => w.Promotions);
        var leaves = DemoSql.Rows(Cs, $"SELECT AudienceId, At FROM audience_events WHERE Event = {(int)AudienceEventType.Left}")
            .GroupBy(r => (string)r[0], r => (long)r[1])
            .ToDictionary(g => g.Key, g => g.ToList());
        var perPush = new Dictionary<string, List<int>> { ["over"] = [], ["ok"] = [] };
        foreach (var (audience, sentAt) in Promotions())
        {
            if (!weeks.TryGetValue((audience, Week(sentAt)), out var count) || count < 2)
            {
                continue;
            }
            var after = leaves.GetValueOrDefault(audience, []).Count(at => at > sentAt && at <= sentAt + 48 * 3_600_000L);
            perPush[count > 3 ? "over" : "ok"].Add(after);
        }

        var overMean = perPush["over"].Average();
        var okMean = perPush["ok"].Average();
        Assert.True(overMean > 2 * okMean, $"leaves per push: over-pushed {overMean:0.00}, ok {okMean:0.00}");
    }

    private sealed record AudienceWeek(string AudienceId, int Week, int Promotions);

    private List<(string AudienceId, long SentAt)> Promotions() =>
        DemoSql.Rows(Cs, $"SELECT AudienceId, SentAt FROM pushes WHERE Kind = {(int)PushKind.Promotion}")
            .Select(r => ((string)r[0], (long)r[1])).ToList();

    private int Week(long ms) => Period.Containing(PeriodKind.Week, DateTimeOffset.FromUnixTimeMilliseconds(ms), shop.Db.Clock).Ordinal;

    /// <summary>
    /// Promotion pushes per audience and ISO week in Shanghai, weeks without one included, over the whole
    /// weeks between each audience's first and last push of any kind (the partial edge weeks left out).
    /// </summary>
    private List<AudienceWeek> PromotionsPerAudienceWeek()
    {
        var all = DemoSql.Rows(Cs, "SELECT AudienceId, SentAt, Kind FROM pushes")
            .Select(r => (Audience: (string)r[0], Week: Week((long)r[1]), Promotion: (long)r[2] == (int)PushKind.Promotion)).ToList();
        var result = new List<AudienceWeek>();
        foreach (var audience in all.GroupBy(p => p.Audience))
        {
            var first = audience.Min(p => p.Week);
            var last = audience.Max(p => p.Week);
            for (var week = first + 1; week < last; week++)
            {
                result.Add(new AudienceWeek(audience.Key, week, audience.Count(p => p.Promotion && p.Week == week)));
            }
        }
        Assert.InRange(result.Count, 10 * 48, 10 * 52);
        return result;
    }
}
