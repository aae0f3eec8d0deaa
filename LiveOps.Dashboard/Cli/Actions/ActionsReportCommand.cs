using LiveOps.Core.Actions;
using LiveOps.Core.Common;
using LiveOps.Dashboard.Exports;

namespace LiveOps.Dashboard.Cli.Actions;

/// <summary><c>report actions</c> (contract §7): every action's groups, difference and intervals as of --as-of.</summary>
public sealed class ActionsReportCommand : IReportCommand
{
    public string Name => "actions";

    public async Task<int> RunAsync(ReportArguments args, CommandContext context, CancellationToken ct)
    {
        // --from, --to and --period are accepted like every report's options but do not change this report.
        var clock = context.Services.GetRequiredService<ZoneClock>();
        var report = await context.Services.GetRequiredService<ActionResultsService>().RunAsync(new ActionsQuery(args.AsOf), ct);
        if (args.Format == "csv")
        {
            await ReportOutput.WriteBufferedAsync(context.Out, w => ExportTable.WriteCsvAsync(ActionExports.ReportColumns, ActionExports.ReportRows(report, clock), w));
        }
        else
        {
            await ReportOutput.WriteJsonAsync(context.Out, ActionExports.Report(report, clock), ct);
        }
        return CliApp.Ok;
    }
}
