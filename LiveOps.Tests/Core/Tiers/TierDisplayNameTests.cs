using System.Text;
using LiveOps.Core.Import;
using LiveOps.Core.Store;
using LiveOps.Core.Tiers;
using LiveOps.Tests.Support;
using static LiveOps.Tests.Core.Tiers.TierRulesFixtures;

namespace LiveOps.Tests.Core.Tiers;

/// <summary>Display names are kept with each rule version; a tier-rules file (no display-name column) keeps the operators' names.</summary>
public abstract class TierDisplayNameTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly TestDatabase _db = new(provider: provider, now: Local(2026, 11, 1, 9));

    private TierRuleSetService RuleSets => _db.Get<TierRuleSetService>();

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Publish_WithDisplayNames_KeepsThemWithThatVersionOnly()
    {
        await RuleSets.EnsureSeededAsync(default);
        _db.Time.Advance(TimeSpan.FromDays(1));
        var named = Default.Select(r => r.Rank == 2 ? r with { DisplayName = " 黑金卡 " } : r).ToList();

        var result = await RuleSets.PublishAsync(named, TierRuleSources.Editor, "operator", default);

        Assert.True(result.Succeeded);
        var history = await RuleSets.HistoryAsync(default);
        Assert.Equal([null, null, "黑金卡"], history[0].Rules.Select(r => r.DisplayName));
        Assert.Equal([null, null, null], history[1].Rules.Select(r => r.DisplayName));
        Assert.Equal(["普通会员", "银卡", "黑金卡"], history[0].Rules.Select(r => TierDisplayNames.Show(history[0].Rules, r.Tier, chinese: true)));
        Assert.Equal(["Regular member", "Silver", "黑金卡"], history[0].Rules.Select(r => TierDisplayNames.Show(history[0].Rules, r.Tier, chinese: false)));
        Assert.Equal("金卡", TierDisplayNames.Show(history[1].Rules, "gold", chinese: true));
    }

    [Fact]
    public async Task ImportTierRules_FileWithoutDisplayNames_KeepsTheNamesOfTheSameCodes()
    {
        await RuleSets.PublishAsync(Default.Select(r => r with { DisplayName = r.Rank switch { 1 => "银卡会员", 2 => "黑金卡", _ => null } }).ToList(),
            TierRuleSources.Editor, "operator", default);
        _db.Time.Advance(TimeSpan.FromDays(1));
        const string file = """
            tier,rank,min_spend_12m,min_orders_12m,discount,dedicated_service
            normal,0,,,1,false
            silver,1,1500,5,0.9,false
            diamond,2,20000,,0.8,true

            """;

        var imported = await _db.Get<ImportService>().ImportAsync(ImportKind.TierRules, new MemoryStream(Encoding.UTF8.GetBytes(file)));

        Assert.Empty(imported.Problems);
        var newest = (await RuleSets.HistoryAsync(default))[0];
        Assert.Equal([("normal", null), ("silver", "银卡会员"), ("diamond", null)], newest.Rules.Select(r => (r.Tier, r.DisplayName)));
        Assert.Equal(1500m, newest.Rules[1].MinSpend12m);
    }

    [Fact]
    public void Validate_DisplayNames_TooLongOrRepeated_AreMarkedOnTheirField()
    {
        var rules = Default.Select(r => r.Rank switch
        {
            1 => r with { DisplayName = "金卡" },
            2 => r with { DisplayName = "金卡" },
            _ => r with { DisplayName = new string('会', TierRuleValidator.MaxDisplayNameLength + 1) },
        }).ToList();

        var problems = TierRuleValidator.Validate(rules);

        Assert.Equal([(0, "display_name", TierRuleProblemCode.DisplayNameTooLong), (2, "display_name", TierRuleProblemCode.DuplicateDisplayName)],
            problems.Select(p => (p.Row ?? -1, p.Field, p.Code)));
        Assert.Equal("“金卡”已是第 2 条规则的显示名称；显示名称不能重复", ImportText.Format(problems[1].TextCode, System.Globalization.CultureInfo.GetCultureInfo("zh-CN"), problems[1].Args));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}

public sealed class TierDisplayNameTestsOnSqlite() : TierDisplayNameTests(DatabaseProvider.Sqlite);

public sealed class TierDisplayNameTestsOnPostgres() : TierDisplayNameTests(DatabaseProvider.Postgres);
