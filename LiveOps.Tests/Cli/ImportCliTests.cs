using LiveOps.Tests.Core.Import;
using LiveOps.Tests.Support;

namespace LiveOps.Tests.Cli;

public sealed class ImportCliTests : IDisposable
{
    private readonly TestDatabase _db = new();

    [Fact]
    public async Task GoodFile_ExitsZero_WithTheCountsOnStdout()
    {
        var result = await CliRunner.RunAsync("import", "orders", ImportTestKit.SamplePath("orders"), "--db", _db.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("orders: 4 rows imported (4 added, 0 updated, 0 unchanged); 3 new customers created", result.Out.Trim());
        Assert.Equal("", result.Error);
        Assert.Equal(4, _db.Count("orders"));
    }

    [Fact]
    public async Task SameFileTwice_SecondTimeChangesNothing()
    {
        await CliRunner.RunAsync("import", "customers", ImportTestKit.SamplePath("customers"), "--db", _db.Path);
        var before = _db.Snapshot();

        var result = await CliRunner.RunAsync("import", "customers", ImportTestKit.SamplePath("customers"), "--db", _db.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("customers: 3 rows imported (0 added, 0 updated, 3 unchanged)", result.Out.Trim());
        Assert.Equal(before, _db.Snapshot());
    }

    [Fact]
    public async Task BadFile_ExitsOne_WithLineNumberedReasonsOnStderr_AndNoStackTrace()
    {
        var path = _db.WriteFile("bad.csv", "order_id,customer_id,placed_at,amount\nA1,u1,2026-02-30 10:00,10\nA2,u1,2026-10-01 10:00,-1\n");

        var result = await CliRunner.RunAsync("import", "orders", path, "--db", _db.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Out);
        var lines = result.Error.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(
        [
            "line 2: placed_at: '2026-02-30 10:00' is not a valid timestamp such as 2026-11-03T20:15:00 or 2026-11-03 20:15:00+08:00",
            "line 3: amount: '-1' is negative; amounts are never negative (a refund is a status)",
            $"{path}: nothing was imported (2 problems)",
        ], lines);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.DoesNotContain("Exception", result.Error);
        Assert.Equal(0, _db.Count("orders"));
    }

    [Fact]
    public async Task UnknownKind_ExitsTwo_WithUsage()
    {
        var result = await CliRunner.RunAsync("import", "refunds", ImportTestKit.SamplePath("orders"), "--db", _db.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("import: unknown kind 'refunds'", result.Error);
        Assert.Contains("usage:", result.Error);
    }

    public void Dispose() => _db.Dispose();
}
