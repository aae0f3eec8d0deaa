using System.Globalization;
using LiveOps.Core.Common;
using LiveOps.Core.PushCadence;

namespace LiveOps.Dashboard.Cli;

/// <summary><c>report cadence</c> (contract §4): JSON as the contract shows it, or CSV with one row per audience-week.</summary>
public sealed class CadenceReportCommand : IReportCommand
{
    public string Name => "cadence";

    public async Task<int> RunAsync(ReportArguments args, CommandContext context, CancellationToken ct)
    {
        if (args.Period is PeriodKind.Month)
        {
            throw new UsageException("report cadence: --period is always week (ISO weeks)");
        }
        var service = context.Services.GetRequiredService<CadenceService>();
        var report = await service.RunAsync(new CadenceQuery(args.From, args.To, args.AsOf), ct);
        if (args.Format == "csv")
        {
            await ReportOutput.WriteBufferedAsync(context.Out, w => WriteCsvAsync(report, w));
        }
        else
        {
            await ReportOutput.WriteJsonAsync(context.Out, report, ct);
        }
        return CliApp.Ok;
    }

    public static Task WriteCsvAsync(CadenceReport report, TextWriter writer) =>
        CsvTable.WriteAsync(writer, ["audience_id", "name", "week", "pushes", "status"],
            report.Audiences.SelectMany(a => a.Weeks.Select(w => new object?[] { a.AudienceId, a.Name, w.Week, w.Pushes, ContractNames.Of(w.Status) })),
            writer.NewLine);
}
