using LiveOps.Core.Data.Entities;

namespace LiveOps.Core.Import;

/// <summary>How a CSV field is checked and stored (storage units as in LiveOpsDbContext).</summary>
public enum FieldType
{
    /// <summary>A string of 1 to 64 characters.</summary>
    Id,
    /// <summary>A customer id (1 to 64 characters) stored as the customer's surrogate key; unknown customers are created.</summary>
    CustomerRef,
    /// <summary>Free text.</summary>
    Text,
    /// <summary>An ISO 8601 timestamp, stored as UTC Unix milliseconds.</summary>
    Instant,
    /// <summary>Decimal yuan, never negative, stored as 1/10000 yuan.</summary>
    Amount,
    /// <summary>A whole number ≥ 0.</summary>
    Count,
    /// <summary>A number ≥ 0 (seconds and the like).</summary>
    Number,
    /// <summary>A plain decimal; its range is checked by the rule that owns it (tier discounts).</summary>
    Decimal,
    /// <summary><c>true</c>/<c>false</c>.</summary>
    Boolean,
    /// <summary>One of the contract spellings of <see cref="FieldSpec.EnumType"/>, stored as its int.</summary>
    Enum,
}

/// <summary>One column of a CSV kind: its contract name, accepted aliases and how it is stored.</summary>
public sealed record FieldSpec(string Name, string SqlColumn, FieldType Type, bool Required = false, string[]? Aliases = null)
{
    public Type? EnumType { get; init; }

    /// <summary>Stored when the field is empty (already in storage form).</summary>
    public object? Default { get; init; }

    public IEnumerable<string> AllNames => Aliases is null ? [Name] : [Name, .. Aliases];
}

/// <summary>A CSV kind of contract §2: its columns and the table it lands in.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Table">The table its rows are written to.</param>
/// <param name="Fields">Its columns, in the order of the table's columns they fill.</param>
/// <param name="KeyColumn">The id column rows are upserted by; null for events, which are keyed by all their fields.</param>
public sealed record KindSpec(ImportKind Kind, string Table, string? KeyColumn, IReadOnlyList<FieldSpec> Fields);

/// <summary>
/// The columns of every kind, with the Chinese headers that shop backends and WeCom exports use.
/// Headers match case-insensitively; unknown columns are ignored.
/// </summary>
public static class ImportSchemas
{
    private static readonly string[] CustomerIdAliases = ["客户ID", "买家ID", "用户ID", "会员ID", "客户编号", "买家编号"];

    private static FieldSpec EnumField<T>(string name, string column, bool required = false, string[]? aliases = null, T? fallback = null)
        where T : struct, Enum =>
        new(name, column, FieldType.Enum, required, aliases)
        {
            EnumType = typeof(T),
            Default = fallback is null ? null : Convert.ToInt32(fallback.Value, System.Globalization.CultureInfo.InvariantCulture),
        };

