using LiveOps.Core.Value;

namespace LiveOps.Dashboard.Cli;

/// <summary><c>report value</c> (contract §6): per customer, repeat days, recency, age, spend and the model's forecast.</summary>
public sealed class ValueReportCommand : IReportCommand
{
    public string Name => "value";

    public async Task<int> RunAsync(ReportArguments args, CommandContext context, CancellationToken ct)
    {
        // --from, --to and --period are accepted (contract §3 lists them for every report) but mean nothing here.
        var report = await context.Services.GetRequiredService<ValueService>()
            .RunAsync(new ValueQuery(args.AsOf, args.HorizonDays ?? ValueQuery.DefaultHorizonDays), ct);
        if (args.Format == "csv")
        {
            await ReportOutput.WriteBufferedAsync(context.Out, w =>
            {
                ValueCsv.Write(report, w);
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
