using LiveOps.Core.Data.Entities;
using LiveOps.Core.Store;
using LiveOps.Core.Import;
using LiveOps.Core.Import.Mapping;
using LiveOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace LiveOps.Tests.Core.Import.Mapping;

/// <summary>
/// Every preset imports a realistic export of its platform, as CSV in GBK, UTF-8 and UTF-8 with a BOM, and as .xlsx:
/// line items combined, status words translated, buyers stored only as keyed hashes.
/// </summary>
public abstract class PresetImportTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly TestDatabase _db = new(provider: provider);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _db.DisposeAsync();

    public static TheoryData<string, ExportFormat> Cases()
    {
        var data = new TheoryData<string, ExportFormat>();
        foreach (var preset in PresetFixtures.Orders)
        {
            foreach (var format in Enum.GetValues<ExportFormat>())
            {
                data.Add(preset.Preset, format);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Preset_ImportsItsPlatformsExport(string preset, ExportFormat format)
    {
        var fixture = PresetFixtures.Orders.Single(p => p.Preset == preset);
        var bytes = fixture.Export.Bytes(format);

        var result = await _db.MappedImportAsync(ImportKind.Orders, bytes, preset);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(format == ExportFormat.Xlsx ? SourceFormat.Xlsx : SourceFormat.Csv, result.Format);
        // GBK bytes of a file that is all ASCII are valid UTF-8 too, and read as such.
        var ascii = fixture.Export.Csv().All(char.IsAscii);
        Assert.Equal(format switch { ExportFormat.CsvGbk when !ascii => "gb18030", ExportFormat.Xlsx => null, _ => "utf-8" }, result.Encoding);
        Assert.Equal((fixture.RowsRead, fixture.Skipped, (long)fixture.Orders.Length), (result.RowsRead, result.SkippedRows, result.Records));
        var hash = await _db.Get<IdHasher>().HasherAsync(CancellationToken.None);
        await using var context = _db.NewContext();
        var customers = await context.Customers.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.CustomerId);
        var stored = await context.Orders.AsNoTracking().ToDictionaryAsync(o => o.OrderId);
        Assert.Equal(fixture.Orders.Select(o => o.OrderId).Order(), stored.Keys.Order());
        foreach (var expected in fixture.Orders)
        {
            var order = stored[expected.OrderId];
            Assert.Equal((expected.Amount, expected.Status, expected.PlacedAt.ToUniversalTime()), (order.Amount, order.Status, order.PlacedAt.ToUniversalTime()));
            Assert.Equal(hash(expected.Buyer), customers[order.CustomerKey]);
        }
        Assert.Equal(fixture.Orders.Select(o => IdHasher.Normalize(o.Buyer)).Distinct().Count(), customers.Count);
        // The buyer's own id (a phone number, a member name, an email) is stored nowhere.
        var snapshot = _db.Snapshot();
        Assert.All(fixture.Orders, o => Assert.DoesNotContain(o.Buyer, snapshot, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task SameFileTwice_ChangesNothing()
    {
        var bytes = PresetFixtures.Douyin.Export.Bytes(ExportFormat.CsvGbk);
        var first = await _db.MappedImportAsync(ImportKind.Orders, bytes, "douyin-orders");
        var before = _db.Snapshot();

        var second = await _db.MappedImportAsync(ImportKind.Orders, bytes, "douyin-orders");

        Assert.Equal((3L, 0L), (first.Written!.Added, first.Written.Updated));
        Assert.Equal((0L, 0L, 3L), (second.Written!.Added, second.Written.Updated, second.Written.Unchanged));
        Assert.Equal(before, _db.Snapshot());
    }

    [Fact]
    public async Task WeComCustomerList_SetsTheJoinTimeOfTheBuyerWithThatPhone()
    {
        await _db.MappedImportAsync(ImportKind.Orders, PresetFixtures.Douyin.Export.Bytes(ExportFormat.CsvUtf8Bom), "douyin-orders");

        var result = await _db.MappedImportAsync(ImportKind.Customers, PresetFixtures.WeComCustomers.Bytes(ExportFormat.Xlsx), "wecom-customers");

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal((3L, 1L, 2L), (result.RowsRead, result.SkippedRows, result.Records));
        Assert.Equal("手机号 is empty", result.Skipped.Single().Rule.Describe());
        var hash = await _db.Get<IdHasher>().HasherAsync(CancellationToken.None);
        await using var context = _db.NewContext();
        var customers = await context.Customers.AsNoTracking().ToDictionaryAsync(c => c.CustomerId);
        Assert.Equal(2, customers.Count); // the WeCom contacts are the two Douyin buyers, not new people
        Assert.Equal(new DateTimeOffset(2026, 11, 6, 21, 0, 0, TimeSpan.FromHours(8)), customers[hash(PresetFixtures.PhoneA)].JoinedPrivateAt);
        Assert.Equal("小鹿", customers[hash(PresetFixtures.PhoneA)].Nickname);
        Assert.Equal(new DateTimeOffset(2026, 11, 9, 12, 0, 0, TimeSpan.FromHours(8)), customers[hash(PresetFixtures.PhoneB)].JoinedPrivateAt);
    }

    [Fact]
    public async Task Preview_CountsNewAndKnownCustomers_AndShowsTheFirstRecordsAsStored()
    {
        await _db.ImportBaselineAsync();
        var hash = await _db.Get<IdHasher>().HasherAsync(CancellationToken.None);
        await _db.ImportTextAsync(ImportKind.Customers, $"customer_id\n{hash(PresetFixtures.PhoneB)}\n");
        var before = _db.Snapshot();

        var preview = await _db.MappedPreviewAsync(ImportKind.Orders, PresetFixtures.Douyin.Export.Bytes(ExportFormat.CsvGbk), "douyin-orders");

        Assert.True(preview.Succeeded, string.Join("\n", preview.Problems));
        Assert.True(preview.DryRun);
        Assert.Null(preview.Written);
        Assert.Equal((1L, 1L), (preview.NewCustomers, preview.KnownCustomers));
        Assert.Equal(["order_id", "customer_id", "placed_at", "amount", "status", "channel", "campaign_id", "live_session_id"], preview.Columns);
        Assert.Equal(["6917926768823643751", hash(PresetFixtures.PhoneA), "2026-11-03T12:15:01Z", "1286.90", "paid", "live_room", null, null], preview.FirstRecords[0]);
        Assert.Equal(before, _db.Snapshot());
    }
}

public sealed class PresetImportTestsOnSqlite() : PresetImportTests(DatabaseProvider.Sqlite);

public sealed class PresetImportTestsOnPostgres() : PresetImportTests(DatabaseProvider.Postgres);
