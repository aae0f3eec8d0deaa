using System.Text;
using LiveOps.Core.Data.Entities;
using LiveOps.Core.Import;
using LiveOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using LiveOps.Core.Store;

namespace LiveOps.Tests.Core.Import;

/// <summary>Every bad file is refused whole: each problem listed as <c>line N: column: reason</c>, nothing written.</summary>
public abstract class ImportRejectionTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly TestDatabase _db = new(provider: provider);

    public async Task InitializeAsync() => await _db.ImportBaselineAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private Task<ImportResult> RejectedAsync(string csv, ImportKind kind = ImportKind.Orders) =>
        RejectedAsync(new UTF8Encoding(false).GetBytes(csv), kind);

    // Imports a bad file and proves it changed nothing: every table's rows, and the baseline order B1 as stored.
    private async Task<ImportResult> RejectedAsync(byte[] csv, ImportKind kind = ImportKind.Orders)
    {
        var before = _db.Snapshot();
        var version = _db.Get<LiveOps.Core.Store.DataVersion>().Current;

        var result = await _db.ImportBytesAsync(kind, csv);

        Assert.False(result.Succeeded);
        Assert.Equal((0, 0), (result.Added, result.Updated));
        Assert.Equal(before, _db.Snapshot());
        Assert.Equal(2, _db.Count("orders"));
        Assert.Equal(2, _db.Count("customers"));
        await using var context = _db.NewContext();
        var b1 = await context.Orders.AsNoTracking().SingleAsync(o => o.OrderId == "B1");
        Assert.Equal((100.00m, OrderStatus.Paid), (b1.Amount, b1.Status));
        Assert.Equal(version, _db.Get<LiveOps.Core.Store.DataVersion>().Current);
        return result;
    }

    [Fact]
    public async Task MalformedAmount_IsRefusedWithItsLineAndColumn()
    {
        var result = await RejectedAsync("order_id,customer_id,placed_at,amount\nA1,u9,2026-10-01 10:00:00,12.3.4\n");

        Assert.Equal(["line 2: amount: '12.3.4' is not an amount in yuan such as 129.90"], result.Lines());
    }

    [Fact]
    public async Task MalformedWholeNumber_IsRefused()
    {
        var result = await RejectedAsync("audience_id,name,member_count\ng1,粉丝群,12.5\ng2,老客群,many\n", ImportKind.Audiences);

        Assert.Equal(
            ["line 2: member_count: '12.5' is not a whole number of 0 or more", "line 3: member_count: 'many' is not a whole number of 0 or more"],
            result.Lines());
    }

    [Fact]
    public async Task ImpossibleDate_February30_IsRefused()
    {
        var result = await RejectedAsync("order_id,customer_id,placed_at,amount\nA1,u9,2026-02-30 10:00:00,10\n");

        var problem = Assert.Single(result.Problems);
        Assert.Equal((2L, "placed_at"), (problem.Line, problem.Column));
        Assert.StartsWith("'2026-02-30 10:00:00' is not a valid timestamp", problem.Message);
    }

    [Fact]
    public async Task UnknownEnumValue_ListsTheAllowedOnes()
    {
        var result = await RejectedAsync("order_id,customer_id,placed_at,amount,status,channel\nA1,u9,2026-10-01 10:00:00,10,shipped,tiktok\n");

        Assert.Equal(
        [
            "line 2: status: 'shipped' is not one of paid, refunded, cancelled",
            "line 2: channel: 'tiktok' is not one of live_room, private_group, mini_program, shop, other",
        ], result.Lines());
    }

    [Fact]
    public async Task MissingRequiredColumn_IsReportedOnLine1()
    {
        var result = await RejectedAsync("order_id,customer_id,placed_at\nA1,u9,2026-10-01 10:00:00\n");

        Assert.Equal(["line 1: amount: required column is missing (also accepted: 实付金额, 实付款, 支付金额, 订单金额)"], result.Lines());
    }

    [Fact]
    public async Task IdOf65Characters_IsRefused()
    {
        var id = new string('x', 65);

        var result = await RejectedAsync($"order_id,customer_id,placed_at,amount\n{id},u9,2026-10-01 10:00:00,10\n");

        Assert.Equal(["line 2: order_id: is 65 characters long; ids have 1 to 64"], result.Lines());
    }

    [Fact]
    public async Task NegativeAmount_IsRefused()
    {
        var result = await RejectedAsync("order_id,customer_id,placed_at,amount\nA1,u9,2026-10-01 10:00:00,-5.00\n");

        Assert.Equal(["line 2: amount: '-5.00' is negative; amounts are never negative (a refund is a status)"], result.Lines());
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF })]
    [InlineData(new byte[] { (byte)'\n', (byte)'\r', (byte)'\n' })]
    public async Task EmptyFile_IsRefused(byte[] content)
    {
        var result = await RejectedAsync(content);

        Assert.Equal(["line 1: header: the file is empty; the first line must name the columns"], result.Lines());
    }

    [Fact]
    public async Task BinaryGarbage_IsRefusedAtTheHeader()
    {
        var garbage = new byte[8192];
        new Random(7).NextBytes(garbage);

        var result = await RejectedAsync(garbage);

        Assert.NotEmpty(result.Problems);
        Assert.All(result.Problems, p => Assert.Equal(1L, p.Line));
        Assert.Contains(result.Problems, p => p.Column == "header" && p.Message.Contains("not UTF-8", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InvalidUtf8Bytes_InAField_AreReported()
    {
        var head = Encoding.UTF8.GetBytes("customer_id,nickname\nu7,小鹿\nu8,");
        var bytes = head.Concat(new byte[] { 0xC3, 0x28, 0xFF }).Concat(Encoding.UTF8.GetBytes("\n")).ToArray();

        var result = await RejectedAsync(bytes, ImportKind.Customers);

        Assert.Equal(["line 3: nickname: contains bytes that are not UTF-8 text; save the file as UTF-8 CSV"], result.Lines());
    }

    [Fact]
    public async Task OneBadRowAfter10000GoodOnes_IsReportedOnLine10002_AndNoneOfTheGoodOnesIsWritten()
    {
        _db.DeferIndexesAlways(); // the snapshot then also proves the dropped indexes come back
        var csv = new StringBuilder("order_id,customer_id,placed_at,amount\n");
        for (var i = 1; i <= 10_000; i++)
        {
            csv.Append($"N{i},c{i % 500},2026-10-01 10:00:00,{i}.50\n");
        }
        csv.Append("N10001,c1,2026-10-01 10:00:00,abc\n");

        var result = await RejectedAsync(csv.ToString());

        Assert.Equal(["line 10002: amount: 'abc' is not an amount in yuan such as 129.90"], result.Lines());
        Assert.Equal(10_001, result.Rows);
    }

    [Fact]
    public async Task SeveralProblems_AreAllListed_WithPhysicalLineNumbers_AfterAQuotedLineBreak()
    {
        const string csv = "order_id,customer_id,placed_at,amount,note\r\n"   // line 1
            + "A1,u9,2026-10-01 10:00:00,x,ok\r\n"                         // line 2: amount
            + "A2,u9,\"2026-10-01 10:00:00\",10,\"two\r\n"                 // line 3: a note over two lines
            + "lines\"\r\n"                                                // line 4
            + "A3,u9,2026-13-01 10:00:00,10,ok\r\n"                        // line 5: month 13
            + "A4,,2026-10-01 10:00:00,10,ok\r\n"                          // line 6: no customer
            + "A5,u9,2026-10-01 10:00:00,10,\"bad\"x\r\n"                  // line 7: text after a closing quote
            + "A6,u9,2026-10-01 10:00:00\r\n"                              // line 8: too few fields
            + "A7,u9,2026-10-01 10:00:00,¥-3,ok\r\n";                      // line 9: negative

        var result = await RejectedAsync(csv);

        Assert.Equal(
        [
            "line 2: amount: 'x' is not an amount in yuan such as 129.90",
            "line 5: placed_at: '2026-13-01 10:00:00' is not a valid timestamp such as 2026-11-03T20:15:00 or 2026-11-03 20:15:00+08:00",
            "line 6: customer_id: is empty; a value is required",
            "line 7: record: text after the closing quote of a quoted field",
            "line 8: record: has a different number of fields than the header (an unquoted comma?)",
            "line 9: amount: '¥-3' is negative; amounts are never negative (a refund is a status)",
        ], result.Lines());
    }

    [Fact]
    public async Task UnclosedQuote_IsReportedOnTheLineItStarts()
    {
        var result = await RejectedAsync("order_id,customer_id,placed_at,amount\nA1,u9,2026-10-01 10:00:00,10\nA2,\"u9,2026-10-01 10:00:00,10\nA3,u9,2026-10-01 10:00:00,10\n");

        Assert.Equal(["line 3: record: a quoted field is never closed"], result.Lines());
    }

    [Fact]
    public async Task UnclosedQuote_BeforeMegabytesOfRows_StopsAtTheRecordLimit_AndNamesTheLine()
    {
        var csv = new StringBuilder("order_id,customer_id,placed_at,amount\nA1,\"u9,2026-10-01 10:00:00,10\n");
        for (var i = 2; i <= 40_000; i++)
        {
            csv.Append($"A{i},u9,2026-10-01 10:00:00,10\n");
        }

        var result = await RejectedAsync(csv.ToString());

        var problem = Assert.Single(result.Problems);
        Assert.Equal((2L, "record"), (problem.Line, problem.Column));
        Assert.StartsWith("a quoted field is never closed", problem.Message);
    }

    [Fact]
    public async Task MoreThan10000Problems_KeepsTheFirst10000_AndCountsTheRest()
    {
        var csv = new StringBuilder("order_id,customer_id,placed_at,amount\n");
        for (var i = 1; i <= 10_005; i++)
        {
            csv.Append($"N{i},c1,2026-10-01 10:00:00,bad\n");
        }

        var result = await RejectedAsync(csv.ToString());

        Assert.Equal(10_000, result.Problems.Count);
        Assert.Equal(5, result.MoreProblems);
        Assert.Equal("line 2: amount: 'bad' is not an amount in yuan such as 129.90", result.Problems[0].ToString());
        Assert.Equal(10_001, result.Problems[^1].Line);
    }

    [Fact]
    public async Task TierRules_WithAGapInRanks_AreRefused_AndNoVersionIsAdded()
    {
        var result = await RejectedAsync("tier,rank,min_spend_12m,discount\nnormal,0,,0.95\ngold,2,8000,0.85\n", ImportKind.TierRules);

        var line = Assert.Single(result.Lines());
        Assert.StartsWith("line 3: rank: rank 2 leaves a gap: rank 1 is missing", line);
        Assert.Equal(0, _db.Count("tier_rule_sets"));
    }

    [Fact]
    public async Task TierRules_WithADiscountOutsideZeroToOne_AreRefused()
    {
        var result = await RejectedAsync("tier,rank,min_orders_12m,discount\nnormal,0,,0\nsilver,1,6,1.2\n", ImportKind.TierRules);

        var lines = result.Lines();
        Assert.Equal(3, lines.Count);
        Assert.StartsWith("line 2: discount: 0 is outside (0, 1]", lines[0]);
        Assert.StartsWith("line 3: discount: 1.2 is outside (0, 1]", lines[1]);
        Assert.StartsWith("line 3: discount: 1.2 is more than the 0 of lower", lines[2]);
    }

    [Fact]
    public async Task DuplicateColumn_ByAlias_IsRefused()
    {
        var result = await RejectedAsync("order_id,订单号,customer_id,placed_at,amount\nA1,A1,u9,2026-10-01 10:00:00,10\n");

        Assert.Equal(["line 1: 订单号: is the same column as order_id (order_id); keep one of them"], result.Lines());
    }
}

public sealed class ImportRejectionTestsOnSqlite() : ImportRejectionTests(DatabaseProvider.Sqlite);

public sealed class ImportRejectionTestsOnPostgres() : ImportRejectionTests(DatabaseProvider.Postgres);
