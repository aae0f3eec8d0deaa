using System.Globalization;
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
    public bool TryToQuery(ZoneClock clock, out CampaignQuery query, out string? problem)
    {
        query = new CampaignQuery();
        problem = null;
        CampaignType? type = null;
        if (!string.IsNullOrWhiteSpace(Type))
        {
            if (!ContractNames.TryParse<CampaignType>(Type, out var parsed))
            {
                problem = $"type: '{Type}' is not one of {ContractNames.AllOf<CampaignType>()}";
                return false;
            }
            type = parsed;
        }
        if (!TryDate(From, "from", clock, out var from, out problem) || !TryDate(To, "to", clock, out var to, out problem))
        {
            return false;
        }
        if (from is not null && to is not null && from >= to)
        {
            problem = "from must be before to";
            return false;
        }
        query = new CampaignQuery { Type = type, From = from, To = to };
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

    private static bool TryDate(string? text, string name, ZoneClock clock, out DateTimeOffset? instant, out string? problem)
    {
        instant = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            problem = $"{name}: '{text}' is not a date such as 2026-11-03";
            return false;
        }
        instant = clock.StartOfDay(date);
        return true;
    }
}
