using LiveOps.Core.Accounts;

namespace LiveOps.Dashboard.Cli;

/// <summary>
/// <c>user add --email E --role R [--password-stdin]</c>: creates a dashboard user for automation. Runs as the
/// trusted command line (it holds the database file anyway) and is audited as such. No password is ever
/// stored in code or configuration: it is read from stdin or generated and printed once.
/// </summary>
public sealed class UserCommand : ICommand
{
    public IReadOnlySet<string> Options { get; } = new HashSet<string> { "db", "email", "role" };

    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "password-stdin" };

    public async Task<int> RunAsync(CliArguments args, CommandContext context, CancellationToken ct)
    {
        if (args.Positional is not ["add"])
        {
            throw new UsageException("user: the only subcommand is 'add'");
        }
        var email = args.Option("email") ?? throw new UsageException("user add: give --email");
        var roleText = args.Option("role") ?? throw new UsageException("user add: give --role admin, operator or lead");
        if (!Roles.TryParse(roleText, out var role))
        {
            throw new UsageException($"user add: unknown role '{roleText}' (admin, operator or lead)");
        }
        var fromStdin = args.Has("password-stdin");
        var password = fromStdin ? (await context.In.ReadLineAsync(ct))?.TrimEnd('\r') : UserAccountService.GeneratePassword();
        if (string.IsNullOrEmpty(password))
        {
            throw new RejectedInputException("user add: --password-stdin read no password (one line on stdin)");
        }
        var result = await context.Services.GetRequiredService<UserAccountService>().CreateAsync(email, role, password, ct);
        if (!result.Succeeded)
        {
            throw new RejectedInputException($"user add: {email}: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
        await context.Out.WriteLineAsync($"user added: {email.Trim()} ({Roles.Name(role).ToLowerInvariant()})");
        if (!fromStdin)
        {
            await context.Out.WriteLineAsync($"password (shown only this once): {password}");
        }
        return CliApp.Ok;
    }
}
