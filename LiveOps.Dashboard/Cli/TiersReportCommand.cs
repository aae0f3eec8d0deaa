using LiveOps.Core.Common;
using LiveOps.Core.Tiers;

namespace LiveOps.Dashboard.Cli;

/// <summary><c>report tiers</c> (contract §4): who holds which tier as of <c>--as-of</c> (default now).</summary>
public sealed class TiersReportCommand : IReportCommand
{
    public string Name => "tiers";

    public async Task<int> RunAsync(ReportArguments args, CommandContext context, CancellationToken ct)
    {
        if (args.From is not null || args.To is not null || args.Period is not null)
        {
            throw new UsageException("report tiers: takes --as-of only (not --from, --to or --period)");
        }
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
            TierCsv.WriteCustomers(report, context.Out);
        }
        else
        {
            await context.Out.WriteLineAsync(ReportJson.Serialize(report));
        }
        return CliApp.Ok;
    }
}
