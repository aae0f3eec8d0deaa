using System.Globalization;
using LiveOps.Core.Actions;
using LiveOps.Core.Common;
using LiveOps.Dashboard.Exports;

namespace LiveOps.Dashboard.Cli.Actions;

/// <summary>
/// <c>action create --name T --customers F [--holdout F] [--seed N] [--starts D] [--window-days N]</c> (contract §7):
/// stores the list with its holdout and prints the split as JSON. A refused list exits 1 with every problem.
/// </summary>
public sealed class ActionCommand : ICommand
{
    public IReadOnlySet<string> Options { get; } = new HashSet<string> { "db", "name", "customers", "holdout", "seed", "starts", "window-days" };

    public async Task<int> RunAsync(CliArguments args, CommandContext context, CancellationToken ct)
    {
        if (args.Positional is not ["create"])
        {
            throw new UsageException("action: the only subcommand is 'create'");
        }
        var name = args.Option("name") ?? throw new UsageException("action create: give --name");
        var file = args.Option("customers") ?? throw new UsageException("action create: give --customers <file.csv>");
        var clock = context.Services.GetRequiredService<ZoneClock>();
        var draft = new ActionDraft(name, [],
            HoldoutShare: Parse<double>(args, "holdout", t => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : (double?)null, "a share such as 0.1"),
            Seed: Parse<long>(args, "seed", t => long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : (long?)null, "a whole number"),
            StartsAt: QueryDates.TryInstant(args.Option("starts"), "--starts", clock, out var starts, out var startsProblem) ? starts : throw new UsageException(startsProblem!.Message),
            WindowDays: Parse<int>(args, "window-days", t => int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (int?)null, "a whole number of days"));
        ActionCreateResult result;
        await using (var csv = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read))
        {
            result = await context.Services.GetRequiredService<ActionService>().CreateFromFileAsync(csv, draft, ct);
        }
        if (!result.Succeeded)
        {
            throw new RejectedInputException(string.Join(Environment.NewLine, result.Problems.Select(p => $"{file}: {p}")));
        }
        await ReportOutput.WriteJsonAsync(context.Out, ActionExports.Created(result.Action!, clock), ct);
        return CliApp.Ok;
    }

    private static T? Parse<T>(CliArguments args, string option, Func<string, T?> parse, string what) where T : struct
    {
        var text = args.Option(option);
        if (text is null)
        {
            return null;
        }
        return parse(text) ?? throw new UsageException($"--{option}: '{text}' is not {what}");
    }
}
