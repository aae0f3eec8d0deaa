using LiveOps.Core.Import;

namespace LiveOps.Dashboard.Components.Pages.Data;

/// <summary>What a cell holds, shown as a localized hint (<c>Data.Format.*</c>).</summary>
public enum ColumnFormat { Id, Text, Time, Amount, Count, Number, Discount, Bool, Choice }

/// <summary>One CSV column of a kind as contract §2 lists it.</summary>
public sealed record ColumnGuide(string Name, bool Required, ColumnFormat Format, string? Alias = null, string? Values = null);

/// <summary>The columns of each import kind, so an operator knows what to upload before trying.</summary>
public static class KindGuide
{
    public static IReadOnlyList<ColumnGuide> Columns(ImportKind kind) => kind switch
    {
        ImportKind.Customers =>
        [
            new("customer_id", true, ColumnFormat.Id, "客户ID"),
            new("nickname", false, ColumnFormat.Text, "昵称"),
            new("acquired_at", false, ColumnFormat.Time),
            new("acquisition_channel", false, ColumnFormat.Choice, Values: "live_room, short_video, search, ad, referral, other"),
            new("joined_private_at", false, ColumnFormat.Time, "入群时间"),
            new("private_audience_id", false, ColumnFormat.Id),
        ],
        ImportKind.Orders =>
        [
            new("order_id", true, ColumnFormat.Id, "订单号"),
            new("customer_id", true, ColumnFormat.Id, "买家ID"),
            new("placed_at", true, ColumnFormat.Time, "下单时间"),
            new("amount", true, ColumnFormat.Amount, "实付金额"),
            new("status", false, ColumnFormat.Choice, Values: "paid, refunded, cancelled"),
            new("channel", false, ColumnFormat.Choice, Values: "live_room, private_group, mini_program, shop, other"),
            new("campaign_id", false, ColumnFormat.Id),
            new("live_session_id", false, ColumnFormat.Id),
        ],
        ImportKind.Audiences =>
        [
            new("audience_id", true, ColumnFormat.Id),
            new("name", true, ColumnFormat.Text),
            new("kind", false, ColumnFormat.Choice, Values: "wechat_group, wecom_contacts, segment"),
            new("member_count", false, ColumnFormat.Count),
        ],
        ImportKind.AudienceEvents =>
        [
            new("audience_id", true, ColumnFormat.Id),
            new("customer_id", true, ColumnFormat.Id),
            new("at", true, ColumnFormat.Time),
            new("event", true, ColumnFormat.Choice, Values: "joined, left"),
        ],
        ImportKind.Pushes =>
        [
            new("push_id", true, ColumnFormat.Id),
            new("audience_id", true, ColumnFormat.Id),
            new("sent_at", true, ColumnFormat.Time),
            new("kind", true, ColumnFormat.Choice, Values: "promotion, content, service"),
            new("campaign_id", false, ColumnFormat.Id),
            new("title", false, ColumnFormat.Text),
            new("reached", false, ColumnFormat.Count),
            new("clicked", false, ColumnFormat.Count),
        ],
        ImportKind.Campaigns =>
        [
            new("campaign_id", true, ColumnFormat.Id),
            new("name", true, ColumnFormat.Text),
            new("type", true, ColumnFormat.Choice, Values: "exclusive_coupon, hook_product, lottery_join, flash_group_buy, member_presale, content"),
            new("starts_at", true, ColumnFormat.Time),
            new("ends_at", false, ColumnFormat.Time),
            new("cost", false, ColumnFormat.Amount),
            new("attribution_days", false, ColumnFormat.Count, Values: "7"),
        ],
        ImportKind.CampaignEvents =>
        [
            new("campaign_id", true, ColumnFormat.Id),
            new("customer_id", true, ColumnFormat.Id),
            new("at", true, ColumnFormat.Time),
            new("stage", true, ColumnFormat.Choice, Values: "exposed, clicked, joined, claimed, redeemed"),
        ],
        ImportKind.LiveSessions =>
        [
            new("live_session_id", true, ColumnFormat.Id),
            new("started_at", true, ColumnFormat.Time),
            new("title", false, ColumnFormat.Text),
            new("ended_at", false, ColumnFormat.Time),
            new("viewers", false, ColumnFormat.Count),
            new("peak_concurrent", false, ColumnFormat.Count),
            new("avg_watch_seconds", false, ColumnFormat.Number),
        ],
        ImportKind.TierRules =>
        [
            new("tier", true, ColumnFormat.Text),
            new("rank", true, ColumnFormat.Count),
            new("min_spend_12m", false, ColumnFormat.Amount),
            new("min_orders_12m", false, ColumnFormat.Count),
            new("discount", true, ColumnFormat.Discount),
            new("dedicated_service", false, ColumnFormat.Bool, Values: "true, false"),
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kinds in the order an operator usually loads them: people and places before what refers to them.</summary>
    public static readonly IReadOnlyList<ImportKind> Kinds =
    [
        ImportKind.Customers, ImportKind.Orders, ImportKind.Audiences, ImportKind.AudienceEvents, ImportKind.Pushes,
        ImportKind.Campaigns, ImportKind.CampaignEvents, ImportKind.LiveSessions, ImportKind.TierRules,
    ];
}
