using LiveOps.Core.Common;
using LiveOps.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LiveOps.BenchData;

/// <summary>Customers and two years of skewed orders (a few customers buy a lot), written through the context's connection.</summary>
public static class TierData
{
    public static async Task WriteAsync(LiveOpsDbContext db, int customers, int rows, int seed, DateTimeOffset now, CancellationToken ct)
    {
        var random = new Random(seed);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO customers (Id, CustomerId) VALUES ($id, $cid)";
            var id = Parameter(insert, "$id");
            var cid = Parameter(insert, "$cid");
            for (var i = 1; i <= customers; i++)
            {
                id.Value = i;
                cid.Value = $"c{i:D7}";
                await insert.ExecuteNonQueryAsync(ct);
            }
        }
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO orders (OrderId, CustomerKey, PlacedAt, Amount, Status) VALUES ($oid, $key, $at, $amount, $status)";
            var oid = Parameter(insert, "$oid");
            var key = Parameter(insert, "$key");
            var at = Parameter(insert, "$at");
            var amount = Parameter(insert, "$amount");
            var status = Parameter(insert, "$status");
            var end = now.ToUnixTimeMilliseconds();
            var span = (long)TimeSpan.FromDays(730).TotalMilliseconds;
            for (var i = 1; i <= rows; i++)
            {
                oid.Value = $"o{i:D8}";
                // Skewed: a few customers buy a lot, as in a real shop.
                key.Value = 1 + (int)(customers * Math.Pow(random.NextDouble(), 2));
                at.Value = end - random.NextInt64(span);
                amount.Value = Money.ToUnits(Math.Round((decimal)(20 + random.NextDouble() * 980), 2));
                status.Value = random.Next(10) == 0 ? 1 : 0;
                await insert.ExecuteNonQueryAsync(ct);
            }
        }
        await tx.CommitAsync(ct);
    }

    private static System.Data.Common.DbParameter Parameter(System.Data.Common.DbCommand command, string name)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        command.Parameters.Add(p);
        return p;
    }
}
