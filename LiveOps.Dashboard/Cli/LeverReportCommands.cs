using LiveOps.Core.Acquisition;
using LiveOps.Core.InviteTiming;
using LiveOps.Core.RepurchaseCycle;
using LiveOps.Dashboard.Exports;

namespace LiveOps.Dashboard.Cli;

/// <summary>Writes a report as JSON, or as CSV through its table.</summary>
internal static class LeverOutput
{
    public static async Task<int> WriteAsync<T>(ReportArguments args, CommandContext context, T report, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        if (args.Format == "csv")
        {
            await ReportOutput.WriteBufferedAsync(context.Out, w => ExportTable.WriteCsvAsync(columns, rows, w));
        }
        else
        {
            await ReportOutput.WriteJsonAsync(context.Out, report, ct);
        }
        return CliApp.Ok;
    }

    public static void NoRange(ReportArguments args, string name)
    {
        if (args.From is not null || args.To is not null || args.Period is not null)
        {
            throw new UsageException($"report {name}: only --as-of (and --format) apply");
        }
    }
}

/// <summary><c>report acquisition</c>: every live session's first-time buyers and what became of them, from <see cref="AcquisitionService"/>.</summary>
public sealed class AcquisitionReportCommand : IReportCommand
{
    public string Name => "acquisition";

    public async Task<int> RunAsync(ReportArguments args, CommandContext context, CancellationToken ct)
    {
        LeverOutput.NoRange(args, Name);
        var report = await context.Services.GetRequiredService<AcquisitionService>().RunAsync(new AcquisitionQuery(args.AsOf), ct);
        return await LeverOutput.WriteAsync(args, context, report, LeverExports.AcquisitionColumns, LeverExports.AcquisitionRows(report), ct);
    }
}

/// <summary><c>report invite-timing</c>: new buyers of every session by minutes from first order to joining, from <see cref="InviteTimingService"/>.</summary>
public sealed class InviteTimingReportCommand : IReportCommand
{
    public string Name => "invite-timing";

    public async Task<int> RunAsync(ReportArguments args, CommandContext context, CancellationToken ct)
    {
        LeverOutput.NoRange(args, Name);
        var report = await context.Services.GetRequiredService<InviteTimingService>().RunAsync(new InviteTimingQuery(), ct);
        return await LeverOutput.WriteAsync(args, context, report, LeverExports.InviteColumns, LeverExports.InviteRows(report), ct);
    }
}

/// <summary><c>report cycle</c>: days between consecutive paid orders, by tier and membership, and around each campaign, from <see cref="RepurchaseCycleService"/>.</summary>
public sealed class CycleReportCommand : IReportCommand
{
    public string Name => "cycle";

    public async Task<int> RunAsync(ReportArguments args, CommandContext context, CancellationToken ct)
    {
        LeverOutput.NoRange(args, Name);
        var report = await context.Services.GetRequiredService<RepurchaseCycleService>().RunAsync(new RepurchaseCycleQuery(args.AsOf), ct);
        return await LeverOutput.WriteAsync(args, context, report, LeverExports.CycleColumns, LeverExports.CycleRows(report), ct);
    }
}
