namespace LiveOps.Core.Data;

public sealed class DemoDataOptions
{
    public const int DefaultCustomers = 20_000;
    public const int DefaultSeed = 20261124;

    public int Customers { get; init; } = DefaultCustomers;
    public int Seed { get; init; } = DefaultSeed;
}

public sealed record DemoDataSummary(long Customers, long Orders, long Audiences, long AudienceEvents, long Pushes, long Campaigns, long CampaignEvents, long LiveSessions)
{
    public override string ToString() =>
        $"demo data: {Customers} customers, {Orders} orders, {LiveSessions} live sessions, {Audiences} audiences ({AudienceEvents} joins and leaves), {Pushes} pushes, {Campaigns} campaigns ({CampaignEvents} funnel events)";
}

/// <summary>A deterministic, realistic dataset for a livestream shop.</summary>
public sealed class DemoDataSeeder
{
    public Task<DemoDataSummary> SeedAsync(DemoDataOptions options, CancellationToken ct = default) =>
        throw new NotImplementedException("demo data is being built");

    public Task<bool> IsDatabaseEmptyAsync(CancellationToken ct = default) =>
        throw new NotImplementedException("demo data is being built");
}
