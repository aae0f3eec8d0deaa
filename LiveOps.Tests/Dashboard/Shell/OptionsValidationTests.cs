using System.Diagnostics;
using LiveOps.Core.Common;
using LiveOps.Dashboard;
using LiveOps.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LiveOps.Tests.Dashboard.Shell;

/// <summary>The <c>LiveOps</c> section, nested options included, is checked when the dashboard or a command starts.</summary>
public sealed class OptionsValidationTests
{
    [Fact]
    public void Defaults_AreValid()
    {
        var options = Resolve();

        Assert.Equal(2, options.PushCadence.MinPerWeek);
        Assert.Equal(3, options.PushCadence.MaxPerWeek);
    }

    [Fact]
    public void MinPerWeekNegative_FailsNamingTheKeyAndTheRange()
    {
        var failure = Fails(("LiveOps:PushCadence:MinPerWeek", "-3"));

        Assert.Contains("LiveOps:PushCadence:MinPerWeek must be between 0 and 100", failure);
    }

    [Fact]
    public void MinPerWeekAboveMax_Fails()
    {
        var failure = Fails(("LiveOps:PushCadence:MinPerWeek", "5"), ("LiveOps:PushCadence:MaxPerWeek", "4"));

        Assert.Contains("LiveOps:PushCadence:MinPerWeek must not exceed MaxPerWeek", failure);
    }

    [Fact]
    public void WeComLimitZero_Fails()
    {
        var failure = Fails(("LiveOps:PushCadence:WeCom:MaxPerCustomerPerDay", "0"));

        Assert.Contains("LiveOps:PushCadence:WeCom:MaxPerCustomerPerDay must be empty or between 1 and 100", failure);
    }

    [Fact]
    public void TierWithoutNameOrWithDiscountAboveOne_FailsForEach()
    {
        var failure = Fails(("LiveOps:Tiers:0:Tier", ""), ("LiveOps:Tiers:0:Discount", "0.9"), ("LiveOps:Tiers:1:Tier", "gold"), ("LiveOps:Tiers:1:Discount", "1.5"));

        Assert.Contains("LiveOps:Tiers: every tier needs a name (Tier)", failure);
        Assert.Contains("LiveOps:Tiers: Discount must be above 0 and at most 1", failure);
    }

    [Fact]
    public async Task Command_WithMinPerWeekNegative_ExitsOneWithTheProblem()
    {
        using var db = new TestDatabase();

        var result = await CliRunner.RunAsync(new Dictionary<string, string?> { ["LiveOps:PushCadence:MinPerWeek"] = "-3" }, "report", "cadence", "--db", db.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("configuration: ", result.Error);
        Assert.Contains("LiveOps:PushCadence:MinPerWeek must be between 0 and 100", result.Error);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task Dashboard_WithMinPerWeekNegative_DoesNotStart()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = output.Parent!.Parent!.Parent!.Parent!.FullName;
        var dashboard = Path.Combine(root, "LiveOps.Dashboard", "bin", output.Parent.Name, "net10.0", "LiveOps.Dashboard");
        var folder = Directory.CreateTempSubdirectory("liveops-options-").FullName;
        try
        {
            var info = new ProcessStartInfo(dashboard)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = folder,
            };
            info.Environment["LiveOps__PushCadence__MinPerWeek"] = "-3";
            info.Environment["ConnectionStrings__LiveOps"] = "Data Source=" + Path.Combine(folder, "liveops.db");
            info.Environment["Urls"] = "http://127.0.0.1:0";
            using var process = Process.Start(info)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("the dashboard started with LiveOps:PushCadence:MinPerWeek = -3");
            }
            await stdout;

            Assert.Equal(1, process.ExitCode);
            var error = await stderr;
            Assert.StartsWith("configuration: ", error);
            Assert.Contains("LiveOps:PushCadence:MinPerWeek must be between 0 and 100", error);
            Assert.DoesNotContain("   at ", error);
            Assert.False(File.Exists(Path.Combine(folder, "liveops.db")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static LiveOpsOptions Resolve(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLiveOps(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<LiveOpsOptions>>().Value;
    }

    private static string Fails(params (string Key, string Value)[] settings) =>
        string.Join("; ", Assert.Throws<OptionsValidationException>(() => Resolve(settings)).Failures);
}
