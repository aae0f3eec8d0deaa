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

    [Fact]
    public async Task UnknownCommandWord_ExitsTwoWithUsage()
    {
        var result = await CliRunner.RunAsync("action", "create", "--db", _db.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("unknown command 'action'", result.Error);
        Assert.Contains("usage:", result.Error);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task UnknownOptionFirst_ExitsTwoWithUsage()
    {
        var result = await CliRunner.RunAsync("--urls", "http://localhost:5000");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("unknown option --urls", result.Error);
        Assert.Contains("usage:", result.Error);
    }

    [Fact]
    public async Task Executable_Frobnicate_ExitsTwoWithUsageInsteadOfStartingTheServer()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = output.Parent!.Parent!.Parent!.Parent!.FullName;
        var dashboard = Path.Combine(root, "LiveOps.Dashboard", "bin", output.Parent.Name, "net10.0", "LiveOps.Dashboard");
        var info = new System.Diagnostics.ProcessStartInfo(dashboard, ["frobnicate"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dashboard)!,
        };
        using var process = System.Diagnostics.Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // A server would never exit: give up after a minute rather than hang the run.
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("LiveOps.Dashboard frobnicate did not exit (it started the dashboard)");
        }

        Assert.Equal(2, process.ExitCode);
        Assert.StartsWith("unknown command 'frobnicate'", await stderr);
        Assert.Contains("usage:", await stderr);
        Assert.Equal("", await stdout);
    }

    public void Dispose() => _db.Dispose();
}
