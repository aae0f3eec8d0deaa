using LiveOps.Core.Common;

namespace LiveOps.Core.Campaigns;

/// <summary>
/// Accumulates campaign numbers one customer at a time, so a million orders need memory only for one customer's
/// rows plus fixed counters per campaign. Distinct-customer counts use a per-customer stamp instead of sets:
/// each customer is seen exactly once, so "already counted for this customer" is "stamp equals this customer".
/// </summary>
public sealed class CampaignTally
{
    private const int Stages = 5;
    private const long RepeatWindowMs = 90L * 24 * 3600 * 1000;

    private readonly CampaignCatalog _catalog;
    private readonly LocalDays _days;
    private readonly int _buyersOf;
    private readonly int[] _stageCounts;
    private readonly int[] _stageStamps;
    private readonly long[] _firstTouch;
    private readonly int[] _firstTouchStamps;
    private readonly int[] _buyerStamps;
    private readonly CampaignFacts[] _facts;
    private readonly List<BuyerFacts> _buyers = [];
    private int[] _attributed = new int[16];
    private int _customer;

    /// <summary>
    /// A tally over the catalog's campaigns; <paramref name="buyersOf"/> is the campaign number whose buyers are listed, or -1.
    /// <paramref name="days"/> gives orders' local dates (fastest when it covers them all).
    /// </summary>
    public CampaignTally(CampaignCatalog catalog, ZoneClock clock, int buyersOf = CampaignAttribution.None, LocalDays? days = null)
    {
        _catalog = catalog;
        _days = days ?? new LocalDays(clock, 0, -1);
        _buyersOf = buyersOf;
        var n = catalog.Count;
        _stageCounts = new int[n * Stages];
        _stageStamps = new int[n * Stages];
        _firstTouch = new long[n];
        _firstTouchStamps = new int[n];
        _buyerStamps = new int[n];
        _facts = new CampaignFacts[n];
        for (var i = 0; i < n; i++)
        {
            _facts[i] = new CampaignFacts();
        }
    }

    /// <summary>Adds one customer's paid orders and funnel events, each sorted by time.</summary>
    public void AddCustomer(int customerKey, ReadOnlySpan<CustomerOrder> orders, ReadOnlySpan<CustomerTouch> touches)
    {
        _customer++;
        foreach (var touch in touches)
        {
            var slot = touch.Campaign * Stages + (int)touch.Stage;
            if (_stageStamps[slot] != _customer)
            {
                _stageStamps[slot] = _customer;
                _stageCounts[slot]++;
            }
            if (_firstTouchStamps[touch.Campaign] != _customer)
            {
                _firstTouchStamps[touch.Campaign] = _customer;
                _firstTouch[touch.Campaign] = touch.AtMs;
            }
        }
        if (orders.IsEmpty)
        {
            return;
        }
        if (_attributed.Length < orders.Length)
        {
            _attributed = new int[Math.Max(orders.Length, _attributed.Length * 2)];
        }
        var attributed = _attributed.AsSpan(0, orders.Length);
        CampaignAttribution.Attribute(orders, touches, _catalog, attributed);

        BuyerFacts? listed = null;
        for (var i = 0; i < orders.Length; i++)
        {
            var campaign = attributed[i];
            if (campaign == CampaignAttribution.None)
            {
                continue;
            }
            var order = orders[i];
            var facts = _facts[campaign];
            facts.Orders++;
            facts.RevenueUnits += order.AmountUnits;
            var daily = facts.Day(_days.Of(order.AtMs));
            daily.RevenueUnits += order.AmountUnits;
            // A buyer counts once per campaign and day: the day's stamp says whether this customer is counted already.
            if (daily.Stamp != _customer)
            {
                daily.Stamp = _customer;
                daily.Buyers++;
            }
            if (_buyerStamps[campaign] != _customer)
            {
                _buyerStamps[campaign] = _customer;
                AddBuyer(campaign, facts, orders, i);
                if (campaign == _buyersOf)
                {
                    listed = new BuyerFacts(customerKey, order.At, IsNew(orders, i), IsRepeat(orders, i));
                    _buyers.Add(listed);
                }
            }
            if (listed is not null && campaign == _buyersOf)
            {
                listed.Orders++;
                listed.Revenue += order.Amount;
            }
        }
    }

