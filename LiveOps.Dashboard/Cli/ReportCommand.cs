using LiveOps.Core.Common;

namespace LiveOps.Dashboard.Cli;

/// <summary>The options every report accepts (contract §3), already parsed and checked.</summary>
public sealed record ReportArguments(
    string Format,
    DateTimeOffset? From,
    DateTimeOffset? To,
    PeriodKind? Period,
    DateTimeOffset? AsOf)
{
    /// <summary><c>--horizon-days N</c> (only <c>report value</c> reads it).</summary>
    public int? HorizonDays { get; init; }
}

/// <summary>One report of <c>report &lt;name&gt;</c>: it calls its Core service and writes JSON or CSV.</summary>
public interface IReportCommand
{
    string Name { get; }

    Task<int> RunAsync(ReportArguments args, CommandContext context, CancellationToken ct);
}

public static class ReportCommands
{
    /// <summary>The reports that exist; <c>report</c> with any other name is wrong usage.</summary>
    public static readonly IReadOnlyList<IReportCommand> All =
    [
        new CohortsReportCommand(),
        new CadenceReportCommand(),
        new TiersReportCommand(),
        new CampaignsReportCommand(),
        new LiveSessionsReportCommand(),
        new OverviewReportCommand(),
        new ValueReportCommand(),
        new Actions.ActionsReportCommand(),
        new ContentReportCommand(),
        new AcquisitionReportCommand(),
        new InviteTimingReportCommand(),
        new CycleReportCommand(),
    ];

    public static IEnumerable<string> Names => All.Select(r => r.Name);
}

public sealed class ReportCommand : ICommand
{
    public IReadOnlySet<string> Options { get; } = new HashSet<string> { "db", "format", "from", "to", "period", "as-of", "horizon-days" };

    public async Task<int> RunAsync(CliArguments args, CommandContext context, CancellationToken ct)
    {
        if (args.Positional.Count != 1)
        {
            throw new UsageException(args.Positional.Count == 0 ? "report: which report?" : "report: one report name at a time");
        }
        var name = args.Positional[0];
        var report = ReportCommands.All.FirstOrDefault(r => r.Name == name)
            ?? throw new UsageException($"report: unknown report '{name}'");
        var clock = context.Services.GetRequiredService<ZoneClock>();
        var format = args.Option("format") ?? "json";
        if (format is not ("json" or "csv"))
        {
            throw new UsageException($"--format: '{format}' is not json or csv");
        }
        PeriodKind? period = args.Option("period") switch
        {
            null => null,
            "month" => PeriodKind.Month,
            "week" => PeriodKind.Week,
            var other => throw new UsageException($"--period: '{other}' is not week or month"),
        };
        var from = ParseInstant(args, "from", clock);
        var to = ParseInstant(args, "to", clock);
        if (from is not null && to is not null && from >= to)
        {
            throw new UsageException("--from must be before --to");
        }
        int? horizon = args.Option("horizon-days") switch
        {
            null => null,
            var text when int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= Core.Value.ValueQuery.MaxHorizonDays => days,
            var text => throw new UsageException($"--horizon-days: '{text}' is not a whole number of days from 1 to {Core.Value.ValueQuery.MaxHorizonDays}"),
        };
        return await report.RunAsync(new ReportArguments(format, from, to, period, ParseInstant(args, "as-of", clock)) { HorizonDays = horizon }, context, ct);
    }

    private static DateTimeOffset? ParseInstant(CliArguments args, string name, ZoneClock clock)
    {
        return QueryDates.TryInstant(args.Option(name), "--" + name, clock, out var instant, out var problem)
            ? instant
            : throw new UsageException(problem!.Message);
    }
}
