using System.Data.Common;
using LiveOps.Core.Data;
using LiveOps.Core.Data.Entities;
using LiveOps.Core.Overview;
using Microsoft.EntityFrameworkCore;

namespace LiveOps.Core.Store;

/// <summary>The Overview's paid GMV summed in SQL into UTC buckets of a range.</summary>
internal static class DailyGmvReads
{
    /// <summary>Paid amount and orders per bucket of <paramref name="bucketMs"/> from <paramref name="fromMs"/>, and the distinct paying customers.</summary>
    public static async Task<(List<GmvBucket> Buckets, long Buyers)> PaidBucketsAsync(LiveOpsDbContext db, long fromMs, long toMs, long bucketMs, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        // Buckets are counted from the range start (a local midnight), so they align with local days.
        command.CommandText = """
            SELECT ("PlacedAt" - @from) / @bucket AS bucket, CAST(SUM("Amount") AS BIGINT), COUNT(*)
            FROM orders
            WHERE "PlacedAt" >= @from AND "PlacedAt" < @to AND "Status" = @paid
            GROUP BY bucket;
            SELECT COUNT(DISTINCT "CustomerKey")
            FROM orders
            WHERE "PlacedAt" >= @from AND "PlacedAt" < @to AND "Status" = @paid;
            """;
        AddParameter(command, "@from", fromMs);
        AddParameter(command, "@to", toMs);
        AddParameter(command, "@bucket", bucketMs);
        AddParameter(command, "@paid", (long)OrderStatus.Paid);

        var buckets = new List<GmvBucket>();
        long buyers;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                buckets.Add(new GmvBucket(
                    DateTimeOffset.FromUnixTimeMilliseconds(fromMs + reader.GetInt64(0) * bucketMs),
                    reader.GetInt64(1),
                    reader.GetInt64(2)));
            }
            await reader.NextResultAsync(ct);
            buyers = await reader.ReadAsync(ct) ? reader.GetInt64(0) : 0;
        }
        return (buckets, buyers);
    }

    private static void AddParameter(DbCommand command, string name, long value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
