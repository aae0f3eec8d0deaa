using System.Text.Json.Serialization;
using LiveOps.Core.Common;
using LiveOps.Core.Store;

namespace LiveOps.Core.Tiers;

/// <summary>Who holds which tier as of an instant (default: now).</summary>
public sealed record TierQuery(DateTimeOffset? AsOf = null);

/// <summary>The <c>report tiers</c> result of contract §4. Tiers by rank; customers by <c>customerId</c> ordinal.</summary>
public sealed record TierReport(
    DateTimeOffset AsOf,
    IReadOnlyList<TierCount> Tiers,
    IReadOnlyList<CustomerTier> Customers)
{
    /// <summary>The rule version the report was evaluated with (not part of the contract JSON).</summary>
    [JsonIgnore]
    public TierRuleVersion Rules { get; init; } = default!;
}

public sealed record TierCount(string Tier, int Rank, int Customers);

public sealed record CustomerTier(
    string CustomerId,
    string Tier,
    decimal Spend12m,
    int Orders12m,
    string? NextTier,
    decimal? SpendToNext)
{
    [JsonIgnore]
    public int Rank { get; init; }
}

/// <summary>The one place tier holdings are computed; the page, <c>report tiers</c> and exports call it.</summary>
public sealed class TierService(ReportCache cache, TierRuleSetService ruleSets, TierDataReader data, ZoneClock clock)
{
    /// <summary>The report, computed once per query and data version and shared (<see cref="ReportCache"/>).</summary>
    public Task<TierReport> RunAsync(TierQuery query, CancellationToken ct) =>
        cache.GetOrComputeAsync("tiers", query, c => ComputeAsync(query, c), ct);

    private async Task<TierReport> ComputeAsync(TierQuery query, CancellationToken ct)
    {
        var asOf = query.AsOf ?? clock.UtcNow;
        var rules = await ruleSets.InForceAsync(asOf, ct);
        var customers = await data.CustomersAsync(ct);
        var window = await data.WindowAsync(customers, asOf, ct);
        return Shape(rules, customers.Ids, window, clock);
    }

    /// <summary>Pure: evaluates every customer of the window under <paramref name="rules"/>.</summary>
    public static TierReport Shape(TierRuleVersion rules, IReadOnlyList<string> customerIds, TierWindow window, ZoneClock clock)
    {
        var byRank = rules.Rules;
        var counts = new int[byRank.Count];
        var rows = new CustomerTier[customerIds.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            var standing = TierEvaluator.Standing(byRank, window.Spend[i], window.Orders[i]);
            counts[standing.Tier.Rank]++;
            rows[i] = new CustomerTier(customerIds[i], standing.Tier.Tier, window.Spend[i], window.Orders[i], standing.Next?.Tier, standing.SpendToNext)
            {
                Rank = standing.Tier.Rank,
            };
        }
        var tiers = byRank.Select(t => new TierCount(t.Tier, t.Rank, counts[t.Rank])).ToList();
        return new TierReport(clock.ToLocal(window.AsOf), tiers, rows) { Rules = rules };
    }
}