    private static readonly Dictionary<ImportKind, KindSpec> Specs = new KindSpec[]
    {
        new(ImportKind.Customers, "customers", "CustomerId",
        [
            new("customer_id", "CustomerId", FieldType.Id, true, CustomerIdAliases),
            new("nickname", "Nickname", FieldType.Text, false, ["昵称", "客户昵称", "买家昵称", "微信昵称"]),
            new("acquired_at", "AcquiredAt", FieldType.Instant, false, ["获客时间", "首次访问时间", "注册时间"]),
            EnumField<AcquisitionChannel>("acquisition_channel", "AcquisitionChannel", aliases: ["获客渠道", "来源渠道"]),
            new("joined_private_at", "JoinedPrivateAt", FieldType.Instant, false, ["入群时间", "加好友时间", "加入私域时间"]),
            new("private_audience_id", "PrivateAudienceId", FieldType.Id, false, ["私域群ID", "所在群ID", "群ID"]),
        ]),
        new(ImportKind.Orders, "orders", "OrderId",
        [
            new("order_id", "OrderId", FieldType.Id, true, ["订单号", "订单编号", "订单ID"]),
            new("customer_id", "CustomerKey", FieldType.CustomerRef, true, CustomerIdAliases),
            new("placed_at", "PlacedAt", FieldType.Instant, true, ["下单时间", "订单创建时间", "创建时间"]),
            new("amount", "Amount", FieldType.Amount, true, ["实付金额", "实付款", "支付金额", "订单金额"]),
            EnumField("status", "Status", aliases: ["订单状态", "状态"], fallback: (OrderStatus?)OrderStatus.Paid),
            EnumField<OrderChannel>("channel", "Channel", aliases: ["下单渠道", "订单来源", "渠道"]),
            new("campaign_id", "CampaignId", FieldType.Id, false, ["活动ID", "活动编号"]),
            new("live_session_id", "LiveSessionId", FieldType.Id, false, ["直播场次ID", "场次ID", "直播ID"]),
        ]),
        new(ImportKind.Audiences, "audiences", "AudienceId",
        [
            new("audience_id", "AudienceId", FieldType.Id, true, ["群ID", "社群ID", "人群ID"]),
            new("name", "Name", FieldType.Text, true, ["群名称", "社群名称", "名称"]),
            EnumField<AudienceKind>("kind", "Kind", aliases: ["群类型", "类型"]),
            new("member_count", "MemberCount", FieldType.Count, false, ["成员数", "群人数", "人数"]),
        ]),
        new(ImportKind.AudienceEvents, "audience_events", null,
        [
            new("audience_id", "AudienceId", FieldType.Id, true, ["群ID", "社群ID", "人群ID"]),
            new("customer_id", "CustomerKey", FieldType.CustomerRef, true, CustomerIdAliases),
            new("at", "At", FieldType.Instant, true, ["时间", "发生时间", "变动时间"]),
            EnumField<AudienceEventType>("event", "Event", true, ["事件", "变动类型"]),
        ]),
        new(ImportKind.Pushes, "pushes", "PushId",
        [
            new("push_id", "PushId", FieldType.Id, true, ["推送ID", "消息ID"]),
            new("audience_id", "AudienceId", FieldType.Id, true, ["群ID", "社群ID", "人群ID"]),
            new("sent_at", "SentAt", FieldType.Instant, true, ["发送时间", "推送时间"]),
            EnumField<PushKind>("kind", "Kind", true, ["推送类型", "类型"]),
            new("campaign_id", "CampaignId", FieldType.Id, false, ["活动ID", "活动编号"]),
            new("title", "Title", FieldType.Text, false, ["标题", "推送标题"]),
            new("reached", "Reached", FieldType.Count, false, ["触达人数", "送达人数"]),
            new("clicked", "Clicked", FieldType.Count, false, ["点击人数"]),
        ]),
        new(ImportKind.Campaigns, "campaigns", "CampaignId",
        [
            new("campaign_id", "CampaignId", FieldType.Id, true, ["活动ID", "活动编号"]),
            new("name", "Name", FieldType.Text, true, ["活动名称", "名称"]),
            EnumField<CampaignType>("type", "Type", true, ["活动类型", "类型"]),
            new("starts_at", "StartsAt", FieldType.Instant, true, ["开始时间", "活动开始时间"]),
            new("ends_at", "EndsAt", FieldType.Instant, false, ["结束时间", "活动结束时间"]),
            new("cost", "Cost", FieldType.Amount, false, ["成本", "活动成本", "费用"]),
            new("attribution_days", "AttributionDays", FieldType.Count, false, ["归因天数"]) { Default = 7L },
        ]),
        new(ImportKind.CampaignEvents, "campaign_events", null,
        [
            new("campaign_id", "CampaignId", FieldType.Id, true, ["活动ID", "活动编号"]),
            new("customer_id", "CustomerKey", FieldType.CustomerRef, true, CustomerIdAliases),
            new("at", "At", FieldType.Instant, true, ["时间", "发生时间"]),
            EnumField<CampaignStage>("stage", "Stage", true, ["阶段", "环节"]),
        ]),
        new(ImportKind.LiveSessions, "live_sessions", "LiveSessionId",
        [
            new("live_session_id", "LiveSessionId", FieldType.Id, true, ["直播场次ID", "场次ID", "直播ID"]),
            new("started_at", "StartedAt", FieldType.Instant, true, ["开播时间", "开始时间"]),
            new("title", "Title", FieldType.Text, false, ["直播标题", "标题"]),
            new("ended_at", "EndedAt", FieldType.Instant, false, ["下播时间", "结束时间"]),
            new("viewers", "Viewers", FieldType.Count, false, ["观看人数", "场观"]),
            new("peak_concurrent", "PeakConcurrent", FieldType.Count, false, ["最高在线", "峰值在线人数", "最高在线人数"]),
            new("avg_watch_seconds", "AvgWatchSeconds", FieldType.Number, false, ["人均观看时长", "平均观看时长(秒)", "人均观看时长(秒)"]),
        ]),
        new(ImportKind.TierRules, "tier_rules", null,
        [
            new("tier", "Tier", FieldType.Id, true, ["等级", "会员等级", "等级名称"]),
            new("rank", "Rank", FieldType.Count, true, ["等级序号", "级别"]),
            new("min_spend_12m", "MinSpend12m", FieldType.Amount, false, ["近12个月消费门槛", "消费门槛"]),
            new("min_orders_12m", "MinOrders12m", FieldType.Count, false, ["近12个月订单门槛", "订单数门槛"]),
            new("discount", "Discount", FieldType.Decimal, true, ["折扣"]),
            new("dedicated_service", "DedicatedService", FieldType.Boolean, false, ["专属客服"]) { Default = 0L },
        ]),
    }.ToDictionary(s => s.Kind);

    public static KindSpec For(ImportKind kind) => Specs[kind];
}
