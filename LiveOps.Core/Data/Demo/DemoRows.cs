using LiveOps.Core.Data.Entities;

namespace LiveOps.Core.Data.Demo;

// The generated rows, in storage units: instants as UTC Unix ms, money as 1/10000 yuan.
// References between rows are indexes into the dataset's lists; the writer turns them into ids and keys.

internal sealed record DemoLiveSession(string Id, long StartMs, long EndMs, string Title, int Viewers, int PeakConcurrent, double AvgWatchSeconds);

internal sealed class DemoAudience(string id, string name, AudienceKind kind, double weight)
{
    public string Id { get; } = id;
    public string Name { get; } = name;
    public AudienceKind Kind { get; } = kind;

    /// <summary>The share of private-domain members this audience attracts.</summary>
    public double Weight { get; } = weight;

    /// <summary>Promotion push instants, sorted.</summary>
    public List<long> PromotionMs { get; } = [];

    /// <summary>Promotion push instants in over-pushed weeks, sorted: the pushes members leave after.</summary>
    public List<long> OverPushedPromotionMs { get; } = [];

    public int MemberCount { get; set; }
}

internal sealed record DemoPush(string Id, int Audience, long SentMs, PushKind Kind, int Campaign, string Title, int Reached, int Clicked);

internal sealed record DemoCampaign(string Id, string Name, CampaignType Type, long StartMs, long EndMs, long? CostUnits, int AttributionDays);

internal struct DemoCustomer
{
    public string Id;
    public string Nickname;
    public long AcquiredMs;
    public AcquisitionChannel Channel;
    /// <summary>Joined the private domain at; 0 for non-members.</summary>
    public long JoinedPrivateMs;
    public int Audience;
    /// <summary>How many orders the customer places in the window (campaign orders included).</summary>
    public int PlannedOrders;

    public readonly bool IsMember => Audience >= 0;
}

internal readonly record struct DemoAudienceEvent(int Audience, int Customer, long AtMs, AudienceEventType Event);

internal readonly record struct DemoCampaignEvent(int Campaign, int Customer, long AtMs, CampaignStage Stage);

/// <summary>An order a campaign caused: explicit (<c>campaign_id</c> set) or inside the attribution window.</summary>
internal readonly record struct DemoOrderIntent(int Customer, long AtMs, int Campaign, bool Explicit);

internal record struct DemoOrder(int Customer, long PlacedMs, long AmountUnits, OrderStatus Status, OrderChannel Channel, int Campaign, int LiveSession);

internal sealed class DemoDataset
{
    public List<DemoLiveSession> LiveSessions { get; } = [];
    public List<DemoAudience> Audiences { get; } = [];
    public List<DemoPush> Pushes { get; } = [];
    public List<DemoCampaign> Campaigns { get; } = [];
    public DemoCustomer[] Customers { get; set; } = [];
    public List<DemoAudienceEvent> AudienceEvents { get; } = [];
    public List<DemoCampaignEvent> CampaignEvents { get; } = [];
    public List<DemoOrderIntent> OrderIntents { get; } = [];
    public List<DemoOrder> Orders { get; set; } = [];
}
