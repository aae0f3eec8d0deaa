using LiveOps.Core.Import;
using LiveOps.Core.Import.Mapping;
using LiveOps.Dashboard.Components.Pages.Data;

namespace LiveOps.Tests.Dashboard.Data;

/// <summary>The editor's model: what it builds is a mapping the engine accepts, and a preset opens in it unchanged.</summary>
public sealed class MappingDraftTests
{
    private static readonly string[] Header = ["InvoiceNo", "StockCode", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"];

    [Fact]
    public void TryBuild_LineItemsWithProductAndSkips_GivesTheContractsExample()
    {
        var draft = new MappingDraft(ImportKind.Orders, Header) { Name = "UCI line items", Lines = LineMode.Sum, TimestampFormats = "yyyy/M/d H:mm:ss\n yyyy/M/d H:mm \n" };
        draft.Field("order_id").Source = FieldSourceKind.Column;
        draft.Field("order_id").Column = "InvoiceNo";
        draft.Field("customer_id").Source = FieldSourceKind.Column;
        draft.Field("customer_id").Column = "CustomerID";
        draft.Field("placed_at").Source = FieldSourceKind.Column;
        draft.Field("placed_at").Column = "InvoiceDate";
        var amount = draft.Field("amount");
        (amount.Source, amount.ProductA, amount.ProductB) = (FieldSourceKind.Product, "Quantity", "UnitPrice");
        (draft.Field("channel").Source, draft.Field("channel").Constant) = (FieldSourceKind.Constant, "live_room");
        draft.SkipEmpty.Add("CustomerID");
        draft.SkipNegative.Add("amount");

        var mapping = draft.TryBuild(out var problems);

        Assert.Empty(problems);
        Assert.NotNull(mapping);
        Assert.Equal(["Quantity", "UnitPrice"], mapping.Fields["amount"].Product);
        Assert.Equal("live_room", mapping.Fields["channel"].Value);
        Assert.Equal(["CustomerID is empty", "amount is negative"], mapping.Skip.Select(s => s.Describe()));
        Assert.Equal(["yyyy/M/d H:mm:ss", "yyyy/M/d H:mm"], mapping.TimestampFormats);
        Assert.Equal(Header, mapping.Detect);
        Assert.NotNull(PresetCatalog.Match(mapping, Header, isPreset: false));
    }

    [Fact]
    public void TryBuild_StatusValueOutsideTheContract_IsRefusedWithWhere()
    {
        var draft = new MappingDraft(ImportKind.Orders, ["单号", "状态"]) { Name = "x" };
        var status = draft.Field("status");
        (status.Source, status.Column) = (FieldSourceKind.Column, "状态");
        status.Values["成功"] = "paid";
        status.Values["在路上"] = "";

        var mapping = draft.TryBuild(out var problems);

        Assert.NotNull(mapping);
        Assert.Empty(problems);
        // A value left unlisted stays out of the map: the import reports it on its line.
        Assert.Equal(["成功"], mapping.Fields["status"].Values!.Keys);
    }

    [Fact]
    public void From_APreset_OpensWithEveryRuleInPlace_AndBuildsTheSameFields()
    {
        var preset = PresetCatalog.Find("douyin-orders")!;

        var draft = MappingDraft.From(preset, [.. preset.Detect, "收件人手机号", "订单状态"]);
        var rebuilt = draft.TryBuild(out var problems);

        Assert.Empty(problems);
        Assert.Equal(LineMode.Sum, draft.Lines);
        Assert.True(draft.Field("customer_id").Hash);
        Assert.Equal("paid", draft.Field("status").Values["已完成"]);
        Assert.Equal(MappingJson.Write(preset with { Detect = [], Description = null }), MappingJson.Write(rebuilt! with { Detect = [] }));
    }
}
