using System.Text.Json;
using LiveOps.Core.Actions;
using LiveOps.Core.Store;
using LiveOps.Tests.Support;
using static LiveOps.Tests.Core.Tiers.TierRulesFixtures;

namespace LiveOps.Tests.Cli;

/// <summary><c>action create</c> and <c>report actions</c> as contract §7 prints them, on both databases.</summary>
public abstract class ActionsCliTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly TestDatabase _db = new(provider: provider, now: Local(2026, 11, 24, 12));

    public Task InitializeAsync() => Task.CompletedTask;

    private string List(int n) => _db.WriteFile("list.csv",
        "customer_id\n" + string.Join("\n", Enumerable.Range(1, n).Select(i => $"c{i:00}")) + "\n");

    [Fact]
    public async Task ActionCreate_PrintsTheSplit_AndReportActionsMeasuresIt()
    {
        var created = await _db.CliAsync("action", "create", "--name", "11月沉睡唤醒", "--customers", List(20),
            "--holdout", "0.2", "--seed", "42", "--starts", "2026-11-01", "--window-days", "14");

        Assert.Equal(0, created.ExitCode);
        Assert.Equal("", created.Error);
        using (var json = JsonDocument.Parse(created.Out))
        {
            var root = json.RootElement;
            Assert.Equal(("a1", "11月沉睡唤醒", "2026-11-01T00:00:00+08:00", 14),
                (root.GetProperty("actionId").GetString(), root.GetProperty("name").GetString(), root.GetProperty("startsAt").GetString(), root.GetProperty("windowDays").GetInt32()));
            // The documented draw: seeded Fisher–Yates over the ordinally sorted ids (values from an independent implementation).
            Assert.Equal(new[] { "c04", "c09", "c12", "c17" }, root.GetProperty("holdout").EnumerateArray().Select(e => e.GetString()).ToArray());
            Assert.Equal(16, root.GetProperty("contacted").GetArrayLength());
        }
        var orders = _db.WriteFile("orders.csv", """
            order_id,customer_id,placed_at,amount
            o1,c01,2026-11-02 10:00:00,100.50
            o2,c04,2026-11-03 10:00:00,80
            o3,c02,2026-11-15 00:00:00,999
            """);
        Assert.Equal(0, (await _db.CliAsync("import", "orders", orders)).ExitCode);

        var report = await _db.CliAsync("report", "actions");

        Assert.Equal(0, report.ExitCode);
        using var got = JsonDocument.Parse(report.Out);
        var a = got.RootElement.GetProperty("actions")[0];
        Assert.True(a.GetProperty("complete").GetBoolean());
        Assert.Equal("""{"customers":16,"buyers":1,"rate":0.0625,"revenue":100.5,"revenuePerCustomer":6.28125}""", a.GetProperty("contacted").GetRawText());
        Assert.Equal("""{"customers":4,"buyers":1,"rate":0.25,"revenue":80,"revenuePerCustomer":20}""", a.GetProperty("holdout").GetRawText());
        Assert.Equal(0.0625 - 0.25, a.GetProperty("difference").GetDouble(), 12);
        Assert.Equal((0.0625 - 0.25) * 16, a.GetProperty("incrementalBuyers").GetDouble(), 12);
        Assert.Equal(2, a.GetProperty("ci95").GetArrayLength());
        Assert.Equal(JsonValueKind.Number, a.GetProperty("pValue").ValueKind);

        var open = await _db.CliAsync("report", "actions", "--as-of", "2026-11-03", "--format", "csv");
        var lines = open.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("action_id,name,starts_at,window_days,complete,contacted_customers,contacted_buyers", lines[0]);
        Assert.StartsWith("a1,11月沉睡唤醒,2026-11-01 00:00:00,14,false,16,1,0.0625,100.5,", lines[1]);
    }

    [Theory]
    [InlineData("0", "holdout: 0 is not a share between 0 and 1")]
    [InlineData("1", "holdout: 1 is not a share between 0 and 1")]
    public async Task ActionCreate_HoldoutOutsideZeroOne_ExitsOne_WritesNothing(string share, string expected)
    {
        var result = await _db.CliAsync("action", "create", "--name", "x", "--customers", List(10), "--holdout", share);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Error);
        Assert.Equal("", result.Out);
        using var context = _db.NewContext();
        Assert.Equal((0, 0), (context.Set<ActionRecord>().Count(), context.Customers.Count()));
    }

    [Fact]
    public async Task ActionCreate_SameNameTwice_SecondExitsOne()
    {
        Assert.Equal(0, (await _db.CliAsync("action", "create", "--name", "同名", "--customers", List(10))).ExitCode);

        var again = await _db.CliAsync("action", "create", "--name", "同名", "--customers", List(10));

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("an action named '同名' already exists", again.Error);
    }

    [Theory]
    [InlineData("--holdout", "ten")]
    [InlineData("--window-days", "-3")]
    [InlineData("--starts", "someday")]
    public async Task ActionCreate_UnreadableOption_IsWrongUsage(string option, string value)
    {
        var result = await _db.CliAsync("action", "create", "--name", "x", "--customers", List(10), option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(option, result.Error);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}

public sealed class ActionsCliTestsOnSqlite() : ActionsCliTests(DatabaseProvider.Sqlite);

public sealed class ActionsCliTestsOnPostgres() : ActionsCliTests(DatabaseProvider.Postgres);
