using LiveOps.Core.Cohorts;
using LiveOps.Core.Common;

namespace LiveOps.Dashboard.Cli;

/// <summary><c>report cohorts</c> (contract §4): the contract's in-period matrix, monthly unless <c>--period week</c>.</summary>
public sealed class CohortsReportCommand : IReportCommand
{
    public string Name => "cohorts";

    public async Task<int> RunAsync(ReportArguments args, CommandContext context, CancellationToken ct)
    {
        var service = context.Services.GetRequiredService<ICohortService>();
        var clock = context.Services.GetRequiredService<ZoneClock>();
        var period = args.Period ?? PeriodKind.Month;
        DateOnly? Day(DateTimeOffset? instant) => instant is { } i ? clock.LocalDate(i) : null;
        if (CohortView.CheckRange(period, Day(args.From), Day(args.To), clock) is { } problem)
        {
            throw new UsageException($"report cohorts: {problem.Message}");
        }
        var report = await service.RunAsync(new CohortQuery
        {
            Period = period,
            From = args.From,
            To = args.To,
        }, ct);
        var json = CohortsJson.From(report);
        await context.Out.WriteAsync(args.Format == "csv" ? CohortsJson.Csv(json) : ReportJson.Serialize(json) + "\n");
        return CliApp.Ok;
    }
}
