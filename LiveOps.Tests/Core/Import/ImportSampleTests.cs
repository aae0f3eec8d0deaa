using LiveOps.Core.Data.Entities;
using LiveOps.Core.Import;
using LiveOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using LiveOps.Core.Store;

namespace LiveOps.Tests.Core.Import;

/// <summary>Each sample file of the contract imports into exactly the rows it describes.</summary>
public abstract class ImportSampleTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly TestDatabase _db = new(provider: provider);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task<ImportResult> ImportSampleAsync(string kind)
    {
        Assert.True(ImportKinds.TryParse(kind, out var parsed));
        var result = await _db.Get<IImportService>().ImportFileAsync(parsed, ImportTestKit.SamplePath(kind));
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        return result;
    }

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private async Task<Dictionary<string, int>> CustomerKeysAsync()
    {
        await using var context = _db.NewContext();
        return await context.Customers.AsNoTracking().ToDictionaryAsync(c => c.CustomerId, c => c.Id);
    }

    [Fact]
    public async Task Customers()
    {
        var result = await ImportSampleAsync("customers");

        Assert.Equal((3L, 3L), (result.Rows, result.Added));
        await using var context = _db.NewContext();
        var c = await context.Customers.AsNoTracking().ToDictionaryAsync(x => x.CustomerId);
        Assert.Equal(3, c.Count);
        Assert.Equal(("小鹿", Utc("2026-09-01T12:05:00Z"), AcquisitionChannel.LiveRoom, Utc("2026-09-01T12:40:00Z"), "g-fans-1"),
            (c["u1001"].Nickname, c["u1001"].AcquiredAt, c["u1001"].AcquisitionChannel, c["u1001"].JoinedPrivateAt, c["u1001"].PrivateAudienceId));
        Assert.Equal(("Lily, 上海", Utc("2026-09-03T13:10:00Z"), AcquisitionChannel.ShortVideo, (DateTimeOffset?)null, (string?)null),
            (c["u1002"].Nickname, c["u1002"].AcquiredAt, c["u1002"].AcquisitionChannel, c["u1002"].JoinedPrivateAt, c["u1002"].PrivateAudienceId));
        Assert.Equal(("阿杰", Utc("2026-09-05T04:00:00Z"), AcquisitionChannel.Referral, Utc("2026-09-20T09:00:00Z"), "g-vip"),
            (c["u1003"].Nickname, c["u1003"].AcquiredAt, c["u1003"].AcquisitionChannel, c["u1003"].JoinedPrivateAt, c["u1003"].PrivateAudienceId));
    }

    [Fact]
    public async Task Orders()
    {
        var result = await ImportSampleAsync("orders");

        Assert.Equal((4L, 4L, 3L), (result.Rows, result.Added, result.CustomersCreated));
        var keys = await CustomerKeysAsync();
        await using var context = _db.NewContext();
        var rows = await context.Orders.AsNoTracking().OrderBy(o => o.OrderId)
            .Select(o => new { o.OrderId, o.CustomerKey, o.PlacedAt, o.Amount, o.Status, o.Channel, o.CampaignId, o.LiveSessionId })
            .ToListAsync();
        Assert.Equal(
        [
            new { OrderId = "A0001", CustomerKey = keys["u1001"], PlacedAt = Utc("2026-09-01T12:31:00Z"), Amount = 129.90m, Status = OrderStatus.Paid, Channel = (OrderChannel?)OrderChannel.LiveRoom, CampaignId = (string?)null, LiveSessionId = (string?)"ls-0901" },
            new { OrderId = "A0002", CustomerKey = keys["u1002"], PlacedAt = Utc("2026-09-03T13:15:00Z"), Amount = 59.00m, Status = OrderStatus.Refunded, Channel = (OrderChannel?)OrderChannel.LiveRoom, CampaignId = (string?)null, LiveSessionId = (string?)"ls-0903" },
            new { OrderId = "A0003", CustomerKey = keys["u1001"], PlacedAt = Utc("2026-09-18T02:02:00Z"), Amount = 268.00m, Status = OrderStatus.Paid, Channel = (OrderChannel?)OrderChannel.PrivateGroup, CampaignId = (string?)"k-coupon-9", LiveSessionId = (string?)null },
            new { OrderId = "A0004", CustomerKey = keys["u1003"], PlacedAt = Utc("2026-10-02T02:30:00Z"), Amount = 399.00m, Status = OrderStatus.Paid, Channel = (OrderChannel?)OrderChannel.MiniProgram, CampaignId = (string?)null, LiveSessionId = (string?)null },
        ], rows);
    }

    [Fact]
    public async Task Audiences()
    {
        await ImportSampleAsync("audiences");

        await using var context = _db.NewContext();
        var rows = await context.Audiences.AsNoTracking().OrderBy(a => a.AudienceId).Select(a => new { a.AudienceId, a.Name, a.Kind, a.MemberCount }).ToListAsync();
        Assert.Equal(
        [
            new { AudienceId = "g-fans-1", Name = "粉丝福利1群", Kind = (AudienceKind?)AudienceKind.WechatGroup, MemberCount = (int?)412 },
            new { AudienceId = "g-vip", Name = "VIP 老客", Kind = (AudienceKind?)AudienceKind.WecomContacts, MemberCount = (int?)96 },
        ], rows);
    }

    [Fact]
    public async Task AudienceEvents()
    {
        var result = await ImportSampleAsync("audience-events");

        Assert.Equal((2L, 2L, 2L), (result.Rows, result.Added, result.CustomersCreated));
        var keys = await CustomerKeysAsync();
        await using var context = _db.NewContext();
        var rows = await context.AudienceEvents.AsNoTracking().OrderBy(e => e.At).Select(e => new { e.AudienceId, e.CustomerKey, e.At, e.Event }).ToListAsync();
        Assert.Equal(
        [
            new { AudienceId = "g-fans-1", CustomerKey = keys["u1001"], At = Utc("2026-09-01T12:40:00Z"), Event = AudienceEventType.Joined },
            new { AudienceId = "g-fans-1", CustomerKey = keys["u1002"], At = Utc("2026-09-10T14:00:00Z"), Event = AudienceEventType.Left },
        ], rows);
    }

    [Fact]
    public async Task Pushes()
    {
        await ImportSampleAsync("pushes");

        await using var context = _db.NewContext();
        var rows = await context.Pushes.AsNoTracking().OrderBy(p => p.PushId)
            .Select(p => new { p.PushId, p.AudienceId, p.SentAt, p.Kind, p.CampaignId, p.Title, p.Reached, p.Clicked }).ToListAsync();
        Assert.Equal(
        [
            new { PushId = "p1", AudienceId = "g-fans-1", SentAt = Utc("2026-09-15T02:00:00Z"), Kind = PushKind.Promotion, CampaignId = (string?)"k-coupon-9", Title = (string?)"群专属券上线", Reached = (int?)398, Clicked = (int?)61 },
            new { PushId = "p2", AudienceId = "g-fans-1", SentAt = Utc("2026-09-16T12:00:00Z"), Kind = PushKind.Content, CampaignId = (string?)null, Title = (string?)"秋季穿搭技巧", Reached = (int?)401, Clicked = (int?)88 },
            new { PushId = "p3", AudienceId = "g-vip", SentAt = Utc("2026-09-17T03:30:00Z"), Kind = PushKind.Service, CampaignId = (string?)null, Title = (string?)"售后说明", Reached = (int?)95, Clicked = (int?)12 },
        ], rows);
    }

    [Fact]
    public async Task Campaigns()
    {
        await ImportSampleAsync("campaigns");

        await using var context = _db.NewContext();
        var rows = await context.Campaigns.AsNoTracking().OrderBy(c => c.CampaignId)
            .Select(c => new { c.CampaignId, c.Name, c.Type, c.StartsAt, c.EndsAt, c.Cost, c.AttributionDays }).ToListAsync();
        Assert.Equal(
        [
            new { CampaignId = "k-coupon-9", Name = "九月私域专属券", Type = CampaignType.ExclusiveCoupon, StartsAt = Utc("2026-09-14T16:00:00Z"), EndsAt = (DateTimeOffset?)Utc("2026-09-21T16:00:00Z"), Cost = (decimal?)1500m, AttributionDays = 7 },
            new { CampaignId = "k-lottery-1", Name = "入群抽奖", Type = CampaignType.LotteryJoin, StartsAt = Utc("2026-09-01T11:00:00Z"), EndsAt = (DateTimeOffset?)Utc("2026-09-01T15:00:00Z"), Cost = (decimal?)null, AttributionDays = 3 },
        ], rows);
    }

    [Fact]
    public async Task CampaignEvents()
    {
        var result = await ImportSampleAsync("campaign-events");

        Assert.Equal((3L, 3L, 1L), (result.Rows, result.Added, result.CustomersCreated));
        var key = (await CustomerKeysAsync())["u1001"];
        await using var context = _db.NewContext();
        var rows = await context.CampaignEvents.AsNoTracking().OrderBy(e => e.At).Select(e => new { e.CampaignId, e.CustomerKey, e.At, e.Stage }).ToListAsync();
        Assert.Equal(
        [
            new { CampaignId = "k-lottery-1", CustomerKey = key, At = Utc("2026-09-01T12:35:00Z"), Stage = CampaignStage.Exposed },
            new { CampaignId = "k-lottery-1", CustomerKey = key, At = Utc("2026-09-01T12:38:00Z"), Stage = CampaignStage.Joined },
            new { CampaignId = "k-coupon-9", CustomerKey = key, At = Utc("2026-09-15T02:05:00Z"), Stage = CampaignStage.Claimed },
        ], rows);
    }

    [Fact]
    public async Task LiveSessions()
    {
        await ImportSampleAsync("live-sessions");

        await using var context = _db.NewContext();
        var rows = await context.LiveSessions.AsNoTracking().OrderBy(s => s.LiveSessionId)
            .Select(s => new { s.LiveSessionId, s.StartedAt, s.Title, s.EndedAt, s.Viewers, s.PeakConcurrent, s.AvgWatchSeconds }).ToListAsync();
        Assert.Equal(
        [
            new { LiveSessionId = "ls-0901", StartedAt = Utc("2026-09-01T11:30:00Z"), Title = (string?)"秋季上新专场", EndedAt = (DateTimeOffset?)Utc("2026-09-01T15:00:00Z"), Viewers = (int?)18230, PeakConcurrent = (int?)1450, AvgWatchSeconds = (double?)142 },
            new { LiveSessionId = "ls-0903", StartedAt = Utc("2026-09-03T12:00:00Z"), Title = (string?)"老客回馈", EndedAt = (DateTimeOffset?)Utc("2026-09-03T14:30:00Z"), Viewers = (int?)9120, PeakConcurrent = (int?)860, AvgWatchSeconds = (double?)171 },
        ], rows);
    }

    [Fact]
    public async Task TierRules_EachImportIsANewVersion_StampedWithTheClock()
    {
        var first = await ImportSampleAsync("tier-rules");
        _db.Time.Advance(TimeSpan.FromHours(2));
        await ImportSampleAsync("tier-rules");

        Assert.Equal((3L, 3L), (first.Rows, first.Added));
        await using var context = _db.NewContext();
        var sets = await context.TierRuleSets.AsNoTracking().Include(s => s.Rules).OrderBy(s => s.Id).ToListAsync();
        Assert.Equal(2, sets.Count);
        Assert.Equal([_db.Time.GetUtcNow().AddHours(-2), _db.Time.GetUtcNow()], sets.Select(s => s.CreatedAt));
        Assert.All(sets, s => Assert.Equal("import", s.Source));
        foreach (var set in sets)
        {
            var rules = set.Rules.OrderBy(r => r.Rank).Select(r => new { r.Tier, r.Rank, r.MinSpend12m, r.MinOrders12m, r.Discount, r.DedicatedService }).ToList();
            Assert.Equal(
            [
                new { Tier = "normal", Rank = 0, MinSpend12m = (decimal?)null, MinOrders12m = (int?)null, Discount = 0.95m, DedicatedService = false },
                new { Tier = "silver", Rank = 1, MinSpend12m = (decimal?)2000m, MinOrders12m = (int?)6, Discount = 0.90m, DedicatedService = false },
                new { Tier = "gold", Rank = 2, MinSpend12m = (decimal?)8000m, MinOrders12m = (int?)15, Discount = 0.85m, DedicatedService = true },
            ], rules);
        }
    }
}

public sealed class ImportSampleTestsOnSqlite() : ImportSampleTests(DatabaseProvider.Sqlite);

public sealed class ImportSampleTestsOnPostgres() : ImportSampleTests(DatabaseProvider.Postgres);
