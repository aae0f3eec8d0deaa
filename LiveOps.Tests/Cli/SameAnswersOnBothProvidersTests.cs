using LiveOps.Core.Store;
using LiveOps.Dashboard.Cli;
using LiveOps.Tests.Support;

namespace LiveOps.Tests.Cli;

/// <summary>
/// One dataset — the demo shop plus every sample CSV, written through the command line — in a SQLite file and in a
/// PostgreSQL database: every report of the command line must print the same bytes from both.
/// </summary>
public sealed class SameAnswersOnBothProvidersTests(SameDatasetOnBothProviders data) : IClassFixture<SameDatasetOnBothProviders>
{
    private readonly TestDatabase _sqlite = data.Sqlite;
    private readonly TestDatabase _postgres = data.Postgres;

    public static TheoryData<string, string> Reports()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in ReportCommands.Names)
        {
            data.Add(name, "json");
            data.Add(name, "csv");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public async Task EveryReport_IsTheSameOnSqliteAndPostgres(string report, string format)
    {
        var onSqlite = await _sqlite.CliAsync("report", report, "--format", format);
        var onPostgres = await _postgres.CliAsync("report", report, "--format", format);

        Assert.True(onSqlite.ExitCode == 0, onSqlite.Error);
        Assert.True(onPostgres.ExitCode == 0, onPostgres.Error);
        // The dataset holds no actions: that report is compared empty.
        Assert.True(report == "actions" || onSqlite.Out.Length > 200, $"{report} printed almost nothing: {onSqlite.Out}");
        Assert.Equal(onSqlite.Out, onPostgres.Out);
    }

    [Fact]
    public async Task WeeklyCohortsAndTiersAsOfAPastDate_AreTheSameOnSqliteAndPostgres()
    {
        string[] args = ["report", "cohorts", "--period", "week", "--from", "2026-03-01", "--to", "2026-09-01"];
        Assert.Equal((await _sqlite.CliAsync(args)).Out, (await _postgres.CliAsync(args)).Out);
        string[] tiers = ["report", "tiers", "--as-of", "2026-06-30"];
        var onSqlite = await _sqlite.CliAsync(tiers);
        Assert.Contains("\"tier\":\"gold\"", onSqlite.Out, StringComparison.Ordinal);
        Assert.Equal(onSqlite.Out, (await _postgres.CliAsync(tiers)).Out);
    }
}

/// <summary>The dataset, written once for all the comparisons.</summary>
public sealed class SameDatasetOnBothProviders : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.FromHours(8));
    private static readonly string[] SampleKinds =
        ["customers", "live-sessions", "audiences", "campaigns", "orders", "audience-events", "pushes", "campaign-events", "tier-rules"];

    public TestDatabase Sqlite { get; } = new(now: Now, provider: DatabaseProvider.Sqlite);

    public TestDatabase Postgres { get; } = new(now: Now, provider: DatabaseProvider.Postgres);

    public async Task InitializeAsync()
    {
        foreach (var db in new[] { Sqlite, Postgres })
        {
            var seeded = await db.CliAsync("seed-demo", "--customers", "1500", "--seed", "7");
            Assert.True(seeded.ExitCode == 0, seeded.Error);
            foreach (var kind in SampleKinds)
            {
                var imported = await db.CliAsync("import", kind, Path.Combine(AppContext.BaseDirectory, "Fixtures", "samples", kind + ".csv"));
                Assert.True(imported.ExitCode == 0, $"{kind}: {imported.Error}");
            }
        }
    }

    public async Task DisposeAsync()
    {
        await Sqlite.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}
