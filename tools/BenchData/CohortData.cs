using LiveOps.Core.Common;
using Microsoft.Data.Sqlite;

namespace LiveOps.BenchData;

/// <summary>Rows written straight into a fresh SQLite file for the cohort benchmark and tests.</summary>
public static class CohortData
{
    /// <summary>
    /// Customers with first orders spread over two years, 1 + geometric(mean 4) paid orders each at random later
    /// instants, plus one refunded order in twenty; deterministic for a given seed.
    /// </summary>
    public static async Task<(long Paid, long All)> WriteAsync(string connectionString, int customers, int seed, CancellationToken ct)
    {
        var random = new Random(seed);
        var end = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.FromHours(8)).ToUnixTimeMilliseconds();
        var start = end - 730L * 86_400_000;
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous = OFF; PRAGMA journal_mode = MEMORY;";
            await pragma.ExecuteNonQueryAsync(ct);
        }
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using var customer = connection.CreateCommand();
        customer.CommandText = "INSERT INTO customers (Id, CustomerId, Nickname, AcquisitionChannel, JoinedPrivateAt) VALUES ($id, $cid, $nick, $acq, $joined)";
        var cId = customer.Parameters.Add("$id", SqliteType.Integer);
        var cCid = customer.Parameters.Add("$cid", SqliteType.Text);
        var cNick = customer.Parameters.Add("$nick", SqliteType.Text);
        var cAcq = customer.Parameters.Add("$acq", SqliteType.Integer);
        var cJoined = customer.Parameters.Add("$joined", SqliteType.Integer);
        customer.Prepare();
        await using var order = connection.CreateCommand();
        order.CommandText = "INSERT INTO orders (Id, OrderId, CustomerKey, PlacedAt, Amount, Status, Channel, CampaignId) VALUES ($id, $oid, $key, $at, $amount, $status, $channel, $campaign)";
        var oId = order.Parameters.Add("$id", SqliteType.Integer);
        var oOid = order.Parameters.Add("$oid", SqliteType.Text);
        var oKey = order.Parameters.Add("$key", SqliteType.Integer);
        var oAt = order.Parameters.Add("$at", SqliteType.Integer);
        var oAmount = order.Parameters.Add("$amount", SqliteType.Integer);
        var oStatus = order.Parameters.Add("$status", SqliteType.Integer);
        var oChannel = order.Parameters.Add("$channel", SqliteType.Integer);
        var oCampaign = order.Parameters.Add("$campaign", SqliteType.Text);
        order.Prepare();

        long paid = 0, all = 0;
        var times = new List<long>();
        for (var c = 1; c <= customers; c++)
        {
            var first = start + (long)(random.NextDouble() * (end - start - 86_400_000));
            var member = random.NextDouble() < 0.4;
            cId.Value = c;
            cCid.Value = $"c{c:D7}";
            cNick.Value = $"顾客{c}";
            cAcq.Value = random.Next(6);
            cJoined.Value = member ? first + (long)((random.NextDouble() - 0.5) * 60 * 86_400_000) : DBNull.Value;
            await customer.ExecuteNonQueryAsync(ct);

            var count = 1;
            var stay = member ? 0.86 : 0.76;
            while (random.NextDouble() < stay && count < 60)
            {
                count++;
            }
            times.Clear();
            times.Add(first);
            for (var i = 1; i < count; i++)
            {
                times.Add(first + (long)(random.NextDouble() * (end - first)));
            }
            times.Sort();
            foreach (var at in times)
            {
                var refunded = random.Next(20) == 0;
                all++;
                oId.Value = all;
                oOid.Value = $"o{all:D8}";
                oKey.Value = c;
                oAt.Value = at;
                oAmount.Value = (long)random.Next(2_000, 80_000) * 100;
                oStatus.Value = refunded ? 1 : 0;
                oChannel.Value = random.Next(5);
                oCampaign.Value = random.Next(4) == 0 ? $"k{random.Next(12):D2}" : DBNull.Value;
                await order.ExecuteNonQueryAsync(ct);
                paid += refunded ? 0 : 1;
            }
        }
        await transaction.CommitAsync(ct);
        return (paid, all);
    }
}
