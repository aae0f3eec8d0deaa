using LiveOps.Core.Data.Entities;

namespace LiveOps.Core.Data.Demo;

/// <summary>The Chinese words the demo shop is written in: nicknames, titles and names.</summary>
internal static class DemoNames
{
    private static readonly string[] Adjectives =
    [
        "快乐的", "爱笑的", "安静的", "勇敢的", "温柔的", "可爱的", "努力的", "佛系", "元气", "慢吞吞的",
        "爱吃", "会飞的", "迷糊的", "认真的", "闪亮的", "小小", "甜甜的", "酷酷的", "早起的", "熬夜的",
    ];

    private static readonly string[] Nouns =
    [
        "小猫", "兔兔", "橘子", "草莓", "奶茶", "柠檬", "月亮", "星星", "云朵", "小鹿",
        "熊猫", "豆豆", "糖糖", "向日葵", "海豚", "小鱼", "芒果", "桃子", "咖啡", "饭团",
        "宝妈", "姐姐", "阿姨", "小王", "小李", "大叔", "小可爱", "吃货", "小仙女", "打工人",
    ];

    private static readonly string[] Given =
    [
        "敏", "静", "丽", "芳", "娜", "婷", "雪", "霞", "燕", "琳", "慧", "欣", "悦", "晨", "阳", "杰", "磊", "涛", "鹏", "浩",
    ];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"];

    public static string Nickname(Random rng)
    {
        var style = rng.Next(10);
        if (style < 5)
        {
            var name = Adjectives[rng.Next(Adjectives.Length)] + Nouns[rng.Next(Nouns.Length)];
            return rng.Next(3) == 0 ? name + rng.Next(1, 1000) : name;
        }
        if (style < 8)
        {
            var prefix = rng.Next(2) == 0 ? "小" : "阿";
            return prefix + Given[rng.Next(Given.Length)] + (rng.Next(4) == 0 ? Given[rng.Next(Given.Length)] : "");
        }
        return Surnames[rng.Next(Surnames.Length)] + Given[rng.Next(Given.Length)] + Given[rng.Next(Given.Length)];
    }

    private static readonly string[] SessionThemes =
    [
        "秋冬新品首发", "宠粉福利夜", "源头工厂直供", "会员专享日", "限时秒杀专场", "家居好物分享", "美妆护肤专场",
        "零食大礼包", "女装上新", "亲子好物推荐", "年货节预热", "周末狂欢夜", "清仓回馈", "品牌日特惠",
    ];

    public static string SessionTitle(Random rng, DateOnly date) =>
        $"{date.Month}月{date.Day}日 {SessionThemes[rng.Next(SessionThemes.Length)]}直播";

    private static readonly string[] GroupThemes = ["宠粉福利群", "老客回购群", "新品尝鲜群", "宝妈交流群", "会员VIP群", "秒杀通知群"];

    private static readonly string[] ContactThemes = ["企微专属客服", "企微会员顾问", "企微售后服务", "企微福利官"];

    public static string AudienceName(AudienceKind kind, int number) => kind == AudienceKind.WechatGroup
        ? $"{GroupThemes[(number - 1) % GroupThemes.Length]}{number}号"
        : $"{ContactThemes[(number - 1) % ContactThemes.Length]}{number}号";

    public static string CampaignName(CampaignType type, DateOnly date) => type switch
    {
        CampaignType.ExclusiveCoupon => $"{date.Month}月群专属满减券",
        CampaignType.HookProduct => $"{date.Month}月9.9元引流爆款",
        CampaignType.LotteryJoin => $"{date.Month}月进群抽奖",
        CampaignType.FlashGroupBuy => $"{date.Month}月限时拼团",
        CampaignType.MemberPresale => $"{date.Month}月会员预售",
        _ => $"{date.Month}月种草内容合集",
    };

    private static readonly string[] PromotionTitles =
    [
        "今晚8点直播间秒杀", "群专属满199减30", "限时拼团最后一天", "会员价提前购", "爆款返场，库存不多", "整点抢券提醒",
    ];

    private static readonly string[] ContentTitles =
    [
        "冬季护肤小技巧", "主播试用心得", "穿搭灵感分享", "好物开箱测评", "本周热销榜单", "粉丝晒单精选",
    ];

    private static readonly string[] ServiceTitles = ["物流发货通知", "售后服务说明", "会员积分到账提醒", "节假日客服安排"];

    public static string PushTitle(Random rng, PushKind kind) => kind switch
    {
        PushKind.Promotion => PromotionTitles[rng.Next(PromotionTitles.Length)],
        PushKind.Content => ContentTitles[rng.Next(ContentTitles.Length)],
        _ => ServiceTitles[rng.Next(ServiceTitles.Length)],
    };
}
