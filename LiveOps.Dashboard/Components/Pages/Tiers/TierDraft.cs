using LiveOps.Core.Tiers;

namespace LiveOps.Dashboard.Components.Pages.Tiers;

/// <summary>One editable row of the rules editor; converted to a <see cref="TierRuleDraft"/> for validation.</summary>
public sealed class TierDraftRow
{
    public string Tier { get; set; } = "";

    /// <summary>The name operators read; empty shows the default name for <see cref="Tier"/>.</summary>
    public string? DisplayName { get; set; }
    public int Rank { get; set; }
    public decimal? MinSpend12m { get; set; }
    public int? MinOrders12m { get; set; }
    public decimal Discount { get; set; } = 1m;

    /// <summary>The discount as typed (9.5折, 95%, 0.95); null once it is the shown form of <see cref="Discount"/>.</summary>
    public string? DiscountTyped { get; set; }
    public bool DedicatedService { get; set; }

    public static TierDraftRow From(TierRuleDraft r) => new()
    {
        Tier = r.Tier,
        Rank = r.Rank,
        MinSpend12m = r.MinSpend12m,
        MinOrders12m = r.MinOrders12m,
        Discount = r.Discount,
        DedicatedService = r.DedicatedService,
        DisplayName = r.DisplayName,
    };

    public TierRuleDraft ToDraft() =>
        new(Tier, Rank, MinSpend12m, MinOrders12m, Discount, DedicatedService, string.IsNullOrWhiteSpace(DisplayName) ? null : DisplayName.Trim());
}
