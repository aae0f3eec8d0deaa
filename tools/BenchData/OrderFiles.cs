using System.Globalization;
using System.Text;

namespace LiveOps.BenchData;

/// <summary>Order files as shops export them, deterministic for a seed: the benchmarks' million-row files and the tests' small ones.</summary>
public static class OrderFiles
{
    /// <summary>
    /// Orders as a shop export writes them: in time order over a year, mixed timestamp spellings,
    /// ¥ amounts now and then, some quoted fields.
    /// </summary>
    public static void WriteOrders(string path, int rows, int customers, int seed)
    {
        var random = new Random(seed);
        var start = new DateTime(2025, 11, 1, 0, 0, 0);
        string[] statuses = ["paid", "paid", "paid", "paid", "paid", "paid", "paid", "paid", "refunded", "cancelled"];
        string[] channels = ["live_room", "private_group", "mini_program", "shop", "other"];
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("order_id,customer_id,placed_at,amount,status,channel,campaign_id,live_session_id\n");
        var line = new StringBuilder(128);
        var step = 365.0 * 24 * 3600 / rows;
        for (var i = 0; i < rows; i++)
        {
            var at = start.AddSeconds(Math.Floor(i * step) + random.Next(0, 60));
            var units = random.Next(990, 99_900);
            line.Clear();
            line.Append(CultureInfo.InvariantCulture, $"A{i + 1:D8},c{random.Next(1, customers + 1):D6},");
            line.Append(at.ToString((i % 4) switch
            {
                0 => "yyyy-MM-dd HH:mm:ss",
                1 => "yyyy-MM-dd'T'HH:mm:ss",
                2 => "yyyy-MM-dd'T'HH:mm:ss'+08:00'",
                _ => "yyyy-MM-dd HH:mm",
            }, CultureInfo.InvariantCulture));
            line.Append(CultureInfo.InvariantCulture, $",{(i % 3 == 0 ? "¥" : "")}{units / 100}.{units % 100:D2},{statuses[random.Next(statuses.Length)]},{channels[random.Next(channels.Length)]},");
            line.Append(i % 7 == 0 ? $"k-{random.Next(1, 40)}" : "");
            line.Append(',');
            line.Append(i % 5 == 0 ? $"\"ls-{random.Next(1, 300)}\"" : "");
            line.Append('\n');
            writer.Write(line);
        }
    }

    /// <summary>Writes the data lines of <paramref name="source"/> in a seeded random order under the same header.</summary>
    public static void Shuffle(string source, string target, int seed)
    {
        var lines = File.ReadAllLines(source);
        var random = new Random(seed);
        random.Shuffle(lines.AsSpan(1));
        using var writer = new StreamWriter(target, false, new UTF8Encoding(false), 1 << 16);
        foreach (var line in lines)
        {
            writer.Write(line);
            writer.Write('\n');
        }
    }

    /// <summary>A 抖店 sub-order export: 1–4 lines per order (2.5 on average), ids guarded with a tab, slash dates, Chinese statuses.</summary>
    public static int WriteDouyinExport(string path, int lines, int customers, int seed)
    {
        var random = new Random(seed);
        string[] statuses = ["已完成", "已完成", "已完成", "已完成", "已发货", "待发货", "已关闭"];
        string[] products = ["辣丝丝", "羊绒围巾", "桂花乌龙", "空气炸锅", "真丝睡衣"];
        using var writer = new StreamWriter(path, false, new UTF8Encoding(true), 1 << 16);
        writer.Write("主订单编号,子订单编号,选购商品,商品规格,商品数量,商品ID,商家编码,商品单价,订单应付金额,运费,收件人,收件人手机号,详细地址,买家留言,订单提交时间,支付完成时间,订单状态,售后状态,取消原因,达人ID,达人昵称\n");
        var start = new DateTime(2025, 11, 1);
        var line = new StringBuilder(256);
        var written = 0;
        var orders = 0;
        var step = 365.0 * 24 * 3600 / (lines / 2.5);
        while (written < lines)
        {
            var order = 6917926768800000000L + orders;
            var items = Math.Min(lines - written, random.Next(1, 5));
            var at = start.AddSeconds(Math.Floor(orders * step) + random.Next(0, 60)).ToString("yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture);
            var phone = 13000000000L + random.Next(1, customers + 1);
            var status = statuses[random.Next(statuses.Length)];
            for (var i = 0; i < items; i++)
            {
                var units = random.Next(990, 129_900);
                var amount = (units / 100m).ToString(units >= 100_000 ? "#,##0.00" : "0.00", CultureInfo.InvariantCulture);
                line.Clear();
                line.Append(CultureInfo.InvariantCulture, $"\"\t{order}\",\"\t{order * 10 + i}\",\"\t{products[i % products.Length]}\",\"\t1件\",1,\"\t{3004000 + i}\",\"\t30040000{i}\",");
                line.Append(CultureInfo.InvariantCulture, $"\"{amount}\",\"{amount}\",0.00,##密文,{phone},##密文,-,{at},{at},{status},-,,\"\t7592255573464597541\",黄飞\n");
                writer.Write(line);
                written++;
            }
            orders++;
        }
        return orders;
    }
}
