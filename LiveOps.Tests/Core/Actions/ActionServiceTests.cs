using System.Text;
using LiveOps.Core.Accounts;
using LiveOps.Core.Actions;
using LiveOps.Core.Data.Entities;
using LiveOps.Core.Store;
using LiveOps.Tests.Core.Accounts;
using LiveOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static LiveOps.Tests.Core.Tiers.TierRulesFixtures;

namespace LiveOps.Tests.Core.Actions;

/// <summary>Creating actions on both databases: the split, the stored rows, the refusals and the audit.</summary>
public abstract class ActionServiceTests : IAsyncLifetime
{
    private readonly SettableActorAccessor _actors = new() { Current = AccountsTestKit.As(Role.Operator) };
    private readonly TestDatabase _db;

    protected ActionServiceTests(DatabaseProvider provider) =>
        _db = new TestDatabase(provider: provider, now: Local(2026, 11, 24, 12),
            services: s => s.Replace(ServiceDescriptor.Singleton<IActorAccessor>(_actors)));

    private ActionService Actions => _db.Get<ActionService>();

    public Task InitializeAsync() => Task.CompletedTask;

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    private static string Ids(int n) => "customer_id\n" + string.Join("\n", Enumerable.Range(1, n).Select(i => $"c{i:000}")) + "\n";

    private (int Actions, int Members, int Customers) Counts()
    {
        using var context = _db.NewContext();
        return (context.Set<ActionRecord>().Count(), context.Set<ActionMember>().Count(), context.Customers.Count());
    }

    [Fact]
    public async Task Create_DrawnHoldout_IsRoundNTimesF_Reproducible_StoredAndAudited()
    {
        Insert(_db, ["c001", "c002"], []);

        var result = await Actions.CreateFromFileAsync(Csv(Ids(43)), new ActionDraft("11月沉睡唤醒", [], HoldoutShare: 0.2, Seed: 42,
            StartsAt: Local(2026, 11, 1), WindowDays: 14));

        Assert.Empty(result.Problems);
        var action = result.Action!;
        Assert.Equal(9, action.Holdout.Count); // round(43 × 0.2) = round(8.6)
        Assert.Equal(34, action.Contacted.Count);
        Assert.Empty(action.Contacted.Intersect(action.Holdout));
        Assert.Equal(HoldoutDraw.Draw(Enumerable.Range(1, 43).Select(i => $"c{i:000}"), 9, 42).Order(StringComparer.Ordinal), action.Holdout);
        Assert.Equal(41, action.CustomersCreated);
        Assert.Equal((1, 43, 43), Counts());
        using (var context = _db.NewContext())
        {
            var stored = context.Set<ActionRecord>().Single();
            Assert.Equal(("11月沉睡唤醒", 42L, 0.2, 14, Local(2026, 11, 1), "operator@shop.test", ActionSources.Upload),
                (stored.Name, stored.Seed!.Value, stored.HoldoutShare!.Value, stored.WindowDays, stored.StartsAt, stored.CreatedBy, stored.Source));
            Assert.Equal(9, context.Set<ActionMember>().Count(m => m.Group == ActionGroup.Holdout));
        }
        var entry = Assert.Single(await _db.AuditAsync());
        Assert.Equal((AuditAction.ActionCreated, AuditOutcome.Succeeded, "operator@shop.test"), (entry.Action, entry.Outcome, entry.Actor));
        Assert.Contains("seed 42", entry.Detail);
        Assert.Contains("34 contacted, 9 holdout", entry.Detail);

        // The same list and seed under another name draws the same holdout.
        var again = await Actions.CreateFromFileAsync(Csv(Ids(43)), new ActionDraft("再来一次", [], HoldoutShare: 0.2, Seed: 42));
        Assert.Equal(action.Holdout, again.Action!.Holdout);
    }

    [Fact]
    public async Task Create_GroupColumn_KeepsTheGivenSplit_WithoutSeed_DefaultsFromNow()
    {
        var csv = "customer_id,group,nickname\nb2,holdout,x\na1,contacted,y\nc3,Contacted,z\na1,contacted,again\n";

        var result = await Actions.CreateFromFileAsync(Csv(csv), new ActionDraft(" 分组给定 ", []));

        var action = result.Action!;
        Assert.Equal(new[] { "a1", "c3" }, action.Contacted);
        Assert.Equal(new[] { "b2" }, action.Holdout);
        Assert.Null(action.Seed);
        Assert.Equal(("分组给定", Local(2026, 11, 24, 12), 14), (action.Name, action.StartsAt, action.WindowDays));
    }

