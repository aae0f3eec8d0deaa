using System.Globalization;
using System.Text;
using System.Text.Json;
using LiveOps.Tests.Support;

namespace LiveOps.Tests.Cli;

/// <summary>
/// <c>report value</c> end to end on the CDNOW sample: its orders imported as a shop's, the report run as of 1997-10-01
/// (E = 1997-09-30, the published calibration end) in whole days. The published fit is in weeks with t_x to two
/// decimals; in days the same customers give α ≈ 7 × 4.414 and the same r, a, b, p, q, v to the stated tolerance.
/// </summary>
public sealed class ValueCliTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();

    public async Task InitializeAsync()
    {
        var csv = new StringBuilder("order_id,customer_id,placed_at,amount\n");
        var n = 0;
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "cdnow", "CDNOW_sample.txt")))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var day = DateOnly.ParseExact(f[2], "yyyyMMdd", CultureInfo.InvariantCulture);
            csv.Append(CultureInfo.InvariantCulture, $"o{++n},{int.Parse(f[1], CultureInfo.InvariantCulture)},{day:yyyy-MM-dd} 12:00:00,{f[4]}\n");
        }
        var result = await _db.CliAsync("import", "orders", _db.WriteFile("cdnow-orders.csv", csv.ToString()));
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task ReportValue_Cdnow_GivesPublishedFitInDays()
    {
        var result = await _db.CliAsync("report", "value", "--as-of", "1997-10-01", "--horizon-days", "273");

        Assert.Equal("", result.Error);
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal("1997-10-01T00:00:00+08:00", root.GetProperty("asOf").GetString());
        Assert.Equal(273, root.GetProperty("horizonDays").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("reason").ValueKind);
        var model = root.GetProperty("model");
        Assert.Equal(2357, model.GetProperty("customers").GetInt32());
        Assert.Equal(946, model.GetProperty("repeatCustomers").GetInt32());
        Assert.Equal(0.243, model.GetProperty("r").GetDouble(), 0.001);
        Assert.Equal(4.414 * 7, model.GetProperty("alpha").GetDouble(), 0.05);
        Assert.Equal(0.793, model.GetProperty("a").GetDouble(), 0.002);
        Assert.Equal(2.426, model.GetProperty("b").GetDouble(), 0.01);
        Assert.Equal(6.25, model.GetProperty("p").GetDouble(), 0.01);
        Assert.Equal(3.74, model.GetProperty("q").GetDouble(), 0.01);
        Assert.Equal(15.44, model.GetProperty("v").GetDouble(), 0.02);
        // The days likelihood is the weeks one less Σx · ln 7 (α and the times scale by 7): −9582.4 − 2457 ln 7 (Σx = 2457).
        Assert.Equal(-9582.4 - 2457 * Math.Log(7), model.GetProperty("logLikelihood").GetDouble(), 1.0);

        var customers = root.GetProperty("customers");
        Assert.Equal(2357, customers.GetArrayLength());
        var first = customers.EnumerateArray().First(c => c.GetProperty("customerId").GetString() == "1");
        Assert.Equal(2, first.GetProperty("x").GetInt32());
        Assert.Equal(213, first.GetProperty("recencyDays").GetInt32());
        Assert.Equal(272, first.GetProperty("ageDays").GetInt32());
        // The published 22.35 is this exact mean rounded: (29.73 + 14.96) / 2.
        Assert.Equal(22.345m, first.GetProperty("monetary").GetDecimal());
        Assert.Equal(0.7266, first.GetProperty("pAlive").GetDouble(), 0.002);
        Assert.Equal(1.226, first.GetProperty("expectedPurchases").GetDouble(), 0.005);
        var spend = 6.25 * (15.44 + 2 * 22.345) / (6.25 * 2 + 3.74 - 1);
        Assert.Equal(1.226 * spend, first.GetProperty("expectedValue").GetDouble(), 0.1);
        var oneTimer = customers.EnumerateArray().First(c => c.GetProperty("x").GetInt32() == 0);
        Assert.Equal(JsonValueKind.Null, oneTimer.GetProperty("monetary").ValueKind);
        Assert.Equal(1.0, oneTimer.GetProperty("pAlive").GetDouble());
    }

    [Fact]
    public async Task ReportValue_Csv_OneRowPerCustomer()
    {
        var result = await _db.CliAsync("report", "value", "--as-of", "1997-10-01", "--format", "csv");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("customer_id,x,recency_days,age_days,monetary,p_alive,expected_purchases,expected_value", lines[0]);
        Assert.Equal(2358, lines.Length);
        var row = lines.Single(l => l.StartsWith("1,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(["1", "2", "213", "272", "22.345"], row[..5]);
        Assert.Equal(8, row.Length);
    }

    [Fact]
    public async Task ReportValue_BadHorizon_IsWrongUsage()
    {
        var result = await _db.CliAsync("report", "value", "--horizon-days", "zero");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--horizon-days: 'zero' is not a whole number of days from 1 to 3650", result.Error);
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();
}
