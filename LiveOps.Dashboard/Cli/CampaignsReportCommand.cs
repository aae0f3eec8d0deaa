using LiveOps.Core.Campaigns;
using LiveOps.Core.Common;
using LiveOps.Dashboard.Exports;

namespace LiveOps.Dashboard.Cli;

/// <summary><c>report campaigns</c> (contract §4): the campaigns starting in [--from, --to), as JSON or CSV.</summary>
public sealed class CampaignsReportCommand : IReportCommand
{
    public string Name => "campaigns";

    public async Task<int> RunAsync(ReportArguments args, CommandContext context, CancellationToken ct)
    {
        // --period and --as-of are accepted like every report's options but do not change this report.
        var service = context.Services.GetRequiredService<CampaignService>();
        var report = await service.RunAsync(new CampaignQuery { From = args.From, To = args.To }, ct);
        if (args.Format == "csv")
        {
            var clock = context.Services.GetRequiredService<ZoneClock>();
            await ReportOutput.WriteBufferedAsync(context.Out, w => CampaignExport.WriteCsvAsync(report, clock, w));
        }
        else
        {
            await ReportOutput.WriteJsonAsync(context.Out, report, ct);
        }
        return CliApp.Ok;
    }
}
