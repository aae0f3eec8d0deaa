using System.Globalization;
using LiveOps.Core.Import;
using LiveOps.Core.Import.Mapping;
using LiveOps.Core.Tiers;
using LiveOps.Tests.Support;

namespace LiveOps.Tests.Core.Import;

/// <summary>
/// Ids and names refuse NUL, the other C0 controls and bidirectional overrides, in every file kind:
/// <c>line N: column: contains a control character</c>, and nothing is written.
/// </summary>
public sealed class ControlCharacterTests : IAsyncDisposable
{
    private readonly TestDatabase _db = new();

    // One good record per kind; {0} marks the value of the column under test.
    public static TheoryData<string, string, string, string> Columns => new()
    {
        { "customers", "customer_id,nickname,private_audience_id", "customer_id", "\"u{0}1\",\"小鹿\",\"g1\"" },
        { "customers", "customer_id,nickname,private_audience_id", "nickname", "\"u1\",\"小{0}鹿\",\"g1\"" },
        { "customers", "customer_id,nickname,private_audience_id", "private_audience_id", "\"u1\",\"小鹿\",\"g{0}1\"" },
        { "orders", "order_id,customer_id,placed_at,amount,campaign_id,live_session_id", "order_id", "\"A{0}1\",\"u1\",2026-09-01 20:31:00,129.90,\"k1\",\"ls1\"" },
        { "orders", "order_id,customer_id,placed_at,amount,campaign_id,live_session_id", "customer_id", "\"A1\",\"u{0}1\",2026-09-01 20:31:00,129.90,\"k1\",\"ls1\"" },
        { "orders", "order_id,customer_id,placed_at,amount,campaign_id,live_session_id", "campaign_id", "\"A1\",\"u1\",2026-09-01 20:31:00,129.90,\"k{0}1\",\"ls1\"" },
        { "orders", "order_id,customer_id,placed_at,amount,campaign_id,live_session_id", "live_session_id", "\"A1\",\"u1\",2026-09-01 20:31:00,129.90,\"k1\",\"ls{0}1\"" },
        { "audiences", "audience_id,name,kind", "audience_id", "\"g{0}1\",\"粉丝群\",wechat_group" },
        { "audiences", "audience_id,name,kind", "name", "\"g1\",\"粉丝{0}群\",wechat_group" },
        { "audience-events", "audience_id,customer_id,at,event", "audience_id", "\"g{0}1\",\"u1\",2026-09-01T20:40:00,joined" },
        { "audience-events", "audience_id,customer_id,at,event", "customer_id", "\"g1\",\"u{0}1\",2026-09-01T20:40:00,joined" },
        { "pushes", "push_id,audience_id,sent_at,kind,campaign_id,title", "push_id", "\"p{0}1\",\"g1\",2026-09-15T10:00:00,promotion,\"k1\",\"上线\"" },
        { "pushes", "push_id,audience_id,sent_at,kind,campaign_id,title", "title", "\"p1\",\"g1\",2026-09-15T10:00:00,promotion,\"k1\",\"上{0}线\"" },
        { "campaigns", "campaign_id,name,type,starts_at", "campaign_id", "\"k{0}1\",\"九月券\",exclusive_coupon,2026-09-15T00:00:00" },
        { "campaigns", "campaign_id,name,type,starts_at", "name", "\"k1\",\"九月{0}券\",exclusive_coupon,2026-09-15T00:00:00" },
        { "campaign-events", "campaign_id,customer_id,at,stage", "campaign_id", "\"k{0}1\",\"u1\",2026-09-01T20:35:00,exposed" },
        { "campaign-events", "campaign_id,customer_id,at,stage", "customer_id", "\"k1\",\"u{0}1\",2026-09-01T20:35:00,exposed" },
        { "live-sessions", "live_session_id,started_at,title", "live_session_id", "\"ls{0}1\",2026-09-01T19:30:00,\"上新\"" },
        { "live-sessions", "live_session_id,started_at,title", "title", "\"ls1\",2026-09-01T19:30:00,\"上{0}新\"" },
        { "tier-rules", "tier,rank,min_spend_12m,min_orders_12m,discount", "tier", "\"nor{0}mal\",0,,,0.95" },
    };