    private void AddBuyer(int campaign, CampaignFacts facts, ReadOnlySpan<CustomerOrder> orders, int first)
    {
        facts.Buyers++;
        if (IsNew(orders, first))
        {
            facts.NewBuyers++;
        }
        if (IsRepeat(orders, first))
        {
            facts.RepeatBuyers90d++;
        }
        var at = orders[first].AtMs;
        if (_firstTouchStamps[campaign] == _customer && _firstTouch[campaign] <= at)
        {
            // Through TimeSpan as before, so the hours are the same double to the last bit.
            facts.HoursToPurchase.Add(TimeSpan.FromTicks((at - _firstTouch[campaign]) * TimeSpan.TicksPerMillisecond).TotalHours);
        }
    }

    /// <summary>New buyer: no paid order strictly before this one (a same-instant order is not "before").</summary>
    private static bool IsNew(ReadOnlySpan<CustomerOrder> orders, int first) => orders[0].AtMs == orders[first].AtMs;

    /// <summary>
    /// Another paid order (attributed or not) within 0 … 90 × 24 h after the first attributed one; one at the very
    /// same instant counts, whichever of the two the sort put first.
    /// </summary>
    private static bool IsRepeat(ReadOnlySpan<CustomerOrder> orders, int first)
    {
        var at = orders[first].AtMs;
        return (first + 1 < orders.Length && orders[first + 1].AtMs - at <= RepeatWindowMs)
            || (first > 0 && orders[first - 1].AtMs == at);
    }

    public CampaignFacts FactsOf(int campaign) => _facts[campaign];

    /// <summary>Distinct customers per stage, indexed by <see cref="Data.Entities.CampaignStage"/>; a fresh copy.</summary>
    public int[] StagesOf(int campaign) => _stageCounts.AsSpan(campaign * Stages, Stages).ToArray();

    public IReadOnlyList<BuyerFacts> Buyers => _buyers;
}

/// <summary>The raw numbers of one campaign after the pass.</summary>
public sealed class CampaignFacts
{
    private readonly SortedDictionary<DateOnly, DayFacts> _days = [];

    public int Buyers { get; internal set; }
    public int NewBuyers { get; internal set; }
    public int Orders { get; internal set; }
    /// <summary>Summed in 1/10000 yuan (exact, as decimals would be, and without a decimal per order).</summary>
    internal long RevenueUnits { get; set; }
    public decimal Revenue => Money.FromUnits(RevenueUnits);
    public int RepeatBuyers90d { get; internal set; }
    public List<double> HoursToPurchase { get; } = [];
    public IReadOnlyDictionary<DateOnly, DayFacts> Days => _days;

    internal DayFacts Day(DateOnly day)
    {
        if (!_days.TryGetValue(day, out var facts))
        {
            facts = new DayFacts();
            _days[day] = facts;
        }
        return facts;
    }
}

public sealed class DayFacts
{
    internal long RevenueUnits { get; set; }
    public decimal Revenue => Money.FromUnits(RevenueUnits);
    public int Buyers { get; internal set; }

    /// <summary>The tally's number of the customer last counted among the day's buyers.</summary>
    internal int Stamp { get; set; }
}

public sealed class BuyerFacts(int customerKey, DateTimeOffset firstOrderAt, bool isNew, bool repeat90d)
{
    public int CustomerKey { get; } = customerKey;
    public DateTimeOffset FirstOrderAt { get; } = firstOrderAt;
    public bool IsNew { get; } = isNew;
    public bool Repeat90d { get; } = repeat90d;
    public int Orders { get; internal set; }
    public decimal Revenue { get; internal set; }
}
