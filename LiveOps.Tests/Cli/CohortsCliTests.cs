using System.Text.Json;
using LiveOps.Core.Data.Entities;
using LiveOps.Tests.Core.Cohorts;
using LiveOps.Tests.Support;

namespace LiveOps.Tests.Cli;

/// <summary><c>report cohorts</c> through the command line, checked against contract §4 on hand-computed data.</summary>
public sealed class CohortsCliTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task SeedMonthlyShopAsync() => await new ShopFixture(_db)
        .Order("c1", "2026-01-10 10:00:00", 200m, OrderStatus.Refunded)
        .Order("c1", "2026-02-05 10:00:00", 100m)
        .Order("c1", "2026-03-02 10:00:00", 60.5m)
        .Order("c2", "2026-02-20 12:00:00", 80m)
        .SaveAsync();

    [Fact]
    public async Task Month_WritesTheContractJsonExactly()
    {
        await SeedMonthlyShopAsync();

        var result = await CliRunner.RunAsync("report", "cohorts", "--db", _db.Path, "--period", "month", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            """{"period":"month","timeZone":"Asia/Shanghai","customers":2,"orders":3,"repeatRate":0.5,"medianDaysToSecondOrder":25,"averageOrderValue":{"first":90,"repeat":60.5},"cohorts":[{"cohort":"2026-02","size":2,"active":[2,1],"retention":[1,0.5]}]}""",
            result.Out.Trim());
    }

    [Fact]
    public async Task To_BoundsTheOrdersCounted_AndUndefinedFiguresAreNull()
    {
        await SeedMonthlyShopAsync();

        var result = await CliRunner.RunAsync("report", "cohorts", "--db", _db.Path, "--to", "2026-03-01");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            """{"period":"month","timeZone":"Asia/Shanghai","customers":2,"orders":2,"repeatRate":0,"medianDaysToSecondOrder":null,"averageOrderValue":{"first":90,"repeat":null},"cohorts":[{"cohort":"2026-02","size":2,"active":[2],"retention":[1]}]}""",
            result.Out.Trim());
    }

    [Fact]
    public async Task Week_FromSelectsCohorts_ToRunsTheOffsetsThroughItsWeek()
    {
        await new ShopFixture(_db)
            .Order("c1", "2025-12-29 10:00:00", 50m)
            .Order("c1", "2026-01-04 20:00:00", 30m)
            .Order("c1", "2026-01-05 09:00:00", 20m)
            .Order("c2", "2025-12-28 22:00:00", 40m)
            .Order("c2", "2026-01-02 08:00:00", 40m)
            .SaveAsync();

        var result = await CliRunner.RunAsync("report", "cohorts", "--db", _db.Path, "--period", "week",
            "--from", "2025-12-29", "--to", "2026-01-19", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal("week", root.GetProperty("period").GetString());
        Assert.Equal(1, root.GetProperty("customers").GetInt32());
        Assert.Equal(3, root.GetProperty("orders").GetInt32());
        Assert.Equal(1.0, root.GetProperty("repeatRate").GetDouble());
        Assert.Equal(6 + 10 / 24.0, root.GetProperty("medianDaysToSecondOrder").GetDouble());
        Assert.Equal(50m, root.GetProperty("averageOrderValue").GetProperty("first").GetDecimal());
        Assert.Equal(25m, root.GetProperty("averageOrderValue").GetProperty("repeat").GetDecimal());
        var cohort = Assert.Single(root.GetProperty("cohorts").EnumerateArray());
        Assert.Equal("2026-W01", cohort.GetProperty("cohort").GetString());
        Assert.Equal([1L, 1L, 0L], cohort.GetProperty("active").EnumerateArray().Select(x => x.GetInt64()));
        Assert.Equal([1.0, 1.0, 0.0], cohort.GetProperty("retention").EnumerateArray().Select(x => x.GetDouble()));
    }

    [Fact]
    public async Task Csv_WritesTheMatrixOfActiveCustomers()
    {
        await new ShopFixture(_db)
            .Order("a", "2026-01-05 10:00:00", 100m)
            .Order("a", "2026-03-05 10:00:00", 100m)
            .Order("b", "2026-02-05 10:00:00", 20m)
            .SaveAsync();

        var result = await CliRunner.RunAsync("report", "cohorts", "--db", _db.Path, "--format", "csv");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("cohort,size,k0,k1,k2\n2026-01,1,1,0,1\n2026-02,1,1,0,\n", result.Out);
    }

    [Fact]
    public async Task EmptyDatabase_WritesZerosAndNulls()
    {
        var result = await CliRunner.RunAsync("report", "cohorts", "--db", _db.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            """{"period":"month","timeZone":"Asia/Shanghai","customers":0,"orders":0,"repeatRate":null,"medianDaysToSecondOrder":null,"averageOrderValue":{"first":null,"repeat":null},"cohorts":[]}""",
            result.Out.Trim());
    }

    [Fact]
    public async Task BadPeriod_IsWrongUsage()
    {
        var result = await CliRunner.RunAsync("report", "cohorts", "--db", _db.Path, "--period", "quarter");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--period: 'quarter' is not week or month", result.Error);
    }
}
