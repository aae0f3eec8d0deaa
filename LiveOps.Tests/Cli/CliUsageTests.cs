using LiveOps.Tests.Support;

namespace LiveOps.Tests.Cli;

public sealed class CliUsageTests : IDisposable
{
    private readonly TestDatabase _db = new();

    [Fact]
    public async Task Report_UnknownName_ExitsTwoWithUsage()
    {
        var result = await CliRunner.RunAsync("report", "bogus", "--db", _db.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown report 'bogus'", result.Error);
        Assert.Contains("usage:", result.Error);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task Import_UnknownOption_ExitsTwo()
    {
        var result = await CliRunner.RunAsync("import", "orders", "x.csv", "--dbx", _db.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown option --dbx", result.Error);
    }

    [Fact]
    public async Task Import_MissingFile_ExitsOneWithOneLine()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-file-" + Guid.NewGuid().ToString("N") + ".csv");

        var result = await CliRunner.RunAsync("import", "orders", missing, "--db", _db.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"{missing}: no such file", result.Error.Trim());
    }

    public void Dispose() => _db.Dispose();
}
