using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LiveOps.Tests.Support;

/// <summary>
/// A PostgreSQL cluster of the test run's own, for a machine where PostgreSQL is installed but no server is running
/// (a fresh machine, a CI box): <c>initdb</c> into a temporary folder, a server on a free port of 127.0.0.1 with its
/// socket in that folder, and everything removed after. As root it runs as the unprivileged <c>postgres</c> user
/// (<c>initdb</c> refuses root). The role <see cref="Role"/> is its superuser, trusted on 127.0.0.1 only.
/// </summary>
public sealed class ThrowawayPostgres : IDisposable
{
    public const string Role = "liveops";

    private const string RootlessUser = "postgres";

    private readonly string _folder;
    private readonly string _bin;
    private bool _disposed;

    private ThrowawayPostgres(string folder, string bin, int port)
    {
        _folder = folder;
        _bin = bin;
        Port = port;
    }

    public int Port { get; }

    /// <summary>A connection string of the superuser to the <c>postgres</c> database.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username={Role};Database=postgres;Pooling=true";

    public string DataFolder => Path.Combine(_folder, "data");

    /// <summary>The folder of PostgreSQL's programs (<c>initdb</c>, <c>pg_ctl</c>), or null when none is installed.</summary>
    public static string? FindBinaries()
    {
        var installed = new DirectoryInfo("/usr/lib/postgresql");
        if (installed.Exists)
        {
            var newest = installed.GetDirectories()
                .Where(d => int.TryParse(d.Name, out _) && File.Exists(Path.Combine(d.FullName, "bin", "initdb")))
                .OrderByDescending(d => int.Parse(d.Name, System.Globalization.CultureInfo.InvariantCulture))
                .FirstOrDefault();
            if (newest is not null)
            {
                return Path.Combine(newest.FullName, "bin");
            }
        }
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .FirstOrDefault(d => d.Length > 0 && File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
        return onPath;
    }

    /// <summary>Creates and starts a cluster; throws with what is missing when PostgreSQL is not installed.</summary>
    public static ThrowawayPostgres Start()
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException(
            "no PostgreSQL server is reachable and none is installed to start one for the tests: "
            + "install it (`apt-get install postgresql`) or set " + TestPostgres.Variable + " to a connection string of a role that may create databases");
        var folder = Directory.CreateTempSubdirectory("liveops-pg-").FullName;
        var cluster = new ThrowawayPostgres(folder, bin, FreePort());
        try
        {
            cluster.Initialise();
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    private void Initialise()
    {
        if (Environment.IsPrivilegedProcess)
        {
            // The unprivileged user must own the folder it writes the cluster and the socket into.
            Run("chown", [RootlessUser, _folder], asRootless: false);
        }
        Run(Path.Combine(_bin, "initdb"), ["-D", DataFolder, "-U", Role, "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"], asRootless: true);
        // A throwaway cluster needs no durability; writes without fsync keep the database tests quick.
        var options = $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        Run(Path.Combine(_bin, "pg_ctl"), ["-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-o", options, "-w", "-t", "60", "start"], asRootless: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string program, IReadOnlyList<string> args, bool asRootless)
    {
        var info = asRootless && Environment.IsPrivilegedProcess
            ? new ProcessStartInfo("runuser", ["-u", RootlessUser, "--", program, .. args])
            : new ProcessStartInfo(program, args);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', args)} failed ({process.ExitCode}): {error.Result}{output.Result}");
        }
    }

    /// <summary>Stops the server (immediately: nothing in it is kept) and removes the folder.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
        {
            try
            {
                Run(Path.Combine(_bin, "pg_ctl"), ["-D", DataFolder, "-m", "immediate", "-w", "stop"], asRootless: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone: the folder is removed all the same.
            }
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
