using LiveOps.Core.Tiers;
using LiveOps.Dashboard.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LiveOps.Dashboard.Components.Pages.Tiers;

/// <summary>
/// Inline editing of a draft of the tier rules. Every change is validated with <see cref="TierRuleValidator"/>
/// and problems are shown on the field they concern; simulate and publish are handed to the page.
/// </summary>
public partial class TierRulesEditor
{
    private List<TierDraftRow> _rows = [];
    private IReadOnlyList<TierRuleProblem> _problems = [];
    private TierRuleVersion? _loaded;

    [Inject] private IStringLocalizer<TiersResource> L { get; set; } = default!;

    [Inject] private Formatting Format { get; set; } = default!;

    /// <summary>The version in force; the draft starts from it and is reset to it when it changes.</summary>
    [Parameter, EditorRequired] public TierRuleVersion? Current { get; set; }

    [Parameter] public EventCallback<IReadOnlyList<TierRuleDraft>> OnSimulate { get; set; }

    [Parameter] public EventCallback<IReadOnlyList<TierRuleDraft>> OnPublish { get; set; }

    /// <summary>True while the page is simulating or publishing.</summary>
    [Parameter] public bool Busy { get; set; }

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(Current, _loaded))
        {
            _loaded = Current;
            Reset();
        }
    }

    private IReadOnlyList<TierRuleDraft> Draft => _rows.Select(r => r.ToDraft()).ToList();

    private void Set(Action change)
    {
        change();
        Validate();
    }

    private void Validate() => _problems = TierRuleValidator.Validate(Draft);

    private static string DiscountShown(TierDraftRow row) => row.DiscountTyped ?? DiscountText.Show(row.Discount, Cultures.IsChinese);

    /// <summary>What the typed discount means, so 95 and 9.5折 can be told apart at a glance.</summary>
    private string? DiscountHelper(TierDraftRow row) => row.DiscountTyped is null
        ? L["Rules.DiscountMeans", DiscountText.Show(row.Discount, Cultures.IsChinese), Format.Percent((double)(1m - row.Discount))].Value
        : null;

    /// <summary>A discount typed as 9.5折, 95% or 0.95; text that is none of these stays on the field, marked.</summary>
    private void SetDiscount(TierDraftRow row, string? text)
    {
        if (DiscountText.TryParse(text, out var factor))
        {
            row.Discount = factor;
            row.DiscountTyped = null;
        }
        else
        {
            row.DiscountTyped = text ?? "";
        }
        Validate();
    }

    private bool HasError(int row, string field) => _problems.Any(p => p.Row == row && p.Field == field);

    private string? ErrorOf(int row, string field)
    {
        var problem = _problems.FirstOrDefault(p => p.Row == row && p.Field == field);
        return problem is null ? null : L[$"Problem.{problem.Code}"].Value;
    }

    private void Reset()
    {
        _rows = Current?.Rules.Select(TierDraftRow.From).ToList() ?? [];
        Validate();
    }

    private void AddTier()
    {
        var top = _rows.LastOrDefault();
        _rows.Add(new TierDraftRow
        {
            Tier = L["Rules.NewTier"],
            Rank = _rows.Count,
            MinSpend12m = top?.MinSpend12m is { } s ? s * 2 : 1000m,
            MinOrders12m = top?.MinOrders12m is { } o ? o * 2 : null,
            Discount = top?.Discount ?? 1m,
        });
        Validate();
    }

    private void RemoveTopTier()
    {
        if (_rows.Count > 1)
        {
            _rows.RemoveAt(_rows.Count - 1);
            Validate();
        }
    }

    private bool Blocked => _problems.Count > 0 || _rows.Any(r => r.DiscountTyped is not null);

    private async Task SimulateAsync()
    {
        if (!Blocked)
        {
            await OnSimulate.InvokeAsync(Draft);
        }
    }

    private async Task PublishAsync()
    {
        if (!Blocked)
        {
            await OnPublish.InvokeAsync(Draft);
        }
    }
}
