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
                var (pushes, events) = await GenerateAsync(db.Database.GetConnectionString()!, clock, customers, seed, ct);
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

    private static async Task<(int Pushes, int Events)> GenerateAsync(string connectionString, ZoneClock clock, int customers, int seed, CancellationToken ct)
    {
        var random = new Random(seed);
        var end = clock.UtcNow;
        var start = end.AddDays(-364);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var insert = connection.CreateCommand();
        insert.Transaction = (SqliteTransaction)tx;

        insert.CommandText = "INSERT INTO audiences (AudienceId, Name, Kind, MemberCount) VALUES ($id, $name, $kind, $members)";
        var (id, name, kind, members) = (insert.Parameters.Add("$id", SqliteType.Text), insert.Parameters.Add("$name", SqliteType.Text),
            insert.Parameters.Add("$kind", SqliteType.Integer), insert.Parameters.Add("$members", SqliteType.Integer));
        for (var a = 0; a < 300; a++)
        {
            (id.Value, name.Value, kind.Value, members.Value) = ($"g{a:D3}", $"粉丝群{a}", a % 3, customers / 300);
            await insert.ExecuteNonQueryAsync(ct);
        }

        insert.Parameters.Clear();
        insert.CommandText = "INSERT INTO pushes (PushId, AudienceId, SentAt, Kind) VALUES ($id, $audience, $at, $kind)";
        var (pid, audience, at, pkind) = (insert.Parameters.Add("$id", SqliteType.Text), insert.Parameters.Add("$audience", SqliteType.Text),
            insert.Parameters.Add("$at", SqliteType.Integer), insert.Parameters.Add("$kind", SqliteType.Integer));
        var pushes = 0;
        for (var a = 0; a < 300; a++)
        {
            var perWeek = 1 + a % 5;
            for (var t = start; t < end; t = t.AddHours(168.0 / perWeek * (0.5 + random.NextDouble())))
            {
                (pid.Value, audience.Value, at.Value, pkind.Value) = ($"p{pushes++}", $"g{a:D3}", t.ToUnixTimeMilliseconds(), random.Next(3) == 0 ? 1 : 0);
                await insert.ExecuteNonQueryAsync(ct);
            }
        }

        insert.Parameters.Clear();
        insert.CommandText = "INSERT INTO customers (CustomerId) VALUES ($id)";
        var cid = insert.Parameters.Add("$id", SqliteType.Text);
        for (var i = 0; i < customers; i++)
        {
            cid.Value = $"bench{i}";
            await insert.ExecuteNonQueryAsync(ct);
        }

        insert.Parameters.Clear();
        insert.CommandText = "INSERT INTO audience_events (AudienceId, CustomerKey, At, Event) VALUES ($audience, $customer, $at, $event)";
        var (eaudience, customer, eat, kindOf) = (insert.Parameters.Add("$audience", SqliteType.Text), insert.Parameters.Add("$customer", SqliteType.Integer),
            insert.Parameters.Add("$at", SqliteType.Integer), insert.Parameters.Add("$event", SqliteType.Integer));
        var events = 0;
        var span = (end - start).TotalMilliseconds;
        for (var i = 1; i <= customers; i++)
        {
            var joined = start.AddMilliseconds(random.NextDouble() * span);
            (eaudience.Value, customer.Value, eat.Value, kindOf.Value) = ($"g{random.Next(300):D3}", i, joined.ToUnixTimeMilliseconds(), 0);
            await insert.ExecuteNonQueryAsync(ct);
            events++;
            if (random.Next(10) < 3)
            {
                (eat.Value, kindOf.Value) = (joined.AddMilliseconds(random.NextDouble() * (end - joined).TotalMilliseconds).ToUnixTimeMilliseconds(), 1);
                await insert.ExecuteNonQueryAsync(ct);
                events++;
            }
        }
        await tx.CommitAsync(ct);
        return (pushes, events);
    }
}
