using System.Diagnostics;
using LiveOps.Core.Common;
using LiveOps.Core.Data;
using LiveOps.Core.PushCadence;
using LiveOps.Dashboard.Components.Pages.Cadence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using LiveOps.Dashboard.Cli;

namespace LiveOps.Bench;

/// <summary>
/// <c>bench cadence</c>: on an empty database, writes 300 audiences with a year of pushes (~3 a week each) and
/// join/leave events for --customers members (default 200,000), then times the cadence report over the whole
/// history (the command line's default) and over the page's eight weeks. On a database with pushes it times that data.
/// </summary>
public sealed class CadenceBench : IBenchCase
{
    public string Name => "cadence";

    public string Description => "report cadence over a year of pushes for 300 audiences and 200,000 members";

    public async Task RunAsync(CliArguments args, CommandContext context, CancellationToken ct)
    {
        var factory = context.Services.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>();
        var clock = context.Services.GetRequiredService<ZoneClock>();
        var service = context.Services.GetRequiredService<CadenceService>();
        var customers = args.PositiveInt("customers") ?? 200_000;
        var runs = args.PositiveInt("runs") ?? 3;
        var seed = args.PositiveInt("seed") ?? 4;

        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            if (!await db.Pushes.AnyAsync(ct))
            {
                var written = Stopwatch.StartNew();
                var (pushes, events) = await CadenceData.WriteAsync(db.Database.GetConnectionString()!, clock, customers, seed, ct);
                await context.Out.WriteLineAsync($"generated 300 audiences, {pushes} pushes, {events} audience events in {written.Elapsed.TotalSeconds:0.0} s");
            }
        }

        foreach (var (label, query) in new[] { ("whole history", new CadenceQuery()), ("page, 8 weeks", CadenceView.PageQuery(clock)) })
        {
            var times = new List<double>();
            CadenceReport? report = null;
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                report = await service.RunAsync(query, ct);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            await context.Out.WriteLineAsync(
                $"{label}: {report!.Audiences.Count} audiences, {report.Audiences.Sum(a => a.Weeks.Count)} audience-weeks, {report.Warnings.Count} warnings; " +
                $"first {times[0]:0} ms, best {times.Min():0} ms over {runs} runs");
        }
    }

}
