namespace LiveOps.Core.Tiers;

/// <summary>
/// One tier as an operator writes it (a row of a <c>tier-rules</c> file, the editor, or <c>LiveOps:Tiers</c>).
/// Thresholds are over the 365 days before the as-of instant; an empty threshold never matches.
/// <see cref="Discount"/> is the share of the list price a member pays (0.95 = 95%). <see cref="DisplayName"/> is the
/// name operators read (银卡); null or empty shows the default name for the code (<see cref="TierDisplayNames"/>).
/// </summary>
public sealed record TierRuleDraft(
    string Tier,
    int Rank,
    decimal? MinSpend12m,
    int? MinOrders12m,
    decimal Discount,
    bool DedicatedService,
    string? DisplayName = null);

/// <summary>A published, validated version of the rules (never changed once written), tiers ordered by rank.</summary>
public sealed record TierRuleVersion(
    int Id,
    DateTimeOffset CreatedAt,
    string? Author,
    string Source,
    IReadOnlyList<TierRuleDraft> Rules);

/// <summary>Where a rule version came from (stored in <c>TierRuleSet.Source</c>).</summary>
public static class TierRuleSources
{
    public const string Config = "config";
    public const string Import = "import";
    public const string Editor = "editor";
}

/// <summary>The standing of one customer under one rule set.</summary>
public readonly record struct TierStanding(TierRuleDraft Tier, TierRuleDraft? Next, decimal? SpendToNext);

/// <summary>
/// The tier rules of contract §4 as pure functions over plain values. Rules must be valid
/// (<see cref="TierRuleValidator"/>) and ordered by rank, so that index = rank.
/// </summary>
public static class TierEvaluator
{
    /// <summary>
    /// The highest-ranked tier whose <c>min_spend_12m</c> OR <c>min_orders_12m</c> is reached.
    /// An empty threshold never matches; the rank-0 tier matches everyone. Tiers are not climbed
    /// one by one: reaching a higher tier's threshold is enough even if a lower one's is not.
    /// </summary>
    public static TierRuleDraft Evaluate(IReadOnlyList<TierRuleDraft> rulesByRank, decimal spend12m, int orders12m) =>
        rulesByRank[EvaluateRank(rulesByRank, spend12m, orders12m)];

    public static int EvaluateRank(IReadOnlyList<TierRuleDraft> rulesByRank, decimal spend12m, int orders12m)
    {
        for (var rank = rulesByRank.Count - 1; rank > 0; rank--)
        {
            if (Reaches(rulesByRank[rank], spend12m, orders12m))
            {
                return rank;
            }
        }
        return 0;
    }

    public static bool Reaches(TierRuleDraft tier, decimal spend12m, int orders12m) =>
        tier.Rank == 0
        || (tier.MinSpend12m is { } minSpend && spend12m >= minSpend)
        || (tier.MinOrders12m is { } minOrders && orders12m >= minOrders);

    /// <summary>
    /// The tier held, the tier one rank up (null at the top) and the spend still missing for it:
    /// max(0, its min_spend_12m − spend12m), null when it has no spend threshold.
    /// </summary>
    public static TierStanding Standing(IReadOnlyList<TierRuleDraft> rulesByRank, decimal spend12m, int orders12m)
    {
        var rank = EvaluateRank(rulesByRank, spend12m, orders12m);
        var next = rank + 1 < rulesByRank.Count ? rulesByRank[rank + 1] : null;
        decimal? toNext = next?.MinSpend12m is { } minSpend ? Math.Max(0m, minSpend - spend12m) : null;
        return new TierStanding(rulesByRank[rank], next, toNext);
    }

    /// <summary>What a member of each tier pays for <paramref name="listPrice"/>: list price × discount, exact.</summary>
    public static IReadOnlyList<TierPrice> Prices(IReadOnlyList<TierRuleDraft> rulesByRank, decimal listPrice) =>
        rulesByRank.Select(t => new TierPrice(t.Tier, t.Rank, t.Discount, listPrice * t.Discount)).ToList();

    /// <summary>Rules ordered by rank, as every evaluation expects them.</summary>
    public static IReadOnlyList<TierRuleDraft> ByRank(IEnumerable<TierRuleDraft> rules) => rules.OrderBy(r => r.Rank).ToList();
}

public sealed record TierPrice(string Tier, int Rank, decimal Discount, decimal Price);