    [Fact]
    public async Task Create_WithoutSeed_StoresTheSeedItDrew_WhichReproducesTheHoldout()
    {
        var result = await Actions.CreateAsync(new ActionDraft("随机", Enumerable.Range(1, 30).Select(i => new ActionMemberInput($"c{i:000}")).ToList()));

        var action = result.Action!;
        Assert.NotNull(action.Seed);
        Assert.Equal(3, action.Holdout.Count); // default share 0.1
        Assert.Equal(HoldoutDraw.Draw(action.Contacted.Concat(action.Holdout), 3, action.Seed!.Value).Order(StringComparer.Ordinal), action.Holdout);
    }

    public static TheoryData<string, double?, string> BadInput => new()
    {
        { "customer_id\n", null, "customers: the list names no customers" },
        { "nickname\nx\n", null, "line 1: header: no customer_id column" },
        { Ids(10), 0.0, "holdout: 0 is not a share between 0 and 1" },
        { Ids(10), 1.0, "holdout: 1 is not a share between 0 and 1" },
        { Ids(10), 1.5, "holdout: 1.5 is not a share between 0 and 1" },
        { Ids(3), 0.1, "rounds to an empty holdout" },
        { "customer_id,group\nc1,contacted\nc2,control\n", null, "line 3: group: 'control' is not a group; use contacted or holdout" },
        { "customer_id,group\nc1,contacted\nc2,contacted\n", null, "group: no customer is in the holdout group" },
        { "customer_id,group\nc1,contacted\nc2,holdout\nc1,holdout\n", null, "line 4: group: customer 'c1' is also in the other group (line 2)" },
        { "customer_id\nc1\nab***cd\n", null, "line 3: customer_id: 'ab***cd' is masked" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Create_BadInput_SaysWhatIsWrong_AndWritesNothing(string csv, double? share, string expected)
    {
        Insert(_db, ["c1"], []);

        var result = await Actions.CreateFromFileAsync(Csv(csv), new ActionDraft("坏名单", [], HoldoutShare: share));

        Assert.Null(result.Action);
        Assert.Contains(result.Problems, p => p.Contains(expected, StringComparison.Ordinal));
        Assert.Equal((0, 0, 1), Counts());
        var entry = Assert.Single(await _db.AuditAsync());
        Assert.Equal((AuditAction.ActionCreated, AuditOutcome.Rejected), (entry.Action, entry.Outcome));
    }

    [Theory]
    [InlineData("沉睡\u0000唤醒")]
    [InlineData("沉睡\u202E唤醒")]
    [InlineData("沉睡\u0085唤醒")]
    [InlineData("沉睡\u007F唤醒")]
    public async Task Create_NameWithAControlCharacter_IsRefused_AndWritesNothing(string name)
    {
        var result = await Actions.CreateFromFileAsync(Csv(Ids(10)), new ActionDraft(name, [], HoldoutShare: 0.2));

        Assert.Null(result.Action);
        Assert.Equal(["name: contains a control character (a line break, tab, NUL or direction override); remove it"], result.Problems);
        Assert.Equal((0, 0), (Counts().Actions, Counts().Members));
        var entry = Assert.Single(await _db.AuditAsync());
        Assert.Equal((AuditAction.ActionCreated, AuditOutcome.Rejected), (entry.Action, entry.Outcome));
        Assert.Contains($"沉睡\\u{(int)name[2]:X4}唤醒", entry.Detail); // named, its control escaped
    }

    [Fact]
    public async Task Create_DuplicatedName_IsRefused_AndWritesNothing()
    {
        await Actions.CreateFromFileAsync(Csv(Ids(10)), new ActionDraft("双十一", []));
        var before = Counts();

        var result = await Actions.CreateFromFileAsync(Csv("customer_id\nnew1\nnew2\nnew3\nnew4\nnew5\nnew6\n"), new ActionDraft("双十一 ", [], HoldoutShare: 0.5));

        Assert.Equal(["name: an action named '双十一' already exists; choose another name"], result.Problems);
        Assert.Equal(before, Counts());
    }

    [Fact]
    public async Task Create_ByALead_IsRefused_Audited_AndWritesNothing()
    {
        _actors.Current = AccountsTestKit.As(Role.Lead);

        var e = await Assert.ThrowsAsync<AccessDeniedException>(() =>
            Actions.CreateAsync(new ActionDraft("组长试试", [new("c1"), new("c2"), new("c3"), new("c4"), new("c5"), new("c6"), new("c7"), new("c8"), new("c9"), new("c10")])));

        Assert.Equal(Permission.CreateActions, e.Permission);
        Assert.Equal((0, 0, 0), Counts());
        var entry = Assert.Single(await _db.AuditAsync());
        Assert.Equal(("lead@shop.test", AuditAction.ActionCreated, AuditOutcome.Refused), (entry.Actor, entry.Action, entry.Outcome));
        Assert.Contains("组长试试", entry.Detail);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}

public sealed class ActionServiceTestsOnSqlite() : ActionServiceTests(DatabaseProvider.Sqlite);

public sealed class ActionServiceTestsOnPostgres() : ActionServiceTests(DatabaseProvider.Postgres);
