using LiveOps.Core.Common;
using Microsoft.Data.Sqlite;

namespace LiveOps.BenchData;

/// <summary>300 audiences, a year of pushes at 1–5 a week and the customers' joins and leaves, written straight into a SQLite file.</summary>
public static class CadenceData
{
    public static async Task<(int Pushes, int Events)> WriteAsync(string connectionString, ZoneClock clock, int customers, int seed, CancellationToken ct)
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
