using LiveOps.Tests.Core.Demo;
using LiveOps.Tests.Support;

namespace LiveOps.Tests.Cli;

public sealed class SeedDemoCliTests : IDisposable
{
    private readonly TestDatabase _db = new();

    [Fact]
    public async Task SeedDemo_EmptyDatabase_PrintsTheSummaryLineAndExitsZero()
    {
        var result = await CliRunner.RunAsync("seed-demo", "--db", _db.Path, "--customers", "2000", "--seed", "7");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        var cs = _db.ConnectionString;
        long Count(string table) => DemoSql.Scalar(cs, $"SELECT COUNT(*) FROM {table}");
        Assert.Equal(2_000, Count("customers"));
        Assert.InRange(Count("orders"), 5_000, 7_000);
        Assert.Equal(
            $"demo data: 2000 customers, {Count("orders")} orders, 8 live sessions, 4 audiences ({Count("audience_events")} joins and leaves), " +
            $"{Count("pushes")} pushes, 12 campaigns ({Count("campaign_events")} funnel events)",
            result.Out.TrimEnd('\n', '\r'));
    }

    [Fact]
    public async Task SeedDemo_NonEmptyDatabase_ExitsOneWithOneLineAndAddsNothing()
    {
        var first = await CliRunner.RunAsync("seed-demo", "--db", _db.Path, "--customers", "1000");
        Assert.Equal(0, first.ExitCode);
        var before = DemoSql.Counts(_db.ConnectionString);

        var second = await CliRunner.RunAsync("seed-demo", "--db", _db.Path, "--customers", "1000", "--seed", "8");

        Assert.Equal(1, second.ExitCode);
        Assert.Equal("seed-demo: the database already holds data; demo data only goes into an empty database", second.Error.Trim());
        Assert.Equal("", second.Out);
        Assert.Equal(before, DemoSql.Counts(_db.ConnectionString));
    }

    [Fact]
    public async Task SeedDemo_ZeroCustomers_ExitsTwoWithUsage()
    {
        var result = await CliRunner.RunAsync("seed-demo", "--db", _db.Path, "--customers", "0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--customers: '0' is not a positive whole number", result.Error);
        Assert.Equal("customers=0, orders=0, audiences=0, audience_events=0, pushes=0, campaigns=0, campaign_events=0, live_sessions=0",
            DemoSql.Counts(_db.ConnectionString));
    }

    public void Dispose() => _db.Dispose();
}
