using LiveOps.Core.Common;
using LiveOps.Core.Data.Entities;

namespace LiveOps.Core.Campaigns;

/// <summary>
/// The campaign filters as they travel in a URL (<c>?type=hook_product&amp;from=2026-10-01&amp;to=2026-11-01</c>),
/// read the same way by the page and by the CSV and Excel downloads, so an export holds exactly what is on screen.
/// <c>from</c> and <c>to</c> are local dates bounding the campaign's start, from inclusive, to exclusive (as in
/// <c>report campaigns</c>).
/// </summary>
public sealed record CampaignFilter(string? Type, string? From, string? To)
{
    public static readonly CampaignFilter None = new(null, null, null);

    /// <summary>The service query, or a problem naming the field and why it is wrong.</summary>
    public bool TryToQuery(ZoneClock clock, out CampaignQuery query, out QueryProblem? problem)
    {
        query = new CampaignQuery();
        problem = null;
        CampaignType? type = null;
        if (!string.IsNullOrWhiteSpace(Type))
        {
            if (!ContractNames.TryParse<CampaignType>(Type, out var parsed))
            {
                problem = QueryProblem.Of("filter.enum", "type", Type, ContractNames.AllOf<CampaignType>());
                return false;
            }
            type = parsed;
        }
        if (!QueryDates.TryDay(From, "from", out var from, out problem) || !QueryDates.TryDay(To, "to", out var to, out problem))
        {
            return false;
        }
        if (QueryDates.CheckOrder(from, to) is { } order)
        {
            problem = order;
            return false;
        }
        query = new CampaignQuery
        {
            Type = type,
            From = from is { } f ? clock.StartOfDay(f) : null,
            To = to is { } t ? clock.StartOfDay(t) : null,
        };
        return true;
    }

    /// <summary>The query string, starting with <c>?</c>, or empty without filters.</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        Add("type", Type);
        Add("from", From);
        Add("to", To);
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);

        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }
    }
}
