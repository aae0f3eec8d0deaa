using System.Text.Json;
using LiveOps.Core.Data.Entities;
using LiveOps.Core.Tiers;
using LiveOps.Tests.Support;
using static LiveOps.Tests.Core.Tiers.TierRulesFixtures;

namespace LiveOps.Tests.Cli;

public sealed class TiersReportCliTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new(now: Local(2026, 11, 24, 12));

    public async Task InitializeAsync()
    {
        // As of 2025-12-10 00:00 +08:00 the window is (2024-12-10 00:00, 2025-12-10 00:00].
        Insert(_db, ["c01", "c02", "c03", "c04", "c05", "c06", "c07", "Z1", "a1"],
        [
            Paid("c01", Local(2024, 12, 10), 5000m),             // exactly 365 days old: out
            Paid("c01", Local(2024, 12, 10, 0, 0, 1), 100m),
            Paid("c01", Local(2025, 12, 10), 1900m),              // at as-of: in → 2000, silver by spend
            .. Enumerable.Range(1, 6).Select(i => Paid("c02", Local(2025, 3, i, 20), 10m)),          // silver by orders
            .. Enumerable.Range(1, 15).Select(i => Paid("c03", Local(2025, 4, i, 20), 1.01m)),       // gold by orders
            ("c03", Local(2025, 5, 1), 9000m, OrderStatus.Refunded),
            ("c04", Local(2025, 6, 1), 3000m, OrderStatus.Cancelled),                              // known, nothing paid
            Paid("c06", Local(2025, 12, 10, 0, 0, 1), 10000m),  // after as-of: out
            Paid("c07", Local(2025, 1, 5), 8000.50m),             // gold by spend
            Paid("a1", Local(2025, 11, 11, 11, 11), 267.97m),
        ]);
        // The rules come from the database; the first version is the configured defaults.
        await _db.Get<TierRuleSetService>().EnsureSeededAsync(default);
    }

    [Fact]
    public async Task ReportTiers_Json_MatchesHandComputedContractShape()
    {
        var result = await CliRunner.RunAsync("report", "tiers", "--db", _db.Path, "--as-of", "2025-12-10", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        const string expected = """
            {"asOf":"2025-12-10T00:00:00+08:00",
             "tiers":[{"tier":"normal","rank":0,"customers":5},{"tier":"silver","rank":1,"customers":2},{"tier":"gold","rank":2,"customers":2}],
             "customers":[
              {"customerId":"Z1","tier":"normal","spend12m":0,"orders12m":0,"nextTier":"silver","spendToNext":2000},
              {"customerId":"a1","tier":"normal","spend12m":267.97,"orders12m":1,"nextTier":"silver","spendToNext":1732.03},
              {"customerId":"c01","tier":"silver","spend12m":2000,"orders12m":2,"nextTier":"gold","spendToNext":6000},
              {"customerId":"c02","tier":"silver","spend12m":60,"orders12m":6,"nextTier":"gold","spendToNext":7940},
              {"customerId":"c03","tier":"gold","spend12m":15.15,"orders12m":15,"nextTier":null,"spendToNext":null},
              {"customerId":"c04","tier":"normal","spend12m":0,"orders12m":0,"nextTier":"silver","spendToNext":2000},
              {"customerId":"c05","tier":"normal","spend12m":0,"orders12m":0,"nextTier":"silver","spendToNext":2000},
              {"customerId":"c06","tier":"normal","spend12m":0,"orders12m":0,"nextTier":"silver","spendToNext":2000},
              {"customerId":"c07","tier":"gold","spend12m":8000.5,"orders12m":1,"nextTier":null,"spendToNext":null}
             ]}
            """;
        using var want = JsonDocument.Parse(expected);
        using var got = JsonDocument.Parse(result.Out);
        Assert.True(JsonElement.DeepEquals(want.RootElement, got.RootElement), result.Out);
        // Numbers are JSON numbers, money the exact decimal sum.
        Assert.Contains("\"spend12m\":267.97,", result.Out);
        Assert.Contains("\"spendToNext\":1732.03}", result.Out);
    }

    [Fact]
    public async Task ReportTiers_Csv_OneRowPerCustomer()
    {
        var result = await CliRunner.RunAsync("report", "tiers", "--db", _db.Path, "--as-of", "2025-12-10", "--format", "csv");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.TrimEnd('\n').Split('\n');
        Assert.Equal("customer_id,tier,spend_12m,orders_12m,next_tier,spend_to_next", lines[0]);
        Assert.Equal(10, lines.Length);
        Assert.Equal("a1,normal,267.97,1,silver,1732.03", lines[2]);
        Assert.Equal("c03,gold,15.15,15,,", lines[5]);
    }

    [Fact]
    public async Task ReportTiers_FromAndPeriodGiven_AreIgnored_OnlyAsOfDecides()
    {
        var plain = await CliRunner.RunAsync("report", "tiers", "--db", _db.Path, "--as-of", "2025-12-10");
        var withRange = await CliRunner.RunAsync("report", "tiers", "--db", _db.Path, "--as-of", "2025-12-10", "--from", "2025-11-01", "--period", "week");

        Assert.Equal((0, 0), (plain.ExitCode, withRange.ExitCode));
        Assert.Equal(plain.Out, withRange.Out);
    }

    [Fact]
    public async Task ReportTiers_BadAsOf_IsWrongUsage()
    {
        var result = await CliRunner.RunAsync("report", "tiers", "--db", _db.Path, "--as-of", "10/12/2025");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--as-of: '10/12/2025' is not a date", result.Error);
        Assert.Equal("", result.Out);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}

/// <summary>The "done when": <c>import tier-rules</c>, then <c>report tiers</c> on data checked by hand.</summary>
public sealed class TiersImportThenReportCliTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new(now: Local(2026, 11, 24, 12));

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ImportFourTierRulesAndOrders_ThenReportTiers_UsesTheImportedRules()
    {
        var rules = _db.WriteFile("rules.csv", """
            tier,rank,min_spend_12m,min_orders_12m,discount,dedicated_service
            bronze,0,,,1,false
            silver,1,500,3,0.97,false
            gold,2,3000,,0.92,false
            diamond,3,10000,30,0.80,true
            """);
        var orders = _db.WriteFile("orders.csv", """
            order_id,customer_id,placed_at,amount,status
            o1,u1,2024-12-10 00:00:00,9000,paid
            o2,u1,2025-06-01T12:00:00+08:00,3000,paid
            o3,u2,2025-12-10 00:00:00,499.99,paid
            o4,u2,2025-07-01 10:00,100,refunded
            o5,u3,2025-01-01 10:00,200,paid
            o6,u3,2025-02-01 10:00,200,paid
            o7,u3,2025-03-01 10:00,200,paid
            o8,u4,2025-12-10 00:00:01,20000,paid
            """);

        var importRules = await CliRunner.RunAsync("import", "tier-rules", rules, "--db", _db.Path);
        var importOrders = await CliRunner.RunAsync("import", "orders", orders, "--db", _db.Path);
        var result = await CliRunner.RunAsync("report", "tiers", "--db", _db.Path, "--as-of", "2025-12-10");

        Assert.Equal((0, 0, 0), (importRules.ExitCode, importOrders.ExitCode, result.ExitCode));
        const string expected = """
            {"asOf":"2025-12-10T00:00:00+08:00",
             "tiers":[{"tier":"bronze","rank":0,"customers":2},{"tier":"silver","rank":1,"customers":1},
                      {"tier":"gold","rank":2,"customers":1},{"tier":"diamond","rank":3,"customers":0}],
             "customers":[
              {"customerId":"u1","tier":"gold","spend12m":3000,"orders12m":1,"nextTier":"diamond","spendToNext":7000},
              {"customerId":"u2","tier":"bronze","spend12m":499.99,"orders12m":1,"nextTier":"silver","spendToNext":0.01},
              {"customerId":"u3","tier":"silver","spend12m":600,"orders12m":3,"nextTier":"gold","spendToNext":2400},
              {"customerId":"u4","tier":"bronze","spend12m":0,"orders12m":0,"nextTier":"silver","spendToNext":500}
             ]}
            """;
        using var want = JsonDocument.Parse(expected);
        using var got = JsonDocument.Parse(result.Out);
        Assert.True(JsonElement.DeepEquals(want.RootElement, got.RootElement), result.Out);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}
