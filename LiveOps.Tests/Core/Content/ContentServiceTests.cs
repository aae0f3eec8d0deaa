using LiveOps.Core.Content;
using LiveOps.Core.Store;
using LiveOps.Core.Statistics;
using LiveOps.Tests.Support;

namespace LiveOps.Tests.Core.Content;

public abstract class ContentServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly TestDatabase _db = new(provider: provider);

    private async Task<ContentReport> RunAsync(bool lifting)
    {
        await using (var db = _db.NewContext())
        {
            await ContentFixture.SeedAsync(db, lifting);
        }
        return await _db.Get<ContentService>().RunAsync(new ContentQuery(ContentFixture.From, ContentFixture.To));
    }

    [Fact]
    public async Task LiftingShop_ContentWindowsSellFiveAndAHalfTimesTheBaseline_Supported()
    {
        var g1 = (await RunAsync(lifting: true)).Audiences.Single(a => a.AudienceId == "g1");

        Assert.Equal(20, g1.Baseline.Orders);
        Assert.Equal(20 / ContentFixture.BaselineDays, g1.Baseline.OrdersPerMemberDay!.Value, 12);
        Assert.Equal(ContentFixture.BaselineDays, g1.Baseline.MemberDays, 9);
        Assert.Equal(ContentFixture.ContentDays, g1.Content.MemberDays, 9);
        Assert.Equal(ContentFixture.PromotionDays, g1.Promotion.MemberDays, 9);
        Assert.Equal((2, 60L, 20L), (g1.Content.Pushes, g1.Content.Orders, g1.Promotion.Orders));
        Assert.Equal(60 / ContentFixture.ContentDays / (20 / ContentFixture.BaselineDays), g1.ContentLift.Estimate!.Value, 9);
        Assert.Equal(Verdict.Supported, g1.ContentLift.Verdict);
        Assert.Equal(Verdict.Supported, g1.PromotionLift.Verdict);
        Assert.Equal(Intervals.RateRatio(60, ContentFixture.ContentDays, 20, ContentFixture.BaselineDays)!.Low, g1.ContentLift.Interval!.Low, 9);
    }

    [Fact]
    public async Task LeaveRates_AreLeavesWithin48HoursOverMembersAtEachSend()
    {
        var g1 = (await RunAsync(lifting: true)).Audiences.Single(a => a.AudienceId == "g1");

        // Content: 22 members on 4 Nov + 20 on 12 Nov, m21 left; promotion: 21 members on 8 Nov, m22 left.
        Assert.Equal((42L, 1L, 1.0 / 42), (g1.Content.MembersReached, g1.Content.Leaves, g1.Content.LeaveRate!.Value));
        Assert.Equal((21L, 1L, 1.0 / 21), (g1.Promotion.MembersReached, g1.Promotion.Leaves, g1.Promotion.LeaveRate!.Value));
    }

    [Fact]
    public async Task FlatShop_ContentWindowsSellLessThanTheBaseline_NotSupported()
    {
        var report = await RunAsync(lifting: false);
        var g1 = report.Audiences.Single(a => a.AudienceId == "g1");

        Assert.Equal((10L, 40L, 0L), (g1.Content.Orders, g1.Baseline.Orders, g1.Promotion.Orders));
        Assert.Equal(10 / ContentFixture.ContentDays / (40 / ContentFixture.BaselineDays), g1.ContentLift.Estimate!.Value, 9);
        Assert.Equal(Verdict.NotSupported, g1.ContentLift.Verdict);
        Assert.Equal(Verdict.InsufficientData, g1.PromotionLift.Verdict); // no order in promotion windows: no interval
        // All audiences: g2 adds pushes but no member time.
        Assert.Equal(g1.Content.Orders, report.Overall.Content.Orders);
        Assert.Equal(2 + 1, report.Overall.Content.Pushes);
        Assert.Equal(1 + 8, report.Overall.Promotion.Pushes);
    }

    [Fact]
    public async Task WeeklyMix_JudgesPromotionsAgainstTheGuideline_AndWantsContentBesideThem()
    {
        var report = await RunAsync(lifting: true);

        var g2 = report.Audiences.Single(a => a.AudienceId == "g2");
        Assert.Equal(["2026-W45:2:1:ok", "2026-W46:4:0:over", "2026-W47:2:0:no_content"],
            g2.Weeks.Select(w => $"{w.Week}:{w.Promotion}:{w.Content}:{LiveOps.Core.Common.ReportJson.Serialize(w.Status).Trim('"')}"));
        Assert.Equal(["under", "under", "under"], report.Audiences.Single(a => a.AudienceId == "g1").Weeks.Select(w => LiveOps.Core.Common.ReportJson.Serialize(w.Status).Trim('"')));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _db.DisposeAsync();
}

public sealed class ContentServiceTestsOnSqlite() : ContentServiceTests(DatabaseProvider.Sqlite);

public sealed class ContentServiceTestsOnPostgres() : ContentServiceTests(DatabaseProvider.Postgres);
