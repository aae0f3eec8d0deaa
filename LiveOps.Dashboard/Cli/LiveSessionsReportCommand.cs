using LiveOps.Core.Common;
using LiveOps.Core.LiveSessions;
using LiveOps.Dashboard.Exports;

namespace LiveOps.Dashboard.Cli;

/// <summary>
/// <c>report live-sessions</c>: every live session starting in [--from, --to) (default all), newest first, with what it
/// brought and the shop's median and top quartile, from the <see cref="LiveSessionService"/> the pages use.
/// </summary>
public sealed class LiveSessionsReportCommand : IReportCommand
{
    public string Name => "live-sessions";

    public async Task<int> RunAsync(ReportArguments args, CommandContext context, CancellationToken ct)
    {
        // --period and --as-of are accepted like every report's options but do not change this report.
        var report = await context.Services.GetRequiredService<LiveSessionService>().RunAsync(new LiveSessionQuery(args.From, args.To), ct);
        if (args.Format == "csv")
        {
            await ExportTable.WriteCsvAsync(LiveSessionExport.Columns, LiveSessionExport.Rows(report, context.Services.GetRequiredService<ZoneClock>()), context.Out);
        }
        else
        {
            await context.Out.WriteLineAsync(ReportJson.Serialize(report));
        }
        return CliApp.Ok;
    }
}
