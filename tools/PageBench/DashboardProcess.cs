using System.Diagnostics;
using System.Text.RegularExpressions;

namespace LiveOps.PageBench;

/// <summary>
/// A built dashboard (apphost, or a .dll run by <c>dotnet</c>) started as a child process on a SQLite file, on a free
/// loopback port, configured through environment variables only. Only this process is ever stopped.
/// </summary>
public sealed partial class DashboardProcess : IAsyncDisposable
{
    private readonly Process _process;

    private DashboardProcess(Process process, string baseUrl, TimeSpan startup)
    {
        _process = process;
        BaseUrl = baseUrl;
        Startup = startup;
    }

    public string BaseUrl { get; }

    /// <summary>Process start until Kestrel listens (migrations check and startup data included).</summary>
    public TimeSpan Startup { get; }

    public int Id => _process.Id;

    public static async Task<DashboardProcess> StartAsync(string dashboard, string database, TimeSpan timeout)
    {
        var info = StartInfo(dashboard, []);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Port 0: Kestrel takes a free port and logs it; the lifetime logger must stay on to say which.
        info.Environment["Urls"] = "http://127.0.0.1:0";
        info.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        info.Environment["LiveOps__Database__Provider"] = "sqlite";
        info.Environment["ConnectionStrings__LiveOps"] = "Data Source=" + Path.GetFullPath(database);
        info.Environment["LiveOps__DemoData"] = "false";
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;

        var clock = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {dashboard}.");
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new List<string>();
        void Record(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (output)
            {
                output.Add(line);
            }
            if (ListeningPattern().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(match.Groups[1].Value.TrimEnd('/'));
            }
        }
        process.OutputDataReceived += (_, e) => Record(e.Data);
        process.ErrorDataReceived += (_, e) => Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(listening.Task, exited, Task.Delay(timeout));
        if (first != listening.Task)
        {
            var why = first == exited ? $"exited with code {process.ExitCode}" : $"did not listen within {timeout.TotalSeconds:0} s";
            if (!process.HasExited)
            {
                process.Kill();
                await process.WaitForExitAsync();
            }
            string tail;
            lock (output)
            {
                tail = string.Join(Environment.NewLine, output.TakeLast(20));
            }
            process.Dispose();
            throw new InvalidOperationException($"The dashboard {dashboard} {why}:{Environment.NewLine}{tail}");
        }
        return new DashboardProcess(process, await listening.Task, clock.Elapsed);
    }

    /// <summary>Peak resident set of the dashboard so far (VmHWM), in bytes.</summary>
    public long PeakWorkingSet() => Memory().Peak;

    /// <summary>Resident set now (VmRSS), in bytes.</summary>
    public long WorkingSet() => Memory().Resident;

    /// <summary>
    /// Resident set now and its peak (VmRSS, VmHWM) from one read of <c>/proc/&lt;pid&gt;/status</c>: the kernel records
    /// the peak lazily, so only within one read is the peak sure to be at least the resident set.
    /// </summary>
    public (long Resident, long Peak) Memory()
    {
        var lines = File.ReadAllLines($"/proc/{_process.Id}/status");
        return (Field(lines, "VmRSS:"), Field(lines, "VmHWM:"));
    }

    private long Field(string[] lines, string field)
    {
        var line = lines.FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"/proc/{_process.Id}/status has no {field}");
        var kb = long.Parse(line[field.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        return kb * 1024;
    }

    /// <summary>
    /// Creates a dashboard user through the command line (<c>user add … --password-stdin</c>), as an operator would
    /// script it, before the dashboard starts.
    /// </summary>
    public static async Task AddUserAsync(string dashboard, string database, string email, string password)
    {
        var info = StartInfo(dashboard, ["user", "add", "--email", email, "--role", "operator", "--password-stdin", "--db", Path.GetFullPath(database)]);
        info.RedirectStandardInput = true;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {dashboard}.");
        await process.StandardInput.WriteLineAsync(password);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"user add exited with code {process.ExitCode}: {await stderr}{await stdout}");
        }
    }

    private static ProcessStartInfo StartInfo(string dashboard, IReadOnlyList<string> args)
    {
        var full = Path.GetFullPath(dashboard);
        var dll = full.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var info = new ProcessStartInfo(dll ? "dotnet" : full)
        {
            // appsettings.json is copied beside the executable; the content root is the working directory.
            WorkingDirectory = Path.GetDirectoryName(full)!,
            UseShellExecute = false,
        };
        if (dll)
        {
            info.ArgumentList.Add(full);
        }
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        return info;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM first so the host shuts down as it would under systemd; SIGKILL only if it hangs.
            using (var term = Process.Start(new ProcessStartInfo("kill", ["-s", "TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
            {
                await term!.WaitForExitAsync();
            }
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
                await _process.WaitForExitAsync();
            }
        }
        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningPattern();
}
