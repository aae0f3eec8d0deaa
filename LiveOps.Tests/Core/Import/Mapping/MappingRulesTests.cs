using System.Globalization;
using LiveOps.Core.Common;
using LiveOps.Core.Import;
using LiveOps.Core.Import.Mapping;

namespace LiveOps.Tests.Core.Import.Mapping;

/// <summary>The mapping format, the values of shop exports and preset detection, without a database.</summary>
public sealed class MappingRulesTests
{
    private static readonly ZoneClock Shanghai = new(TimeProvider.System, "Asia/Shanghai");

    [Fact]
    public void ContractExample_Parses_AndWritesBackTheSameMapping()
    {
        const string json = """
            {
              "kind": "orders",
              "name": "UCI line items",
              "encoding": "auto",
              "fields": {
                "order_id": "InvoiceNo",
                "customer_id": { "column": "手机号", "hash": true },
                "placed_at": "InvoiceDate",
                "amount": { "product": ["Quantity", "UnitPrice"] },
                "status": { "column": "订单状态", "values": { "已完成": "paid", "已发货": "paid", "已关闭": "cancelled", "已退款": "refunded" } },
                "channel": { "value": "live_room" }
              },
              "lines": "sum",
              "skip": [ { "column": "CustomerID", "is": "empty" }, { "field": "amount", "is": "negative" } ],
              "timestampFormats": ["yyyy/M/d H:mm:ss", "yyyy/M/d H:mm"]
            }
            """;

        var mapping = MappingJson.Parse(json);
        var again = MappingJson.Parse(MappingJson.Write(mapping));

        Assert.Equal((ImportKind.Orders, LineMode.Sum, 6, 2), (mapping.Kind, mapping.Lines, mapping.Fields.Count, mapping.Skip.Count));
        Assert.Equal(["Quantity", "UnitPrice"], mapping.Fields["amount"].Product);
        Assert.True(mapping.Fields["customer_id"].Hash);
        Assert.Equal("refunded", mapping.Fields["status"].Values!["已退款"]);
        Assert.Equal(["InvoiceNo", "手机号", "InvoiceDate", "Quantity", "UnitPrice", "订单状态", "CustomerID"], mapping.SourceColumns);
        Assert.Equal(MappingJson.Write(mapping), MappingJson.Write(again));
    }

    [Fact]
    public void WrongMapping_ListsEveryProblem_WithItsPath()
    {
        var e = Assert.Throws<MappingException>(() => MappingJson.Parse("""
            { "kind": "customers", "name": "x", "lines": "sum", "colour": 1,
              "fields": { "customer_id": { "column": "a", "value": "b" }, "acquisition_channel": { "column": "来源", "values": { "直播": "livestream" } } },
              "skip": [ { "field": "nickname", "is": "negative" } ], "timestampFormats": [""] }
            """));

        Assert.Equal(
        [
            "mapping: colour: 'colour' is not a key of a mapping (kind, name, encoding, fields, lines, skip, timestampFormats, detect, description)",
            "mapping: lines: line items are combined into orders only; a customers mapping has no lines",
            "mapping: fields.customer_id: must be a column name, {\"column\": …}, {\"value\": …} or {\"product\": [A, B]}",
            "mapping: fields.acquisition_channel.values: 'livestream' (for '直播') is not one of live_room, short_video, search, ad, referral, other",
            "mapping: skip[0]: 'nickname' is not a number column of customers",
            "mapping: timestampFormats: '' is not a usable date format such as yyyy/M/d H:mm:ss",
        ], e.Problems.Select(p => p.ToString()));
        Assert.Equal("映射：lines：只有订单会合并明细行；customers 映射不能设置 lines", e.Problems[1].Format(CultureInfo.GetCultureInfo("zh-CN")));
    }

