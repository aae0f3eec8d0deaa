using System.IO.Compression;
using LiveOps.Core.Cohorts;
using LiveOps.Core.Import;
using LiveOps.Core.Import.Mapping;
using LiveOps.Tests.Support;

namespace LiveOps.Tests.Core.Import.Mapping;

/// <summary>
/// The raw UCI Online Retail file (541,909 public line items, CC BY 4.0; see Fixtures/online-retail/SOURCE.md) imports
/// through its preset (quantity × unit price, lines summed per invoice, rows without a customer and negative lines
/// skipped), and the monthly cohort table then matches the published analyses: the Dec-2010 cohort keeps 36.61% in month 1.
/// </summary>
public sealed class OnlineRetailTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new(timeZone: "Europe/London");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task OnlineRetail_ImportsThroughItsPreset_AndDec2010CohortKeeps3661PercentInMonth1()
    {
        using var file = new MemoryStream();
        await using (var gzip = new GZipStream(File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Fixtures", "online-retail", "online_retail.csv.gz")), CompressionMode.Decompress))
        {
            await gzip.CopyToAsync(file);
        }
        file.Position = 0;

        var result = await _db.Get<MappedImportService>().ImportAsync(ImportKind.Orders, file, PresetCatalog.Find("uci-online-retail")!);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems.Take(5)));
        Assert.Equal(541_909, result.RowsRead);
        // 135,080 rows without a customer; of the rest, 8,905 negative lines (returns and cancellations).
        Assert.Equal([135_080L, 8_905L], result.Skipped.Select(s => s.Rows));
        Assert.Equal(4_339, result.NewCustomers);
        var report = await _db.Get<ICohortService>().RunAsync(new CohortQuery());
        var december = report.Groups.Single().Rows.Single(r => r.Cohort.ToString() == "2010-12");
        Assert.Equal(885, december.Size);
        Assert.Equal(324, december.Cells[1]!.Active);
        Assert.Equal(0.3661, Math.Round(december.Cells[1]!.Retention, 4));
    }
}
