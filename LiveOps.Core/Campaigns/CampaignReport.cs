using System.Text.Json.Serialization;
using LiveOps.Core.Data.Entities;

namespace LiveOps.Core.Campaigns;

/// <summary>
/// What <c>report campaigns</c> and the campaigns page ask for. <see cref="From"/>/<see cref="To"/> select the
/// campaigns shown by their start (from inclusive, to exclusive); they never change how orders are attributed,
/// so a campaign's numbers are the same whichever range it is shown in.
/// </summary>
public sealed record CampaignQuery
{
    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    /// <summary>Only campaigns of this type (the page's filter; the command line has none).</summary>
    public CampaignType? Type { get; init; }

    /// <summary>Also list the buyers of this campaign (the detail page). Null: no buyers list.</summary>
    public string? BuyersOf { get; init; }
}

/// <summary>
/// The result of <see cref="CampaignService.RunAsync"/>. Serialized as it is, it is exactly the contract's
/// <c>{"campaigns":[...]}</c>; the insights the pages show are kept out of the JSON.
/// </summary>
public sealed class CampaignReport
{
    /// <summary>The contract rows, ordered by start then campaign id (ordinal).</summary>
    public required IReadOnlyList<CampaignResult> Campaigns { get; init; }

    /// <summary>One per entry of <see cref="Campaigns"/>, in the same order.</summary>
    [JsonIgnore]
    public IReadOnlyList<CampaignInsight> Insights { get; init; } = [];

    /// <summary>Buyers of <see cref="CampaignQuery.BuyersOf"/>, most revenue first; empty when not asked.</summary>
    [JsonIgnore]
    public IReadOnlyList<CampaignBuyer> Buyers { get; init; } = [];

    public CampaignInsight? InsightOf(string campaignId) =>
        Insights.FirstOrDefault(i => string.Equals(i.Result.CampaignId, campaignId, StringComparison.Ordinal));
}

/// <summary>
/// One campaign as contract §4 defines it. Stage counts are distinct customers with an event of that stage;
/// buyers, orders and revenue are over attributed paid orders (see <see cref="CampaignAttribution"/>);
/// <see cref="RepeatBuyers90d"/> counts buyers with another paid order within 90 × 24 h after their first
/// attributed one; <see cref="Roi"/> is (revenue − cost) / cost, null without a (non-zero) cost.
/// </summary>
public sealed record CampaignResult(
    string CampaignId,
    string Name,
    CampaignType Type,
    int Exposed,
    int Clicked,
    int Joined,
    int Claimed,
    int Redeemed,
    int Buyers,
    int Orders,
    decimal Revenue,
    int RepeatBuyers90d,
    decimal? Cost,
    double? Roi);

/// <summary>What the pages show beyond the contract row.</summary>
public sealed record CampaignInsight(
    CampaignResult Result,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    int AttributionDays,
    CampaignConversions Conversions,
    int NewBuyers,
    int ReturningBuyers,
    decimal? RevenuePerExposed,
    double? MedianHoursToPurchase,
    IReadOnlyList<CampaignDay> Days,
    CampaignBenchmark Benchmark);

/// <summary>
/// Step rates between consecutive funnel stages and from exposed to buyer, as fractions; null when the earlier
/// stage is empty. Stages are counted independently (a customer can claim without an exposure event), so a rate
/// can exceed 1.
/// </summary>
public sealed record CampaignConversions(
    double? ExposedToClicked,
    double? ClickedToJoined,
    double? JoinedToClaimed,
    double? ClaimedToRedeemed,
    double? ExposedToBuyer);

/// <summary>Attributed revenue and distinct buyers on one local day.</summary>
public sealed record CampaignDay(DateOnly Day, decimal Revenue, int Buyers);

/// <summary>One buyer of a campaign: their attributed orders and whether they came back within 90 days.</summary>
public sealed record CampaignBuyer(
    string CustomerId,
    string? Nickname,
    DateTimeOffset FirstOrderAt,
    int Orders,
    decimal Revenue,
    bool IsNew,
    bool Repeat90d);

/// <summary>
/// The campaign against the campaigns of the same type in the same report: median and top quartile
/// (75th percentile, linear interpolation) of each metric over the peers that have a value.
/// </summary>
public sealed record CampaignBenchmark(
    int Peers,
    BenchmarkMetric ExposedToBuyer,
    BenchmarkMetric RevenuePerExposed,
    BenchmarkMetric RepeatRate,
    BenchmarkMetric Roi);

public sealed record BenchmarkMetric(double? Value, double? Median, double? TopQuartile);
