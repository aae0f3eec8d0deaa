using System.Globalization;
using LiveOps.Core.Campaigns;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using LiveOps.Dashboard.Resources;
using LiveOps.Core.Common;

namespace LiveOps.Dashboard.Components.Pages.Campaigns;

/// <summary>One campaign: funnel, daily credited revenue, benchmarks against its type, and its buyers.</summary>
public sealed partial class CampaignDetailPage : LiveOpsComponent
{
    private bool _loading = true;
    private CampaignInsight? _insight;
    private IReadOnlyList<CampaignBuyer> _buyers = [];
    private object _funnel = new();
    private object _daily = new();

    [Inject] private CampaignService Service { get; set; } = default!;
    [Inject] private IStringLocalizer<CampaignsResource> Text { get; set; } = default!;

    [Parameter] public string CampaignId { get; set; } = "";

    private string Subtitle
    {
        get
        {
            if (_insight is null)
            {
                return "";
            }
            var end = _insight.EndsAt is { } e ? F.Date(e) : Text["Detail.Open"];
            return $"{_insight.Result.CampaignId} · {Text[$"Type.{ContractNames.Of(_insight.Result.Type)}"]} · "
                + string.Format(CultureInfo.CurrentCulture, Text["Detail.Period"], F.Date(_insight.StartsAt), end)
                + $" · {Text["Metric.AttributionDays"]}: {_insight.AttributionDays}";
        }
    }

    private IReadOnlyList<string> _nonBuyers = [];

    /// <summary>No stage of the funnel has anyone: the chart would be bars of zero, so the page says which file is missing.</summary>
    private bool NoTouches => _insight?.Result is { Exposed: 0, Clicked: 0, Joined: 0, Claimed: 0, Redeemed: 0, Buyers: 0 };

    /// <summary>No day has credited revenue or buyers.</summary>
    private bool NoCreditedDays => _insight is not null && _insight.Days.All(d => d.Revenue == 0m && d.Buyers == 0);

    [Inject] private LiveOps.Core.Actions.ActionListSources ListSources { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _loading = true;
        // Benchmarks compare with every campaign of the same type, so the whole report is run, with this campaign's buyers.
        var report = await Service.RunAsync(new CampaignQuery { BuyersOf = CampaignId }, PageClosed);
        _insight = report.InsightOf(CampaignId);
        _buyers = report.Buyers;
        _nonBuyers = _insight is null ? [] : await ListSources.CampaignNonBuyersAsync(CampaignId);
        if (_insight is not null)
        {
            string[] stages = [Text["Col.Exposed"], Text["Col.Clicked"], Text["Col.Joined"], Text["Col.Claimed"], Text["Col.Redeemed"], Text["Col.Buyers"]];
            _funnel = CampaignCharts.Funnel(_insight.Result, stages, Text["Chart.Customers"]);
            _daily = CampaignCharts.Daily(_insight, Text["Chart.Revenue"], Text["Chart.Buyers"]);
        }
        _loading = false;
    }

    private static string Hours(double? hours) => hours is { } h ? h.ToString("0.0", CultureInfo.CurrentCulture) : "—";
}
