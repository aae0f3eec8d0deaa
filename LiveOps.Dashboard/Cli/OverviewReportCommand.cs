using LiveOps.Core.Common;
using LiveOps.Core.Overview;
using LiveOps.Dashboard.Exports;

namespace LiveOps.Dashboard.Cli;

/// <summary>
/// <c>report overview</c>: the Overview's KPIs for the local days [--from, --to) against the same number of days just
/// before, with the evidence, membership split and weekly private-domain share, from <see cref="OverviewKpiService"/>.
/// Bounds are taken as the local days they fall on; without them the range is the 90 days up to the day of --as-of
/// (default today), that day included.
/// </summary>
public sealed class OverviewReportCommand : IReportCommand
{
    public string Name => "overview";

    public async Task<int> RunAsync(ReportArguments args, CommandContext context, CancellationToken ct)
    {
        var clock = context.Services.GetRequiredService<ZoneClock>();
        var today = clock.LocalDate(args.AsOf ?? clock.UtcNow);
        DateOnly? Day(DateTimeOffset? instant) => instant is { } i ? clock.LocalDate(i) : null;
        if (!OverviewKpiQuery.TryCreate(Day(args.From), Day(args.To), today, out var query, out var problem))
        {
            throw new UsageException($"report overview: {problem!.Message}");
        }
        var report = await context.Services.GetRequiredService<OverviewKpiService>().RunAsync(query, ct);
        if (args.Format == "csv")
        {
            await ExportTable.WriteCsvAsync(OverviewExport.Columns, OverviewExport.Rows(report), context.Out);
        }
        else
        {
            await context.Out.WriteLineAsync(ReportJson.Serialize(report));
        }
        return CliApp.Ok;
    }
}
