using LiveOps.Dashboard.Cli;

namespace LiveOps.Tests.Support;

public sealed record CliResult(int ExitCode, string Out, string Error);

/// <summary>Runs a one-shot command in process, exactly as Program.Main dispatches it.</summary>
public static class CliRunner
{
    public static Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync("", args);

    /// <summary>Runs a command with <paramref name="stdin"/> as its standard input.</summary>
    public static Task<CliResult> RunWithInputAsync(string stdin, params string[] args) => RunAsync(null, null, stdin, args);

    /// <summary>With configuration keys set as environment variables would set them.</summary>
    public static Task<CliResult> RunAsync(IReadOnlyDictionary<string, string?>? settings, params string[] args) =>
        RunAsync(settings, null, "", args);

    /// <summary>With configuration keys set as environment variables would set them, and services replaced (a clock).</summary>
    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string?>? settings, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services, string stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr, settings, services, stdin: new StringReader(stdin));
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }
}
