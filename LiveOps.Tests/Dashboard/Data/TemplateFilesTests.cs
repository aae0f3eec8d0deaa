using System.Text;
using LiveOps.Core.Import;
using LiveOps.Core.Import.Mapping;
using LiveOps.Dashboard.Components.Pages.Data;
using LiveOps.Tests.Support;

namespace LiveOps.Tests.Dashboard.Data;

/// <summary>The sample file of every kind: Chinese headers where the contract has them, and a file the import takes as it is.</summary>
public sealed class TemplateFilesTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();

    [Fact]
    public void Headers_UseTheChineseColumnNames_WhereTheContractAcceptsThem()
    {
        Assert.Equal("客户ID,昵称,获客时间,获客渠道,入群时间,私域群ID", TemplateFiles.Text(ImportKind.Customers).Split('\n')[0]);
        Assert.StartsWith("订单号,买家ID,下单时间,实付金额,", TemplateFiles.Text(ImportKind.Orders).Split('\n')[0]);
        Assert.Equal([0xEF, 0xBB, 0xBF], TemplateFiles.Bytes(ImportKind.Orders)[..3]);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task EveryTemplate_PassesTheImportCheck_WithoutAMapping(string kind)
    {
        ImportKinds.TryParse(kind, out var parsed);
        using var file = new MemoryStream(TemplateFiles.Bytes(parsed));
        var expectedRows = TemplateFiles.Text(parsed).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;

        var result = await _db.Get<MappedImportService>().PreviewAsync(parsed, file, DataImportFlow.Plain(parsed));

        Assert.Empty(result.Problems);
        Assert.Equal(expectedRows, result.RowsRead);
        Assert.Equal("utf-8", result.Encoding);
    }

    public static TheoryData<string> Kinds() => [.. KindGuide.Kinds.Select(ImportKinds.Name)];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _db.DisposeAsync();
}
