using LiveOps.Core.Value;
using Microsoft.AspNetCore.Components;

namespace LiveOps.Dashboard.Components.Pages.Value;

/// <summary>
/// Asks <see cref="ValueService"/> for the page's insights (as of now, a 90-day horizon) and, when the address names a
/// list, for that list's customers. Opening a segment, a quadrant cell or the whole churn-risk list is a navigation,
/// so the address is always a shareable link.
/// </summary>
public partial class ValuePage
{
    private ValueInsights? _insights;
    private ValueListQuery? _list;
    private IReadOnlyList<ValueCustomerRow>? _rows;

    [Inject] private ValueService Service { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "list")] public string? ListText { get; set; }
    [SupplyParameterFromQuery(Name = "key")] public string? KeyText { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (!RendererInfo.IsInteractive)
        {
            // Prerendering shows the loading state at once; the fit runs once the circuit is live.
            return;
        }
        _insights ??= await Service.InsightsAsync(new ValueQuery());
        _list = ValueView.Parse(ListText, KeyText);
        _rows = _list is null ? null : await Service.CustomersAsync(_list with { AsOf = _insights.AsOf });
    }

    private string ListTitle(ValueListQuery list) => list.Kind switch
    {
        ValueListKind.Segment => T["Segment." + list.Key],
        ValueListKind.Quadrant => T["Quadrant." + list.Key],
        _ => T["Churn.Title"],
    };

    private void CloseList() => Navigation.NavigateTo(ValueView.Path);
}
