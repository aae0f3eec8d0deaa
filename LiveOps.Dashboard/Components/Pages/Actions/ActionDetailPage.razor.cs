using System.Globalization;
using LiveOps.Core.Actions;
using LiveOps.Dashboard.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LiveOps.Dashboard.Components.Pages.Actions;

/// <summary>One action: both groups, the difference with its interval, the verdict, the daily chart and the send list.</summary>
public sealed partial class ActionDetailPage
{
    private bool _loading = true;
    private ActionDetail? _detail;
    private object _chart = new();

    [Inject] private ActionResultsService Results { get; set; } = default!;
    [Inject] private Formatting Format { get; set; } = default!;
    [Inject] private IStringLocalizer<ActionsResource> T { get; set; } = default!;

    [Parameter] public int Id { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _loading = true;
        if (!RendererInfo.IsInteractive)
        {
            return;
        }
        _detail = await Results.DetailAsync(Id);
        if (_detail is not null)
        {
            _chart = ActionChartMapper.Daily(_detail, new ActionChartLabels(T["Col.Contacted"], T["Col.Holdout"], T["Chart.Rate"],
                day => T["Chart.Day", day]));
        }
        _loading = false;
    }

    private string RevenueDifference(GroupComparison c)
    {
        string Money(double v) => v.ToString("+¥#,##0.00;-¥#,##0.00;¥0.00", CultureInfo.CurrentCulture);
        return c.RevenueCi95 is { } ci ? $"{Money(c.RevenueDifference)} [{Money(ci[0])}, {Money(ci[1])}]" : Money(c.RevenueDifference);
    }
}
