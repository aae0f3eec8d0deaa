using LiveOps.Core.Data.Entities;

namespace LiveOps.Tests.Core.Import.Mapping;

/// <summary>An order as a preset must store it: amount in yuan, status, time in Asia/Shanghai (or as the export gave its offset).</summary>
public sealed record ExpectedOrder(string OrderId, decimal Amount, OrderStatus Status, DateTimeOffset PlacedAt, string Buyer);

/// <summary>A realistic export of one platform, and what importing it through its preset must store.</summary>
public sealed record PresetCase(string Preset, ShopExport Export, ExpectedOrder[] Orders, long RowsRead, long Skipped)
{
    public override string ToString() => Preset;
}

/// <summary>
/// One export per preset, written with that platform's real header row, status words and quirks (ids guarded with a
/// tab or <c>="…"</c>, <c>1,258.00</c>, slash dates, Chinese status words, order totals repeated on every line,
/// order fields left blank on an order's later rows, offsets in timestamps).
/// </summary>
public static class PresetFixtures
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);

    private static DateTimeOffset At(int month, int day, int hour, int minute, int second = 0, int year = 2026) =>
        new(year, month, day, hour, minute, second, Cst);

    private static DateTime Local(int month, int day, int hour, int minute, int second = 0, int year = 2026) =>
        new(year, month, day, hour, minute, second);

    public const string PhoneA = "13800138000";
    public const string PhoneB = "13911112222";

    public static readonly PresetCase Douyin = new("douyin-orders",
        new ShopExport(
            ["主订单编号", "子订单编号", "选购商品", "商品规格", "商品数量", "商品ID", "商家编码", "商品单价", "订单应付金额", "运费", "收件人", "收件人手机号", "详细地址", "买家留言", "订单提交时间", "支付完成时间", "订单状态", "售后状态", "取消原因", "达人ID", "达人昵称"],
            [
                ["\t6917926768823643751", "\t6917926768823643752", "\t辣丝丝", "\t1袋", 1, "\t3004000", "\t300400008", 28.90m, 28.90m, 0m, "张三", PhoneA, "北京市朝阳区", "-", Local(11, 3, 20, 15, 1), Local(11, 3, 20, 15, 30), "已完成", "-", "", "\t7592255573464597541", "黄飞"],
                ["\t6917926768823643751", "\t6917926768823643753", "\t羊绒围巾", "\t灰色", 1, "\t3004001", "\t300400009", "1,258.00", "1,258.00", 0m, "张三", PhoneA, "北京市朝阳区", "-", Local(11, 3, 20, 15, 1), Local(11, 3, 20, 15, 30), "已完成", "-", "", "\t7592255573464597541", "黄飞"],
                ["\t6917926768823643760", "\t6917926768823643760", "\t辣丝丝", "\t3袋", 3, "\t3004000", "\t300400008", 28.90m, 79.90m, 0m, "李四", PhoneB, "上海市静安区", "-", Local(11, 4, 9, 2, 0), "", "已关闭", "-", "超时未支付", "\t7592255573464597541", "黄飞"],
                ["\t6917926768823643770", "\t6917926768823643770", "\t赠品", "\t-", 1, "\t3004002", "\t300400010", 0m, 0m, 0m, "张三", PhoneA, "北京市朝阳区", "-", Local(11, 20, 21, 0, 5), Local(11, 20, 21, 0, 9), "待发货", "-", "", "-", "-"],
            ],
            TimeFormat: "yyyy/MM/dd HH:mm:ss"),
        [
            new("6917926768823643751", 1286.90m, OrderStatus.Paid, At(11, 3, 20, 15, 1), PhoneA),
            new("6917926768823643760", 79.90m, OrderStatus.Cancelled, At(11, 4, 9, 2), PhoneB),
            new("6917926768823643770", 0m, OrderStatus.Paid, At(11, 20, 21, 0, 5), PhoneA),
        ],
        RowsRead: 4, Skipped: 0);

    public static readonly PresetCase WeChatChannels = new("wechat-channels-orders",
        new ShopExport(
            ["订单号", "订单下单时间", "订单发货时间", "订单状态", "收件人姓名", "收件人地址", "收件人手机", "商品总价", "订单实际支付金额", "订单运费", "支付时间", "带货账号昵称", "商品名称", "商品编码(平台)", "商品价格(单件)", "商品实际价格(总共)", "商品数量", "商品售后", "商品已退款金额"],
            [
                ["3719283746501234567", Local(11, 5, 19, 30, 12), Local(11, 6, 10, 0), "已完成", "王五", "广州市天河区", PhoneA, 239.00m, 219.00m, 0m, Local(11, 5, 19, 30, 40), "好物小铺", "桂花乌龙", "10000012", 119.00m, 109.50m, 1, "", 0m],
                ["3719283746501234567", Local(11, 5, 19, 30, 12), Local(11, 6, 10, 0), "已完成", "王五", "广州市天河区", PhoneA, 239.00m, 219.00m, 0m, Local(11, 5, 19, 30, 40), "好物小铺", "白茶饼", "10000013", 120.00m, 109.50m, 1, "", 0m],
                ["3719283746501239999", Local(11, 8, 8, 1, 0), "", "已取消", "赵六", "深圳市南山区", PhoneB, 59.00m, 59.00m, 0m, "", "", "桂花乌龙", "10000012", 59.00m, 59.00m, 1, "", 0m],
            ]),
        [
            new("3719283746501234567", 219.00m, OrderStatus.Paid, At(11, 5, 19, 30, 12), PhoneA),
            new("3719283746501239999", 59.00m, OrderStatus.Cancelled, At(11, 8, 8, 1), PhoneB),
        ],
        RowsRead: 3, Skipped: 0);

    public static readonly PresetCase Kuaishou = new("kuaishou-orders",
        new ShopExport(
            ["订单号", "订单创建时间", "订单支付时间", "订单状态", "实付款", "快递费", "成交数量", "商品名称", "商品ID", "商品单价", "CPS达人ID", "CPS达人昵称", "收货人姓名", "收货人电话", "收货地址"],
            [
                ["\t2411031234567890", Local(11, 3, 12, 0, 1), Local(11, 3, 12, 0, 30), "交易成功", "1,099.00", 0m, 1, "空气炸锅", "\t21774411", 1099.00m, "\t88001", "小美", "钱七", PhoneB, "杭州市西湖区"],
                ["\t2411031234567891", Local(11, 12, 22, 45, 0), "", "交易关闭", 35.50m, 0m, 2, "纸巾", "\t21774412", 17.75m, "", "", "钱七", PhoneB, "杭州市西湖区"],
            ]),
        [
            new("2411031234567890", 1099.00m, OrderStatus.Paid, At(11, 3, 12, 0, 1), PhoneB),
            new("2411031234567891", 35.50m, OrderStatus.Cancelled, At(11, 12, 22, 45), PhoneB),
        ],
        RowsRead: 2, Skipped: 0);

    public static readonly PresetCase Youzan = new("youzan-orders",
        new ShopExport(
            ["订单号", "订单状态", "买家付款时间", "订单实付金额", "全部商品名称", "收货人/提货人", "收货人手机号/提货人手机号", "详细收货地址/提货地址", "买家手机号", "买家昵称"],
            [
                ["E20261105220543065306159", "已发货", Local(11, 5, 22, 5, 57), 99.00m, "益生元饮 7天装(1件)", "Alex", PhoneA, "北京市海淀区", PhoneA, "阿力"],
                // The same buyer written with spaces: one person.
                ["E20261109101010065306160", "交易成功", Local(11, 9, 10, 10, 30), "199", "益生元饮 30天装(1件)", "Alex", PhoneA, "北京市海淀区", "138 0013 8000", "阿力"],
                ["E20261110080000065306161", "待付款", "", 59.00m, "试饮装(1件)", "Lin", PhoneB, "上海市", PhoneB, "林"],
            ]),
        [
            new("E20261105220543065306159", 99.00m, OrderStatus.Paid, At(11, 5, 22, 5, 57), PhoneA),
            new("E20261109101010065306160", 199.00m, OrderStatus.Paid, At(11, 9, 10, 10, 30), PhoneA),
        ],
        RowsRead: 3, Skipped: 1);

    public static readonly PresetCase Taobao = new("taobao-orders",
        new ShopExport(
            ["订单编号", "买家会员名", "买家支付宝账号", "买家应付货款", "买家应付邮费", "总金额", "买家实际支付金额", "订单状态", "买家留言", "收货人姓名", "联系手机", "订单创建时间", "订单付款时间", "宝贝标题", "宝贝种类", "宝贝总数量", "订单关闭原因"],
            [
                ["=\"3312345678901234567\"", "tb_小鹿", "138****0000", 328.00m, 0m, 328.00m, "298.00", "交易成功", "", "小鹿", "138****0000", Local(10, 28, 20, 1, 2), Local(10, 28, 20, 1, 40), "真丝睡衣", 1, 1, ""],
                ["=\"3312345678901234568\"", "鲸鱼同学", "139****2222", 59.90m, 0m, 59.90m, "59.90", "买家已付款，等待卖家发货", "", "鲸鱼", "139****2222", Local(11, 11, 0, 0, 3), Local(11, 11, 0, 0, 20), "发绳", 1, 3, ""],
                ["=\"3312345678901234569\"", "tb_小鹿", "138****0000", 88.00m, 0m, 88.00m, "0.00", "交易关闭", "", "小鹿", "138****0000", Local(11, 12, 9, 0, 0), "", "袜子", 1, 2, "买家未付款"],
            ]),
        [
            new("3312345678901234567", 298.00m, OrderStatus.Paid, At(10, 28, 20, 1, 2), "tb_小鹿"),
            new("3312345678901234568", 59.90m, OrderStatus.Paid, At(11, 11, 0, 0, 3), "鲸鱼同学"),
            new("3312345678901234569", 0m, OrderStatus.Cancelled, At(11, 12, 9, 0), "tb_小鹿"),
        ],
        RowsRead: 3, Skipped: 0);

    public static readonly PresetCase TikTokShop = new("tiktok-shop-orders",
        new ShopExport(
            ["Order ID", "Order Status", "Order Substatus", "Cancelation/Return Type", "SKU ID", "Seller SKU", "Product Name", "Quantity", "SKU Unit Original Price", "SKU Subtotal After Discount", "Order Amount", "Order Refund Amount", "Created Time", "Paid Time", "Buyer Username", "Recipient", "Phone #"],
            [
                ["576461413261381234", "Completed", "Delivered", "", "1729384756", "TEA-01", "Osmanthus Oolong", 2, 12.50m, 25.00m, 35.91m, 0m, Local(12, 15, 9, 30, 33, 2025), Local(12, 15, 9, 31, 0, 2025), "leafy.lee", "Lee", "(+1)213*****12"],
                ["576461413261381234", "Completed", "Delivered", "", "1729384757", "CUP-02", "Tea cup", 1, 10.91m, 10.91m, 35.91m, 0m, Local(12, 15, 9, 30, 33, 2025), Local(12, 15, 9, 31, 0, 2025), "leafy.lee", "Lee", "(+1)213*****12"],
                ["576461413261385678", "Canceled", "Canceled", "Cancel", "1729384756", "TEA-01", "Osmanthus Oolong", 1, 12.50m, 12.50m, 12.50m, 0m, Local(12, 16, 14, 5, 0, 2025), "", "mochi_cat", "Kim", "(+1)415*****88"],
            ],
            TimeFormat: "MM/dd/yyyy h:mm:ss tt"),
        [
            new("576461413261381234", 35.91m, OrderStatus.Paid, At(12, 15, 9, 30, 33, 2025), "leafy.lee"),
            new("576461413261385678", 12.50m, OrderStatus.Cancelled, At(12, 16, 14, 5, 0, 2025), "mochi_cat"),
        ],
        RowsRead: 3, Skipped: 0);

    public static readonly PresetCase Shopify = new("shopify-orders",
        new ShopExport(
            ["Name", "Email", "Financial Status", "Paid at", "Fulfillment Status", "Currency", "Subtotal", "Shipping", "Taxes", "Total", "Discount Code", "Created at", "Lineitem quantity", "Lineitem name", "Lineitem price", "Lineitem sku", "Billing Name", "Id", "Tags"],
            [
                ["#1001", "sophie@example.com", "paid", "2025-10-07 09:50:26 +0200", "fulfilled", "EUR", 104.70m, 0m, 0m, 94.23m, "WELCOME10", "2025-10-07 09:50:26 +0200", 3, "Masque au Bio-Collagène", 34.90m, "MBC-1", "Sophie Martin", "7410991464714", "vip"],
                // Shopify leaves order-level fields blank on an order's later rows.
                ["#1001", "sophie@example.com", "", "", "", "", "", "", "", "", "", "2025-10-07 09:50:26 +0200", 1, "Sérum", 0m, "SER-1", "", "", ""],
                ["#1002", "Sophie@Example.com", "refunded", "2025-10-09 18:00:00 +0200", "", "EUR", 39.90m, 0m, 0m, 39.90m, "", "2025-10-09 18:00:00 +0200", 1, "Crème", 39.90m, "CRE-1", "Sophie Martin", "7410991464799", ""],
            ]),
        [
            new("#1001", 94.23m, OrderStatus.Paid, new DateTimeOffset(2025, 10, 7, 9, 50, 26, TimeSpan.FromHours(2)), "sophie@example.com"),
            new("#1002", 39.90m, OrderStatus.Refunded, new DateTimeOffset(2025, 10, 9, 18, 0, 0, TimeSpan.FromHours(2)), "sophie@example.com"),
        ],
        RowsRead: 3, Skipped: 0);

    public static readonly PresetCase[] Orders = [Douyin, WeChatChannels, Kuaishou, Youzan, Taobao, TikTokShop, Shopify];

    /// <summary>A WeCom customer list: one row per (customer, staff member who added them); rows without a phone are skipped.</summary>
    public static readonly ShopExport WeComCustomers = new(
        ["客户名称", "客户类型", "添加人", "添加人所在部门", "添加时间", "添加渠道", "企业标签", "备注", "手机号"],
        [
            ["小鹿", "微信", "运营-阿杰", "私域运营部", Local(11, 6, 21, 0, 0), "扫描渠道二维码", "直播间粉丝,高客单", "老客", PhoneA],
            ["鲸鱼", "微信", "运营-小雨", "私域运营部", Local(11, 7, 9, 30, 0), "搜索手机号", "新客", "", ""],
            ["木木", "微信", "运营-小雨", "私域运营部", Local(11, 9, 12, 0, 0), "扫描渠道二维码", "", "", "+86 139 1111 2222"],
        ]);
}
