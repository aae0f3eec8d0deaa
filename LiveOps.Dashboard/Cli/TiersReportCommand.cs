using LiveOps.Core.Common;
using LiveOps.Core.Tiers;

namespace LiveOps.Dashboard.Cli;

/// <summary><c>report tiers</c> (contract §4): who holds which tier as of <c>--as-of</c> (default now).</summary>
public sealed class TiersReportCommand : IReportCommand
{
    public string Name => "tiers";

    public async Task<int> RunAsync(ReportArguments args, CommandContext context, CancellationToken ct)
    {
        // --from, --to and --period are accepted (contract §3 lists them for every report) but mean nothing here:
        // a tier is defined by the 365 days before --as-of alone.
        TierReport report;
        try
        {
            report = await context.Services.GetRequiredService<TierService>().RunAsync(new TierQuery(args.AsOf), ct);
        }
        catch (TierRulesUnusableException e)
        {
            throw new RejectedInputException(e.Message);
        }
        if (args.Format == "csv")
        {
            await ReportOutput.WriteBufferedAsync(context.Out, w =>
            {
                TierCsv.WriteCustomers(report, w);
                return Task.CompletedTask;
            });
        }
        else
        {
            await ReportOutput.WriteJsonAsync(context.Out, report, ct);
        }
        return CliApp.Ok;
    }
}
