using LiveOps.Core.Common;
using LiveOps.Core.Data;
using System.Data.Common;
using System.Text;
using LiveOps.Core.Store;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LiveOps.Dashboard.Cli;

/// <summary>
/// The one-shot commands of contract §3. They run against the configured database and exit
/// without starting the web server. Exit codes: 0 done, 1 rejected input, 2 wrong usage.
/// </summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int Rejected = 1;
    public const int WrongUsage = 2;

    public const string Usage = """
        usage:
          LiveOps.Dashboard import <kind> <file.csv> [--db <path>]
              kinds: customers, orders, audiences, audience-events, pushes, campaigns,
                     campaign-events, live-sessions, tier-rules
          LiveOps.Dashboard import <kind> <file.csv|file.xlsx> --mapping <name|mapping.json> [--dry-run] [--db <path>]
              a shop's own export through a mapping; presets: {presets}
          LiveOps.Dashboard report <name> [--db <path>] [--format json|csv]
                  [--from <date>] [--to <date>] [--period week|month] [--as-of <date>] [--horizon-days N]
              names: {reports}
          LiveOps.Dashboard seed-demo [--db <path>] [--customers N] [--seed N]
          LiveOps.Dashboard action create --name <text> --customers <file.csv> [--holdout F] [--seed N]
                  [--starts <date>] [--window-days N] [--db <path>]
          LiveOps.Dashboard user add --email <email> --role <admin|operator|lead> [--password-stdin] [--db <path>]
              without --password-stdin a generated password is printed once
          (no arguments, or only host settings such as --urls=http://0.0.0.0:5266: start the dashboard)
        --db: the SQLite file; with LiveOps:Database:Provider=postgres, a PostgreSQL connection string
        """;

    private static readonly Dictionary<string, ICommand> Commands = new(StringComparer.Ordinal)
    {
        ["import"] = new ImportCommand(),
        ["report"] = new ReportCommand(),
        ["seed-demo"] = new SeedDemoCommand(),
        ["user"] = new UserCommand(),
        ["action"] = new Actions.ActionCommand(),
    };

    /// <summary>
    /// Standard output for the commands: like <see cref="Console.Out"/> (UTF-8 without a BOM, flushed after every
    /// write), but handing the stream 64 KB at a time where Console.Out hands it 256 characters, a system call each:
    /// ~86,000 calls for the 22 MB of <c>report tiers</c>. Console.Out where the console does not use UTF-8.
    /// </summary>
    public static TextWriter StandardOutput()
    {
        if (Console.OutputEncoding.CodePage != Encoding.UTF8.CodePage)
        {
            return Console.Out;
        }
        var writer = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024)
        {
            AutoFlush = true,
        };
        return TextWriter.Synchronized(writer);
    }

    public static string UsageText => Usage.Replace("{reports}", string.Join(", ", ReportCommands.Names), StringComparison.Ordinal)
        .Replace("{presets}", string.Join(", ", LiveOps.Core.Import.Mapping.PresetCatalog.All.Select(p => p.Name)), StringComparison.Ordinal);

    /// <summary>
    /// Any argument makes a command, so a mistyped command word or option is reported as wrong usage instead of
    /// starting the web server. Only no arguments, or nothing but host settings written <c>--name=value</c> (such as
    /// <c>--urls=http://0.0.0.0:5266</c>, which is also how test hosts pass theirs), start the dashboard.
    /// </summary>
    public static bool IsCommand(string[] args) => !args.All(IsHostSetting);

    private static bool IsHostSetting(string arg) =>
        arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) > 2;

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, Action<IServiceCollection>? configureServices = null, CancellationToken ct = default, TextReader? stdin = null) =>
        RunAsync(args, stdout, stderr, settings: null, configureServices, ct, stdin);

    /// <summary><paramref name="settings"/> override configuration keys (as environment variables would), for tests.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? configureServices = null, CancellationToken ct = default, TextReader? stdin = null)
    {
        if (args[0] is "help" or "--help" or "-h")
        {
            await stdout.WriteLineAsync(UsageText);
            return Ok;
        }
        if (!Commands.TryGetValue(args[0], out var command))
        {
            return await WrongUsageAsync(stderr, args[0].StartsWith('-') ? $"unknown option {args[0]}" : $"unknown command '{args[0]}'");
        }
        return await RunAsync(command, args[0], args[1..], stdout, stderr, settings, configureServices, ct, stdin);
    }

    /// <summary>Audit entries that waited for a busy database are written before the process ends, or named as lost.</summary>
    private static async Task FlushAuditAsync(IServiceProvider services, TextWriter stderr)
    {
        var audit = services.GetRequiredService<LiveOps.Core.Accounts.AuditLog>();
        if (audit.Pending > 0 && !await audit.FlushAsync(services.GetRequiredService<LiveOps.Core.Store.ImportGate>().Wait))
        {
            await stderr.WriteLineAsync($"audit: {audit.Pending} {(audit.Pending == 1 ? "entry" : "entries")} could not be written: the database stayed busy");
        }
    }

    /// <summary>Runs one command on its arguments (after the command word) with the product's services and exit codes.</summary>
    public static async Task<int> RunAsync(ICommand command, string name, string[] args, TextWriter stdout, TextWriter stderr,
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null, CancellationToken ct = default, TextReader? stdin = null)
    {
        if (!CliArguments.TryParse(args, command.Options, out var parsed, out var problem, command.Flags))
        {
            return await WrongUsageAsync(stderr, problem!);
        }
        try
        {
            await using var services = BuildServices(parsed.Option("db"), settings, configureServices);
            _ = services.GetRequiredService<IOptions<LiveOpsOptions>>().Value;
            await DatabaseInitializer.MigrateAsync(services.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>(), ct);
            try
            {
                return await command.RunAsync(parsed, new CommandContext(services, stdout, stderr) { In = stdin ?? Console.In }, ct);
            }
            catch (LiveOps.Core.Store.ImportBusyException e)
            {
                await stderr.WriteLineAsync($"{name}: {e.Message}");
                return Rejected;
            }
            finally
            {
                await FlushAuditAsync(services, stderr);
            }
        }
        catch (UsageException e)
        {
            return await WrongUsageAsync(stderr, e.Message);
        }
        catch (RejectedInputException e)
        {
            await stderr.WriteLineAsync(e.Message);
            return Rejected;
        }
        catch (OptionsValidationException e)
        {
            await stderr.WriteLineAsync($"configuration: {string.Join("; ", e.Failures)}");
            return Rejected;
        }
        catch (DatabaseConfigurationException e)
        {
            await stderr.WriteLineAsync($"configuration: {e.Message}");
            return Rejected;
        }
        catch (DbException e)
        {
            await stderr.WriteLineAsync($"database: {e.Message}");
            return Rejected;
        }
        catch (IOException e)
        {
            await stderr.WriteLineAsync(e.Message);
            return Rejected;
        }
        catch (UnauthorizedAccessException e)
        {
            await stderr.WriteLineAsync(e.Message);
            return Rejected;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("cancelled");
            return Rejected;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Never a stack trace on the command line: one line naming what failed.
            await stderr.WriteLineAsync($"{name} failed: {e.GetType().Name}: {e.Message}");
            return Rejected;
        }
    }

    private static async Task<int> WrongUsageAsync(TextWriter stderr, string problem)
    {
        await stderr.WriteLineAsync(problem);
        await stderr.WriteLineAsync(UsageText);
        return WrongUsage;
    }

    private static ServiceProvider BuildServices(string? db, IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? configureServices)
    {
        var configuration = new ConfigurationBuilder();
        AppServices.AddAppConfiguration(configuration);
        configuration.AddEnvironmentVariables();
        if (settings is not null)
        {
            configuration.AddInMemoryCollection(settings);
        }
        if (db is not null)
        {
            // --db names the SQLite file; on PostgreSQL it is the connection string.
            var sqlite = AppServices.Provider(configuration.Build()) == DatabaseProvider.Sqlite;
            configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"ConnectionStrings:{AppServices.ConnectionStringName}"] = sqlite ? new SqliteConnectionStringBuilder { DataSource = db }.ToString() : db,
            });
        }
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLiveOps(configuration.Build());
        configureServices?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}

public sealed record CommandContext(IServiceProvider Services, TextWriter Out, TextWriter Error)
{
    public TextReader In { get; init; } = Console.In;
}

public interface ICommand
{
    IReadOnlySet<string> Options { get; }

    /// <summary>Options given without a value.</summary>
    IReadOnlySet<string> Flags => NoFlags;

    static readonly IReadOnlySet<string> NoFlags = new HashSet<string>();

    Task<int> RunAsync(CliArguments args, CommandContext context, CancellationToken ct);
}
