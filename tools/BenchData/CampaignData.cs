using LiveOps.Core.Common;
using Microsoft.Data.Sqlite;

namespace LiveOps.BenchData;

/// <summary>Customers, 200 campaigns, their funnel events and orders written straight into a fresh SQLite file.</summary>
public static class CampaignData
{
    /// <summary>Writes <paramref name="orders"/> orders over <paramref name="customers"/> customers; returns the funnel events written.</summary>
    public static long Write(SqliteConnection connection, int orders, int customers, int seed)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
        const long spanMs = 670L * 24 * 3600 * 1000;
        using var tx = connection.BeginTransaction();
        Insert(connection, "INSERT INTO customers (CustomerId) VALUES ($a)", customers, i => [$"c{i + 1:D6}"]);
        var campaignStarts = new long[200];
        Insert(connection, "INSERT INTO campaigns (CampaignId, Name, Type, StartsAt, EndsAt, Cost, AttributionDays) VALUES ($a, $b, $c, $d, $e, $f, $g)", 200, i =>
        {
            campaignStarts[i] = start.ToUnixTimeMilliseconds() + spanMs * i / 200;
            return [$"k{i:D3}", $"campaign {i}", i % 6, campaignStarts[i], campaignStarts[i] + 7L * 24 * 3600 * 1000, i % 4 == 0 ? null : Money.ToUnits(1000 + i * 10), i % 2 == 0 ? 7 : 3];
        });
        long events = 0;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "INSERT OR IGNORE INTO campaign_events (CampaignId, CustomerKey, At, Stage) VALUES ($a, $b, $c, $d)";
            var p = new[] { command.Parameters.Add("$a", SqliteType.Text), command.Parameters.Add("$b", SqliteType.Integer), command.Parameters.Add("$c", SqliteType.Integer), command.Parameters.Add("$d", SqliteType.Integer) };
            // 150,000 exposures; each later stage keeps about half of the previous one (~300,000 events in all).
            for (var n = 0; n < 150_000; n++)
            {
                var campaign = random.Next(200);
                var at = campaignStarts[campaign] + random.NextInt64(7L * 24 * 3600 * 1000);
                p[0].Value = $"k{campaign:D3}";
                p[1].Value = random.Next(customers) + 1;
                for (var stage = 0; stage < 5 && (stage == 0 || random.NextDouble() < 0.5); stage++)
                {
                    at += random.Next(1, 3600_000);
                    p[2].Value = at;
                    p[3].Value = stage;
                    events += command.ExecuteNonQuery();
                }
            }
        }
        Insert(connection, "INSERT INTO orders (OrderId, CustomerKey, PlacedAt, Amount, Status, CampaignId) VALUES ($a, $b, $c, $d, $e, $f)", orders, i =>
        [
            $"o{i:D7}", random.Next(customers) + 1, start.ToUnixTimeMilliseconds() + random.NextInt64(spanMs),
            Money.ToUnits(random.Next(2000, 50000) / 100m), random.NextDouble() < 0.05 ? 1 : 0,
            random.NextDouble() < 0.1 ? $"k{random.Next(200):D3}" : null,
        ]);
        tx.Commit();
        return events;
    }

    private static void Insert(SqliteConnection connection, string sql, int count, Func<int, object?[]> values)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var names = new[] { "$a", "$b", "$c", "$d", "$e", "$f", "$g" };
        var parameters = names.Where(sql.Contains).Select(n => command.Parameters.Add(new SqliteParameter(n, null))).ToArray();
        for (var i = 0; i < count; i++)
        {
            var row = values(i);
            for (var p = 0; p < parameters.Length; p++)
            {
                parameters[p].Value = row[p] ?? DBNull.Value;
            }
            command.ExecuteNonQuery();
        }
    }
}
