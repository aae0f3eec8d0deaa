using LiveOps.Dashboard.Cli;

namespace LiveOps.Tests.Support;

public sealed record CliResult(int ExitCode, string Out, string Error);

/// <summary>Runs a one-shot command in process, exactly as Program.Main dispatches it.</summary>
public static class CliRunner
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }
}
