using System.Text;
using LiveOps.Core.Data.Entities;
using LiveOps.Core.Import;
using LiveOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using LiveOps.Core.Store;

namespace LiveOps.Tests.Core.Import;

/// <summary>The odd but good files real exports produce are accepted, and imports are repeatable.</summary>
public abstract class ImportAcceptanceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly TestDatabase _db = new(provider: provider);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task<ImportResult> ImportedAsync(ImportKind kind, string csv)
    {
        var result = await _db.ImportTextAsync(kind, csv);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        return result;
    }

    private async Task<Dictionary<string, Order>> OrdersAsync()
    {
        await using var context = _db.NewContext();
        return await context.Orders.AsNoTracking().ToDictionaryAsync(o => o.OrderId);
    }

    [Fact]
    public async Task Bom_IsAccepted_AndNotPartOfTheFirstHeader()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("order_id,customer_id,placed_at,amount\nA1,u1,2026-10-01 10:00:00,10\n")).ToArray();

        var result = await _db.ImportBytesAsync(ImportKind.Orders, bytes);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(10m, (await OrdersAsync())["A1"].Amount);
    }

    [Fact]
    public async Task QuotedCommasAndQuotes_AreKeptInTheValue()
    {
        await ImportedAsync(ImportKind.Customers,
            "customer_id,nickname\r\nu1,\"Lily, 上海\"\r\nu3,\"say \"\"hi\"\"\"\r\n");

        await using var context = _db.NewContext();
        var names = await context.Customers.AsNoTracking().ToDictionaryAsync(c => c.CustomerId, c => c.Nickname);
        Assert.Equal("Lily, 上海", names["u1"]);
        Assert.Equal("say \"hi\"", names["u3"]);
    }

    [Fact]
    public async Task AQuotedLineBreak_KeepsTheRecordWhole_AndIsRefusedInAName()
    {
        var result = await _db.ImportTextAsync(ImportKind.Customers, "customer_id,nickname\r\nu1,\"两行\r\n昵称\"\r\nu2,小鹿\r\n");

        // One record over lines 2–3, named by the line it starts on; u2 on line 4 is read as its own record.
        Assert.Equal(["line 2: nickname: contains a control character"], result.Lines());
        Assert.Equal(2, result.Rows);
    }

    [Fact]
    public async Task ChineseHeaders_AreAccepted()
    {
        await ImportedAsync(ImportKind.Customers, "客户ID,昵称,入群时间,获客渠道\nu1,小鹿,2026-09-01 20:40:00,live_room\n");
        await ImportedAsync(ImportKind.Orders, "订单号,买家ID,下单时间,实付金额,订单状态\nA1,u1,2026-09-02 20:00:00,99.90,refunded\n");

        await using var context = _db.NewContext();
        var customer = await context.Customers.AsNoTracking().SingleAsync();
        Assert.Equal(("u1", "小鹿", AcquisitionChannel.LiveRoom), (customer.CustomerId, customer.Nickname, customer.AcquisitionChannel));
        Assert.Equal(DateTimeOffset.Parse("2026-09-01T12:40:00Z"), customer.JoinedPrivateAt);
        var order = await context.Orders.AsNoTracking().SingleAsync();
        Assert.Equal((customer.Id, 99.90m, OrderStatus.Refunded), (order.CustomerKey, order.Amount, order.Status));
    }

    [Fact]
    public async Task Headers_MatchWithoutCase_InAnyOrder_AndUnknownColumnsAreIgnored()
    {
        await ImportedAsync(ImportKind.Orders, "AMOUNT,remark,Order_ID, Customer_Id ,PLACED_AT\n12.00,不要,A1,u1,2026-10-01 10:00:00\n");

        var order = (await OrdersAsync())["A1"];
        Assert.Equal((12.00m, OrderStatus.Paid), (order.Amount, order.Status));
    }

    [Theory]
    [InlineData("2026-11-03T20:15:00", "2026-11-03T12:15:00.000Z")]
    [InlineData("2026-11-03 20:15:00", "2026-11-03T12:15:00.000Z")]
    [InlineData("2026-11-03T20:15", "2026-11-03T12:15:00.000Z")]
    [InlineData("2026-11-03 20:15", "2026-11-03T12:15:00.000Z")]
    [InlineData("2026-11-03T20:15:00.250", "2026-11-03T12:15:00.250Z")]
    [InlineData("2026-11-03 20:15:00.5", "2026-11-03T12:15:00.500Z")]
    [InlineData("2026-11-03T20:15:00+08:00", "2026-11-03T12:15:00.000Z")]
    [InlineData("2026-11-03 20:15:00+08:00", "2026-11-03T12:15:00.000Z")]
    [InlineData("2026-11-03T20:15+08:00", "2026-11-03T12:15:00.000Z")]
    [InlineData("2026-11-03T20:15:00.125+08:00", "2026-11-03T12:15:00.125Z")]
    [InlineData("2026-11-03T12:15:00Z", "2026-11-03T12:15:00.000Z")]
    [InlineData("2026-11-03 12:15:00Z", "2026-11-03T12:15:00.000Z")]
    [InlineData("2026-11-03T12:15:00.750Z", "2026-11-03T12:15:00.750Z")]
    [InlineData("2026-11-03T07:15:00-05:00", "2026-11-03T12:15:00.000Z")]
    [InlineData(" 2026-11-03T04:15:00+00:00 ", "2026-11-03T04:15:00.000Z")]
    public async Task EveryTimestampSpelling_IsStoredAsTheRightInstant(string spelled, string utc)
    {
        await ImportedAsync(ImportKind.Orders, $"order_id,customer_id,placed_at,amount\nA1,u1,\"{spelled}\",10\n");

        var placed = (await OrdersAsync())["A1"].PlacedAt;
        Assert.Equal(utc, placed.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task YuanSigns_AndThousandsSeparators_AreAccepted()
    {
        await ImportedAsync(ImportKind.Orders,
            "order_id,customer_id,placed_at,amount\nA1,u1,2026-10-01 10:00,¥129.90\nA2,u1,2026-10-01 10:00,\"￥1,299.00\"\nA3,u1,2026-10-01 10:00,0.0001\n");

        var orders = await OrdersAsync();
        Assert.Equal((129.90m, 1299.00m, 0.0001m), (orders["A1"].Amount, orders["A2"].Amount, orders["A3"].Amount));
    }

    [Fact]
    public async Task IdOf64Characters_IsAccepted()
    {
        var id = new string('x', 64);

        await ImportedAsync(ImportKind.Orders, $"order_id,customer_id,placed_at,amount\n{id},u1,2026-10-01 10:00,1\n");

        Assert.True((await OrdersAsync()).ContainsKey(id));
    }

    [Fact]
    public async Task ReimportingTheSameFile_ChangesNothing()
    {
        var path = ImportTestKit.SamplePath("orders");
        var importer = _db.Get<IImportService>();
        var first = await importer.ImportFileAsync(ImportKind.Orders, path);
        var after = _db.Snapshot();

        var second = await importer.ImportFileAsync(ImportKind.Orders, path);

        Assert.Equal((4L, 4L, 0L, 3L), (first.Rows, first.Added, first.Updated, first.CustomersCreated));
        Assert.Equal((4L, 0L, 0L, 4L, 0L), (second.Rows, second.Added, second.Updated, second.Unchanged, second.CustomersCreated));
        Assert.Equal(after, _db.Snapshot());
    }

    [Fact]
    public async Task ReimportingEvents_AddsNoDuplicates()
    {
        var path = ImportTestKit.SamplePath("campaign-events");
        var importer = _db.Get<IImportService>();
        await importer.ImportFileAsync(ImportKind.CampaignEvents, path);
        var after = _db.Snapshot();

        var second = await importer.ImportFileAsync(ImportKind.CampaignEvents, path);

        Assert.Equal((3L, 0L, 3L), (second.Rows, second.Added, second.Unchanged));
        Assert.Equal(after, _db.Snapshot());
    }

    [Fact]
    public async Task AKnownId_ReplacesTheStoredRow()
    {
        await ImportedAsync(ImportKind.Orders, "order_id,customer_id,placed_at,amount,channel,campaign_id\nA1,u1,2026-10-01 10:00,10,shop,k1\nA2,u1,2026-10-02 10:00,20,,\n");

        var result = await ImportedAsync(ImportKind.Orders, "order_id,customer_id,placed_at,amount,status\nA1,u2,2026-10-03 10:00,15.5,refunded\nA2,u1,2026-10-02 10:00,20,paid\n");

        Assert.Equal((2L, 0L, 1L, 1L), (result.Rows, result.Added, result.Updated, result.Unchanged));
        var orders = await OrdersAsync();
        Assert.Equal(2, orders.Count);
        var a1 = orders["A1"];
        Assert.Equal((15.5m, OrderStatus.Refunded, (OrderChannel?)null, (string?)null), (a1.Amount, a1.Status, a1.Channel, a1.CampaignId));
        Assert.Equal(DateTimeOffset.Parse("2026-10-03T02:00:00Z"), a1.PlacedAt);
        await using var context = _db.NewContext();
        Assert.Equal(a1.CustomerKey, (await context.Customers.SingleAsync(c => c.CustomerId == "u2")).Id);
    }

    [Fact]
    public async Task UnknownCustomers_AreCreated_KnownOnesReused()
    {
        await ImportedAsync(ImportKind.Customers, "customer_id,nickname\nu1,小鹿\n");

        var orders = await ImportedAsync(ImportKind.Orders, "order_id,customer_id,placed_at,amount\nA1,u1,2026-10-01 10:00,1\nA2,u2,2026-10-01 10:00,1\nA3,u2,2026-10-01 10:00,1\n");
        var events = await ImportedAsync(ImportKind.AudienceEvents, "audience_id,customer_id,at,event\ng1,u3,2026-10-01 10:00,joined\n");

        Assert.Equal((1L, 1L), (orders.CustomersCreated, events.CustomersCreated));
        await using var context = _db.NewContext();
        var customers = await context.Customers.AsNoTracking().OrderBy(c => c.CustomerId).ToListAsync();
        Assert.Equal(["u1", "u2", "u3"], customers.Select(c => c.CustomerId));
        Assert.Equal("小鹿", customers[0].Nickname);
        Assert.Null(customers[1].Nickname);
        var keys = await context.Orders.AsNoTracking().OrderBy(o => o.OrderId).Select(o => o.CustomerKey).ToListAsync();
        Assert.Equal([customers[0].Id, customers[1].Id, customers[1].Id], keys);
    }

    [Fact]
    public async Task AfterAnImport_OtherConnectionsStillRefuseAnOrderOfAnUnknownCustomer()
    {
        // The import's own connection skips the database's foreign-key lookups; that must not outlive it.
        await ImportedAsync(ImportKind.Orders, "order_id,customer_id,placed_at,amount\nA1,u1,2026-10-01 10:00,1\n");

        await using var context = _db.NewContext();
        var known = (await context.Customers.SingleAsync(c => c.CustomerId == "u1")).Id;
        context.Orders.Add(new Order { OrderId = "X1", CustomerKey = known + 1000, PlacedAt = DateTimeOffset.Parse("2026-10-01T02:00:00Z"), Amount = 1m });

        await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        Assert.Equal(1, _db.Count("orders"));
    }

    [Fact]
    public async Task ALargeFile_BuildsTheIndexesAfterTheRows_AndEndsWithTheSameSchema()
    {
        await ImportedAsync(ImportKind.Orders, "order_id,customer_id,placed_at,amount\nA0,u1,2026-10-01 10:00,1\n");
        var schemaBefore = SchemaText();
        _db.DeferIndexesAlways();
        var csv = new StringBuilder("order_id,customer_id,placed_at,amount\n");
        for (var i = 1; i <= 300; i++)
        {
            csv.Append($"A{i},u{i % 7},2026-10-01 10:{i % 60:D2},{i}\n");
        }

        var result = await ImportedAsync(ImportKind.Orders, csv.ToString());

        Assert.Equal((300L, 300L), (result.Rows, result.Added));
        Assert.Equal(schemaBefore, SchemaText());
        await using var context = _db.NewContext();
        Assert.Equal(301, await context.Orders.CountAsync());
        Assert.Equal(45150m, await context.Orders.Where(o => o.OrderId != "A0").SumAsync(o => o.Amount));
    }

    [Fact]
    public async Task ThousandsOfRows_AcrossWriteBatches_AreCountedAsAddedChangedAndUnchanged()
    {
        static string Orders(int count, Func<int, int> amount)
        {
            var csv = new StringBuilder("order_id,customer_id,placed_at,amount\n");
            for (var i = 0; i < count; i++)
            {
                csv.Append($"B{i},u{i % 97},2026-10-01 10:{i % 60:D2},{amount(i)}\n");
            }
            return csv.ToString();
        }
        var first = await ImportedAsync(ImportKind.Orders, Orders(2500, i => 10));

        // Every other order gets amount 20: 1,250 known ones change, and 100 new ones follow (rows 2500..2599, half at 20).
        var second = await ImportedAsync(ImportKind.Orders, Orders(2600, i => i % 2 == 0 ? 20 : 10));

        Assert.Equal((2500L, 2500L, 0L), (first.Rows, first.Added, first.Updated));
        Assert.Equal((2600L, 100L, 1250L, 1250L), (second.Rows, second.Added, second.Updated, second.Unchanged));
        await using var context = _db.NewContext();
        Assert.Equal(2600, await context.Orders.CountAsync());
        Assert.Equal(1300 * 20m + 1300 * 10m, await context.Orders.SumAsync(o => o.Amount));
    }

    [Fact]
    public async Task AnIdRepeatedInOneFile_EndsWithItsLastRow_WithinAndAcrossWriteGroups()
    {
        // 40 orders, then the first 30 again at 5 yuan more: repeats fall in the same multi-row group as the
        // first spelling (rows 33..39 vs 0..6 are not; rows 32..63 are one group), across groups, and in the remainder.
        var csv = new StringBuilder("order_id,customer_id,placed_at,amount\n");
        for (var i = 0; i < 70; i++)
        {
            var id = i % 40;
            csv.Append($"R{id},u{id % 3},2026-10-01 10:{id:D2},{(i < 40 ? 10 + id : 15 + id)}\n");
        }
        csv.Append("R39,u0,2026-10-02 09:00,1\nR39,u0,2026-10-02 09:00,1\n");

        var result = await ImportedAsync(ImportKind.Orders, csv.ToString());

        Assert.Equal((72L, 40L, 31L, 1L), (result.Rows, result.Added, result.Updated, result.Unchanged));
        var orders = await OrdersAsync();
        Assert.Equal(40, orders.Count);
        Assert.Equal(Enumerable.Range(0, 40).Select(id => id == 39 ? 1m : id < 30 ? 15m + id : 10m + id), Enumerable.Range(0, 40).Select(id => orders[$"R{id}"].Amount));
        Assert.Equal(DateTimeOffset.Parse("2026-10-02T01:00:00Z"), orders["R39"].PlacedAt);
    }

    private string SchemaText() => _db.SchemaText();

    [Fact]
    public async Task HeaderOnly_ImportsNoRows()
    {
        var result = await ImportedAsync(ImportKind.Orders, "order_id,customer_id,placed_at,amount\n");

        Assert.Equal((0L, 0L), (result.Rows, result.Added));
        Assert.Equal(0, _db.Count("orders"));
    }

    [Fact]
    public async Task EmptyOptionalFields_TakeTheContractDefaults()
    {
        await ImportedAsync(ImportKind.Orders, "order_id,customer_id,placed_at,amount,status\nA1,u1,2026-10-01 10:00,1,\n");
        await ImportedAsync(ImportKind.Campaigns, "campaign_id,name,type,starts_at,attribution_days\nk1,券,exclusive_coupon,2026-10-01 00:00,\n");

        Assert.Equal(OrderStatus.Paid, (await OrdersAsync())["A1"].Status);
        await using var context = _db.NewContext();
        var campaign = await context.Campaigns.AsNoTracking().SingleAsync();
        Assert.Equal((7, (decimal?)null, (DateTimeOffset?)null), (campaign.AttributionDays, campaign.Cost, campaign.EndsAt));
    }

    [Fact]
    public async Task ASuccessfulImport_BumpsTheDataVersion_ARefusedOneDoesNot()
    {
        var version = _db.Get<LiveOps.Core.Store.DataVersion>();
        var start = version.Current;

        await ImportedAsync(ImportKind.Orders, "order_id,customer_id,placed_at,amount\nA1,u1,2026-10-01 10:00,1\n");
        await _db.ImportTextAsync(ImportKind.Orders, "order_id,customer_id,placed_at,amount\nA1,u1,2026-10-01 10:00,x\n");

        Assert.Equal(start + 1, version.Current);
    }
}

public sealed class ImportAcceptanceTestsOnSqlite() : ImportAcceptanceTests(DatabaseProvider.Sqlite);

public sealed class ImportAcceptanceTestsOnPostgres() : ImportAcceptanceTests(DatabaseProvider.Postgres);
