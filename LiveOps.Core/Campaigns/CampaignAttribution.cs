using LiveOps.Core.Common;
using LiveOps.Core.Data.Entities;

namespace LiveOps.Core.Campaigns;

/// <summary>
/// The known campaigns, numbered by the ordinal order of their ids, so that "the smallest campaign_id wins"
/// is "the smallest number wins" and the per-customer pass works on integers.
/// </summary>
public sealed class CampaignCatalog
{
    private readonly Dictionary<string, int> _index;
    private readonly string[] _ids;
    private readonly int[] _attributionDays;

    public CampaignCatalog(IEnumerable<(string CampaignId, int AttributionDays)> campaigns)
    {
        var sorted = campaigns.OrderBy(c => c.CampaignId, StringComparer.Ordinal).ToArray();
        _ids = sorted.Select(c => c.CampaignId).ToArray();
        _attributionDays = sorted.Select(c => c.AttributionDays).ToArray();
        _index = new Dictionary<string, int>(_ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < _ids.Length; i++)
        {
            _index[_ids[i]] = i;
        }
    }

    public int Count => _ids.Length;

    public string IdOf(int index) => _ids[index];

    public int AttributionDaysOf(int index) => _attributionDays[index];

    /// <summary>The campaign's number, or -1 for null and ids that name no known campaign.</summary>
    public int IndexOf(string? campaignId) =>
        campaignId is not null && _index.TryGetValue(campaignId, out var i) ? i : -1;
}

/// <summary>
/// A paid order of one customer: UTC ms and 1/10000 yuan, as the column store holds them, so the pass converts nothing
/// per order. <see cref="ExplicitCampaign"/> is -1 when it names no known campaign.
/// </summary>
public readonly record struct CustomerOrder(long AtMs, long AmountUnits, int ExplicitCampaign)
{
    public CustomerOrder(DateTimeOffset at, decimal amount, int explicitCampaign)
        : this(at.ToUnixTimeMilliseconds(), Money.ToUnits(amount), explicitCampaign)
    {
    }

    public DateTimeOffset At => DateTimeOffset.FromUnixTimeMilliseconds(AtMs);

    public decimal Amount => Money.FromUnits(AmountUnits);
}

/// <summary>A funnel event of one customer in a known campaign (UTC ms).</summary>
public readonly record struct CustomerTouch(long AtMs, int Campaign, CampaignStage Stage)
{
    public CustomerTouch(DateTimeOffset at, int campaign, CampaignStage stage) : this(at.ToUnixTimeMilliseconds(), campaign, stage)
    {
    }

    public DateTimeOffset At => DateTimeOffset.FromUnixTimeMilliseconds(AtMs);
}

/// <summary>
/// Which campaign a paid order belongs to (contract §4), for one customer at a time.
/// <list type="bullet">
/// <item>An order whose campaign_id names a known campaign belongs to it, however long after any touch.</item>
/// <item>Otherwise it belongs to the campaign of the customer's latest event (of any campaign, any stage) at or
/// before the order, provided 0 ≤ order − event ≤ that campaign's attribution_days × 24 h. When the latest event's
/// campaign window does not cover the order, the order is unattributed: an older event of another campaign whose
/// window would still cover it does not take over, because the latest touch is the one that counts.</item>
/// <item>Events at the same instant: the smallest campaign_id (ordinal) is the latest.</item>
/// </list>
/// </summary>
public static class CampaignAttribution
{
    public const int None = -1;

    /// <summary>
    /// Fills <paramref name="attributed"/> with the campaign number of each order, or <see cref="None"/>.
    /// Both spans must be sorted by time (ties in any order).
    /// </summary>
    public static void Attribute(
        ReadOnlySpan<CustomerOrder> orders,
        ReadOnlySpan<CustomerTouch> touches,
        CampaignCatalog catalog,
        Span<int> attributed)
    {
        if (attributed.Length < orders.Length)
        {
            throw new ArgumentException("one slot per order is needed", nameof(attributed));
        }
        var next = 0;
        var latest = None;
        var latestAt = long.MinValue;
        for (var i = 0; i < orders.Length; i++)
        {
            var order = orders[i];
            while (next < touches.Length && touches[next].AtMs <= order.AtMs)
            {
                var touch = touches[next++];
                if (latest == None || touch.AtMs > latestAt || (touch.AtMs == latestAt && touch.Campaign < latest))
                {
                    latest = touch.Campaign;
                    latestAt = touch.AtMs;
                }
            }
            if (order.ExplicitCampaign != None)
            {
                attributed[i] = order.ExplicitCampaign;
            }
            else if (latest != None && IsWithinDays(latestAt, order.AtMs, catalog.AttributionDaysOf(latest)))
            {
                attributed[i] = latest;
            }
            else
            {
                attributed[i] = None;
            }
        }
    }

    /// <summary>"Within N days": 0 ≤ later − earlier ≤ N × 24 h (contract §4); used for the 90-day repeat window too.</summary>
    public static bool IsWithinDays(DateTimeOffset earlier, DateTimeOffset later, int days) =>
        IsWithinDays(earlier.ToUnixTimeMilliseconds(), later.ToUnixTimeMilliseconds(), days);

    /// <summary><see cref="IsWithinDays(DateTimeOffset, DateTimeOffset, int)"/> on UTC milliseconds.</summary>
    public static bool IsWithinDays(long earlierMs, long laterMs, int days)
    {
        var gap = laterMs - earlierMs;
        return gap >= 0 && gap <= days * MsPerDay;
    }

    private const long MsPerDay = 24L * 3600 * 1000;
}