    [Theory]
    [MemberData(nameof(Columns))]
    public async Task EveryIdAndNameColumn_RefusesABidiOverride_AndNul(string kind, string header, string column, string row)
    {
        ImportKinds.TryParse(kind, out var parsed);
        foreach (var control in new[] { "\u202E", "\0" })
        {
            var result = await _db.ImportTextAsync(parsed, header + "\n" + string.Format(CultureInfo.InvariantCulture, row, control) + "\n");

            Assert.Equal([$"line 2: {column}: contains a control character"], result.Lines());
            Assert.Equal("第 2 行：" + column + "：含有控制字符", result.Problems[0].Format(CultureInfo.GetCultureInfo("zh-CN")));
        }
        Assert.Equal(0, _db.Count(parsed == ImportKind.TierRules ? "tier_rule_sets" : kind.Replace('-', '_')));
        Assert.Equal(0, _db.Count("customers"));
    }

    [Theory]
    [InlineData("\u0001")]
    [InlineData("\t")]
    [InlineData("\n")]
    [InlineData("\u007F")]
    [InlineData("\u202A")]
    [InlineData("\u2066")]
    [InlineData("\u2069")]
    public async Task ANickname_RefusesEachControlAndOverride_InsideTheValue(string control)
    {
        var result = await _db.ImportTextAsync(ImportKind.Customers, $"customer_id,nickname\nu1,\"小{control}鹿\"\n");

        Assert.Equal(["line 2: nickname: contains a control character"], result.Lines());
    }

    [Fact]
    public async Task OrdinaryNames_WithSpacesEmojiAndChinesePunctuation_AreKept()
    {
        var result = await _db.ImportTextAsync(ImportKind.Customers, "customer_id,nickname\nu1,\"Lily, 上海 🌸（老客）\"\n");

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
    }

    [Fact]
    public void TheTierEditor_RefusesAControlCharacterInAName()
    {
        var problems = TierRuleValidator.Validate([new TierRuleDraft("nor\u202Emal", 0, null, null, 0.95m, false)]);

        var problem = Assert.Single(problems);
        Assert.Equal((TierRuleProblemCode.NameControl, "contains a control character"), (problem.Code, problem.Message));
    }

    [Fact]
    public void TheTierEditor_RefusesAControlCharacterInADisplayName()
    {
        var problems = TierRuleValidator.Validate([new TierRuleDraft("normal", 0, null, null, 0.95m, false, DisplayName: "普通\u0000会员")]);

        var problem = Assert.Single(problems);
        Assert.Equal((TierRuleValidator.DisplayNameField, TierRuleProblemCode.NameControl, "contains a control character"), (problem.Field, problem.Code, problem.Message));
    }

    private const string MappingJsonText = """{"kind": "customers", "name": "NAME", "fields": {"customer_id": "会员号"}}""";

    [Theory]
    [InlineData("自有\\u0000商城")]
    [InlineData("自有\\u202e商城")]
    [InlineData("自有\\t商城")]
    public void AMappingFile_RefusesAControlCharacterInItsName(string escapedName)
    {
        var problems = new List<ImportProblem>();

        MappingJson.TryParse(MappingJsonText.Replace("NAME", escapedName, StringComparison.Ordinal), problems);

        var problem = Assert.Single(problems);
        Assert.Equal("mapping: name: contains a control character", problem.ToString());
        Assert.Equal("映射：name：含有控制字符", problem.Format(CultureInfo.GetCultureInfo("zh-CN")));
    }

    [Fact]
    public async Task SavingAMapping_RefusesAControlCharacterInItsName_AndSavesNothing()
    {
        var mapping = MappingJson.Parse(MappingJsonText.Replace("NAME", "自有商城", StringComparison.Ordinal)) with { Name = "自有\u2066商城" };

        var refused = await Assert.ThrowsAsync<MappingException>(() => _db.Get<SavedMappingService>().SaveAsync(mapping));

        Assert.Equal("mapping: name: contains a control character", Assert.Single(refused.Problems).ToString());
        Assert.Empty(await _db.Get<SavedMappingService>().ListAsync());
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();
}