    [Theory]
    [InlineData("1,299.00", "1299.00")]
    [InlineData("¥129.90", "129.90")]
    [InlineData("￥12", "12")]
    [InlineData("12.5元", "12.5")]
    [InlineData("１２３．５", "123.5")]
    [InlineData("CNY 1,000", "1000")]
    [InlineData("USD 35.91", "35.91")]
    [InlineData("-3", "-3")]
    [InlineData(" \t88.00 ", "88.00")]
    public void ShopAmounts_ReadAsNumbers(string text, string expected)
    {
        Assert.True(SourceText.TryNumber(text, out var value));
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("2026/11/03 20:15:01", "2026-11-03T12:15:01Z")]
    [InlineData("2026/11/3 20:15", "2026-11-03T12:15:00Z")]
    [InlineData("2026/1/9 8:05:09", "2026-01-09T00:05:09Z")]
    [InlineData("2026-11-03 20:15:00", "2026-11-03T12:15:00Z")]
    [InlineData("2026-11-03T20:15:00+08:00", "2026-11-03T12:15:00Z")]
    [InlineData("２０２６/１１/３ ２０:１５", "2026-11-03T12:15:00Z")]
    public void ShopTimestamps_ReadInTheConfiguredZone(string text, string utc)
    {
        Assert.True(SourceText.TryInstant(text, Shanghai, [], out var instant));
        Assert.Equal(DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture), instant);
    }

    [Fact]
    public void MappingFormats_AreTried_OffsetsIncluded()
    {
        Assert.True(SourceText.TryInstant("2025-10-07 09:50:26 +0200", Shanghai, ["yyyy-MM-dd HH:mm:ss zzz"], out var shopify));
        Assert.True(SourceText.TryInstant("12/15/2025 9:30:33 PM", Shanghai, ["M/d/yyyy h:mm:ss tt"], out var tiktok));
        Assert.False(SourceText.TryInstant("12/15/2025 9:30:33 PM", Shanghai, [], out _));

        Assert.Equal(new DateTimeOffset(2025, 10, 7, 7, 50, 26, TimeSpan.Zero), shopify);
        Assert.Equal(new DateTimeOffset(2025, 12, 15, 13, 30, 33, TimeSpan.Zero), tiktok);
    }

    [Theory]
    [InlineData("\t6917926768823643751", "6917926768823643751")]
    [InlineData("=\"3312345678901234567\"", "3312345678901234567")]
    [InlineData("'75008", "75008")]
    public void IdGuardsOfSpreadsheets_AreRemoved(string text, string clean) => Assert.Equal(clean, SourceText.Clean(text));

    [Theory]
    [InlineData("138****1234", true)]
    [InlineData("张***", true)]
    [InlineData("$$密文", true)]
    [InlineData("t**1", false)]
    [InlineData("13800138000", false)]
    public void MaskedIds_AreRecognised(string id, bool masked) => Assert.Equal(masked, SourceText.IsMasked(id));

    [Fact]
    public void KeyedHash_IsStablePerKey_AndOnePersonWhateverThePhoneSpelling()
    {
        byte[] key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
        byte[] other = [.. Enumerable.Range(2, 32).Select(i => (byte)i)];

        var a = IdHasher.Hash(key, "13800138000");

        Assert.Matches("^[0-9a-f]{64}$", a);
        Assert.Equal(a, IdHasher.Hash(key, "+86 138-0013-8000"));
        Assert.Equal(a, IdHasher.Hash(key, "１３８００１３８０００"));
        Assert.NotEqual(a, IdHasher.Hash(other, "13800138000"));
        Assert.NotEqual(a, IdHasher.Hash(key, "13800138001"));
        Assert.Equal(IdHasher.Hash(key, "sophie@example.com"), IdHasher.Hash(key, " Sophie@Example.COM"));
    }

    [Fact]
    public void Presets_AreDetectedFromTheirHeaderRows()
    {
        string[] Detected(PresetCase c) => [.. PresetCatalog.Detect(c.Export.Header).Select(m => m.Mapping.Name)];

        Assert.Equal("douyin-orders", Detected(PresetFixtures.Douyin)[0]);
        Assert.Equal(["wechat-channels-orders"], Detected(PresetFixtures.WeChatChannels));
        Assert.Equal(["kuaishou-orders"], Detected(PresetFixtures.Kuaishou));
        Assert.Equal(["youzan-orders"], Detected(PresetFixtures.Youzan));
        Assert.Equal(["taobao-orders"], Detected(PresetFixtures.Taobao));
        Assert.Equal(["tiktok-shop-orders"], Detected(PresetFixtures.TikTokShop));
        Assert.Equal(["shopify-orders"], Detected(PresetFixtures.Shopify));
        Assert.Equal(["wecom-customers"], PresetCatalog.Detect(PresetFixtures.WeComCustomers.Header).Select(m => m.Mapping.Name));
        Assert.Equal(["uci-online-retail"], PresetCatalog.Detect(["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"]).Select(m => m.Mapping.Name));
        Assert.Empty(PresetCatalog.Detect(["order_id", "customer_id", "placed_at", "amount"]));
    }

    [Fact]
    public void ReadHeader_ReadsGbkCsvAndXlsx()
    {
        using var gbk = new MemoryStream(PresetFixtures.Taobao.Export.Bytes(ExportFormat.CsvGbk));
        using var xlsx = new MemoryStream(PresetFixtures.Taobao.Export.Bytes(ExportFormat.Xlsx));

        Assert.Equal(PresetFixtures.Taobao.Export.Header, PresetCatalog.ReadHeader(gbk));
        Assert.Equal(PresetFixtures.Taobao.Export.Header, PresetCatalog.ReadHeader(xlsx));
    }

    [Fact]
    public void EveryProblemCode_HasAnEnglishAndAChineseText()
    {
        foreach (var code in ImportText.Codes)
        {
            var args = Enumerable.Range(0, 4).Select(i => $"a{i}").ToArray();
            Assert.NotEqual(ImportText.Format(code, CultureInfo.InvariantCulture, args), ImportText.Format(code, CultureInfo.GetCultureInfo("zh-CN"), args) + (code == "mapping.constant" ? "x" : ""));
        }
    }
}
