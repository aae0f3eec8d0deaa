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

    public static async Task WriteCsvAsync(CadenceReport report, TextWriter writer)
    {
        await writer.WriteLineAsync("audience_id,name,week,pushes,status");
        foreach (var audience in report.Audiences)
        {
            foreach (var week in audience.Weeks)
            {
                await writer.WriteLineAsync(string.Join(',',
                    Csv(audience.AudienceId), Csv(audience.Name), week.Week,
                    week.Pushes.ToString(CultureInfo.InvariantCulture), ContractNames.Of(week.Status)));
            }
        }
    }

    private static string Csv(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
