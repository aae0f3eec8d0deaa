using LiveOps.Core.Common;

namespace LiveOps.Core.Tiers;

/// <summary>A draft rule set to try on today's customers; nothing is saved.</summary>
public sealed record TierSimulationQuery(IReadOnlyList<TierRuleDraft> Draft);

/// <summary>
/// One tier under one rule set: members, their spend over the last 365 days, and the discount cost
/// = that spend × (1 − discount), i.e. what the tier's discount gives away at last year's volume.
/// </summary>
public sealed record TierSimulationTier(string Tier, int Rank, decimal Discount, int Customers, decimal Spend12m, decimal DiscountCost);

public sealed record TierDistribution(IReadOnlyList<TierSimulationTier> Tiers, decimal DiscountCost);

/// <summary>Before = the rules in force now, After = the draft. <see cref="MovedUp"/>/<see cref="MovedDown"/> compare ranks.</summary>
public sealed record TierSimulationReport(
    DateTimeOffset AsOf,
    IReadOnlyList<TierRuleProblem> Problems,
    TierDistribution? Before,
    TierDistribution? After,
    int MovedUp,
    int MovedDown)
{
    public bool Succeeded => Problems.Count == 0;
}

public sealed class TierSimulationService(TierRuleSetService ruleSets, TierDataReader data, ZoneClock clock)
{
    public async Task<TierSimulationReport> RunAsync(TierSimulationQuery query, CancellationToken ct)
    {
        var asOf = clock.UtcNow;
        var problems = TierRuleValidator.Validate(query.Draft);
        if (problems.Count > 0)
        {
            return new TierSimulationReport(clock.ToLocal(asOf), problems, null, null, 0, 0);
        }
        var current = (await ruleSets.InForceAsync(asOf, ct)).Rules;
        var customers = await data.CustomersAsync(ct);
        var window = await data.WindowAsync(customers, asOf, ct);
        return Shape(current, TierEvaluator.ByRank(query.Draft), window, clock);
    }

    /// <summary>Pure: both distributions over the same window, and how many customers change rank.</summary>
    public static TierSimulationReport Shape(IReadOnlyList<TierRuleDraft> before, IReadOnlyList<TierRuleDraft> after, TierWindow window, ZoneClock clock)
    {
        var beforeRanks = Ranks(before, window);
        var afterRanks = Ranks(after, window);
        int up = 0, down = 0;
        for (var i = 0; i < beforeRanks.Length; i++)
        {
            up += afterRanks[i] > beforeRanks[i] ? 1 : 0;
            down += afterRanks[i] < beforeRanks[i] ? 1 : 0;
        }
        return new TierSimulationReport(clock.ToLocal(window.AsOf), [], Distribution(before, beforeRanks, window), Distribution(after, afterRanks, window), up, down);
    }

    private static int[] Ranks(IReadOnlyList<TierRuleDraft> rules, TierWindow window)
    {
        var ranks = new int[window.Spend.Length];
        for (var i = 0; i < ranks.Length; i++)
        {
            ranks[i] = TierEvaluator.EvaluateRank(rules, window.Spend[i], window.Orders[i]);
        }
        return ranks;
    }

    private static TierDistribution Distribution(IReadOnlyList<TierRuleDraft> rules, int[] ranks, TierWindow window)
    {
        var customers = new int[rules.Count];
        var spend = new decimal[rules.Count];
        for (var i = 0; i < ranks.Length; i++)
        {
            customers[ranks[i]]++;
            spend[ranks[i]] += window.Spend[i];
        }
        var tiers = rules.Select(t => new TierSimulationTier(t.Tier, t.Rank, t.Discount, customers[t.Rank], spend[t.Rank], spend[t.Rank] * (1 - t.Discount))).ToList();
        return new TierDistribution(tiers, tiers.Sum(t => t.DiscountCost));
    }
}
