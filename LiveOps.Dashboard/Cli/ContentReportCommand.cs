using LiveOps.Core.Common;
using LiveOps.Core.Content;
using LiveOps.Dashboard.Exports;

namespace LiveOps.Dashboard.Cli;

/// <summary>
/// <c>report content</c>: orders per member-day after content, promotion and service pushes against the members' other
/// days, leave rates after each kind and the weekly mix, from <see cref="ContentService"/>. --from/--to bound the member
/// time measured (default: from the first push to --as-of).
/// </summary>
public sealed class ContentReportCommand : IReportCommand
{
    public string Name => "content";

    public async Task<int> RunAsync(ReportArguments args, CommandContext context, CancellationToken ct)
    {
        if (args.Period is PeriodKind.Month)
        {
            throw new UsageException("report content: --period is always week (ISO weeks)");
        }
        var report = await context.Services.GetRequiredService<ContentService>().RunAsync(new ContentQuery(args.From, args.To, args.AsOf), ct);
        if (args.Format == "csv")
        {
            await ReportOutput.WriteBufferedAsync(context.Out, w => ExportTable.WriteCsvAsync(ContentExport.Columns, ContentExport.Rows(report), w));
        }
        else
        {
            await ReportOutput.WriteJsonAsync(context.Out, report, ct);
        }
        return CliApp.Ok;
    }
}
