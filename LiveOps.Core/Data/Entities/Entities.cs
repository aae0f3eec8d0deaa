namespace LiveOps.Core.Data.Entities;

// Every table has an integer surrogate key (SQLite rowid) and, where the contract keys rows
// by an id, a unique index on it. Instants are UTC; see LiveOpsDbContext for their storage.

public sealed class Customer
{
    public int Id { get; set; }
    public required string CustomerId { get; set; }
    public string? Nickname { get; set; }
    public DateTimeOffset? AcquiredAt { get; set; }
    public AcquisitionChannel? AcquisitionChannel { get; set; }
    public DateTimeOffset? JoinedPrivateAt { get; set; }
    public string? PrivateAudienceId { get; set; }
}

public sealed class Order
{
    public int Id { get; set; }
    public required string OrderId { get; set; }
    public int CustomerKey { get; set; }
    public DateTimeOffset PlacedAt { get; set; }
    public decimal Amount { get; set; }
    public OrderStatus Status { get; set; }
    public OrderChannel? Channel { get; set; }
    public string? CampaignId { get; set; }
    public string? LiveSessionId { get; set; }
}

public sealed class Audience
{
    public int Id { get; set; }
    public required string AudienceId { get; set; }
    public required string Name { get; set; }
    public AudienceKind? Kind { get; set; }
    public int? MemberCount { get; set; }
}

/// <summary>A join or leave; keyed by all its fields, since the contract gives events no id.</summary>
public sealed class AudienceEvent
{
    public long Id { get; set; }
    public required string AudienceId { get; set; }
    public int CustomerKey { get; set; }
    public DateTimeOffset At { get; set; }
    public AudienceEventType Event { get; set; }
}

public sealed class Push
{
    public int Id { get; set; }
    public required string PushId { get; set; }
    public required string AudienceId { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public PushKind Kind { get; set; }
    public string? CampaignId { get; set; }
    public string? Title { get; set; }
    public int? Reached { get; set; }
    public int? Clicked { get; set; }
}

public sealed class Campaign
{
    public int Id { get; set; }
    public required string CampaignId { get; set; }
    public required string Name { get; set; }
    public CampaignType Type { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset? EndsAt { get; set; }
    public decimal? Cost { get; set; }
    public int AttributionDays { get; set; } = 7;
}

/// <summary>A funnel step; keyed by all its fields, since the contract gives events no id.</summary>
public sealed class CampaignEvent
{
    public long Id { get; set; }
    public required string CampaignId { get; set; }
    public int CustomerKey { get; set; }
    public DateTimeOffset At { get; set; }
    public CampaignStage Stage { get; set; }
}

public sealed class LiveSession
{
    public int Id { get; set; }
    public required string LiveSessionId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public string? Title { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public int? Viewers { get; set; }
    public int? PeakConcurrent { get; set; }
    public double? AvgWatchSeconds { get; set; }
}

/// <summary>One published version of the tier rules; never changed once written.</summary>
public sealed class TierRuleSet
{
    public int Id { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? Author { get; set; }
    /// <summary>Where the version came from: <c>config</c>, <c>import</c> or <c>editor</c>.</summary>
    public required string Source { get; set; }
    public List<TierRule> Rules { get; set; } = [];
}

public sealed class TierRule
{
    public int Id { get; set; }
    public int RuleSetId { get; set; }
    public required string Tier { get; set; }

    /// <summary>The name operators read (普通会员, 银卡, …), kept with the version; null shows the default name for the code.</summary>
    public string? DisplayName { get; set; }
    public int Rank { get; set; }
    public decimal? MinSpend12m { get; set; }
    public int? MinOrders12m { get; set; }
    public decimal Discount { get; set; }
    public bool DedicatedService { get; set; }
}
