using LiveOps.Core.Store;
using LiveOps.Core.Common;
using LiveOps.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LiveOps.Core.Actions;

/// <summary>
/// The results of actions (contract §7), one code path for the pages, the command line and exports. Paid orders are
/// read from the shared column store; the lists from the action tables in one query.
/// </summary>
/// <remarks>
/// A group's buyers are its customers with a paid order in [starts, starts + N × 24 h) placed before the as-of
/// instant; revenue is those orders' amounts. <c>complete</c> is false while the window is open at the as-of instant.
/// </remarks>
public sealed class ActionResultsService(IDbContextFactory<LiveOpsDbContext> factory, SnapshotStore paidOrders, ZoneClock clock)
{
    private const long DayMs = 24L * 60 * 60 * 1000;

    public async Task<ActionsReport> RunAsync(ActionsQuery query, CancellationToken ct = default)
    {
        var asOf = query.AsOf ?? clock.UtcNow;
        var snapshot = await paidOrders.GetAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var actions = await db.Set<ActionRecord>().AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct);
        var members = (await db.Set<ActionMember>().AsNoTracking()
                .Select(m => new { m.ActionId, m.CustomerKey, m.Group }).ToListAsync(ct))
            .ToLookup(m => m.ActionId, m => (m.CustomerKey, m.Group));

        var results = new List<ActionResult>(actions.Count);
        var pools = new Dictionary<string, (int Actions, Tally Contacted, Tally Holdout)>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            var scan = Scan(snapshot, action, members[action.Id], asOf, days: null);
            results.Add(scan.Result);
            if (scan.Result.Complete)
            {
                if (!pools.TryGetValue(action.Source, out var pool))
                {
                    pool = (0, new Tally(), new Tally());
                }
                pool.Contacted.Add(scan.Contacted);
                pool.Holdout.Add(scan.Holdout);
                pools[action.Source] = (pool.Actions + 1, pool.Contacted, pool.Holdout);
            }
        }
        var pooled = pools.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p =>
        {
            var (contacted, holdout) = (p.Value.Contacted.ToGroup(), p.Value.Holdout.ToGroup());
            var comparison = ActionStatistics.Compare(contacted, holdout);
            return new PooledResult(p.Key, p.Value.Actions, GroupResult.Of(contacted, p.Value.Contacted.Orders),
                GroupResult.Of(holdout, p.Value.Holdout.Orders), comparison, ActionVerdicts.Of(comparison, contacted, holdout));
        }).ToList();
        return new ActionsReport(asOf, results, pooled);
    }

    /// <summary>One action with its daily cumulative buyers; null when there is no such action.</summary>
    public async Task<ActionDetail?> DetailAsync(int id, DateTimeOffset? asOf = null, CancellationToken ct = default)
    {
        var at = asOf ?? clock.UtcNow;
        var snapshot = await paidOrders.GetAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var action = await db.Set<ActionRecord>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (action is null)
        {
            return null;
        }
        var members = await db.Set<ActionMember>().AsNoTracking().Where(m => m.ActionId == id)
            .Select(m => new { m.CustomerKey, m.Group }).ToListAsync(ct);
        var days = new List<ActionDay>();
        var scan = Scan(snapshot, action, members.Select(m => (m.CustomerKey, m.Group)), at, days);
        return new ActionDetail(scan.Result, days);
    }

    private sealed record ScanResult(ActionResult Result, Tally Contacted, Tally Holdout);

    private static ScanResult Scan(DataSnapshot snapshot, ActionRecord action, IEnumerable<(int CustomerKey, ActionGroup Group)> members, DateTimeOffset asOf, List<ActionDay>? days)
    {
        var startMs = action.StartsAt.ToUnixTimeMilliseconds();
        var endMs = startMs + action.WindowDays * DayMs;
        var asOfMs = asOf.ToUnixTimeMilliseconds();
        var countToMs = Math.Min(endMs, asOfMs);
        var baselineFromMs = startMs - action.WindowDays * DayMs;
        var (contacted, holdout) = (new Tally(), new Tally());
        var firstDay = days is null ? null : new int[2, action.WindowDays];
        var baselineBuyers = 0;
        var listed = 0;
        foreach (var (key, group) in members)
        {
            var c = snapshot.IndexOfKey(key);
            var (orders, units, firstMs) = OrderWindow.Sum(snapshot, c, startMs, countToMs);
            var tally = group == ActionGroup.Holdout ? holdout : contacted;
            tally.Count(orders, units);
            if (orders > 0 && firstDay is not null)
            {
                firstDay[(int)group, (int)((firstMs - startMs) / DayMs)]++;
            }
            listed++;
            if (OrderWindow.Sum(snapshot, c, baselineFromMs, startMs).Orders > 0)
            {
                baselineBuyers++;
            }
        }
        var (contactedGroup, holdoutGroup) = (contacted.ToGroup(), holdout.ToGroup());
        var comparison = ActionStatistics.Compare(contactedGroup, holdoutGroup);
        var baseline = listed == 0 ? 0 : (double)baselineBuyers / listed;
        var result = new ActionResult(action.Id, ActionRules.ExternalId(action.Id), action.Name, action.Source, action.StartsAt,
            action.WindowDays, action.StartsAt.AddDays(action.WindowDays), asOfMs >= endMs, action.Seed, action.CreatedBy, action.CreatedAt,
            GroupResult.Of(contactedGroup, contacted.Orders), GroupResult.Of(holdoutGroup, holdout.Orders), comparison,
            ActionVerdicts.Of(comparison, contactedGroup, holdoutGroup), baseline,
            ActionStatistics.MinimumDetectableDifference(contacted.Customers, holdout.Customers, baseline));
        if (days is not null && firstDay is not null)
        {
            int so1 = 0, so0 = 0;
            for (var d = 0; d < action.WindowDays && startMs + d * DayMs < asOfMs; d++)
            {
                so1 += firstDay[0, d];
                so0 += firstDay[1, d];
                days.Add(new ActionDay(d + 1, action.StartsAt.AddDays(d + 1), so1, so0,
                    contacted.Customers == 0 ? 0 : (double)so1 / contacted.Customers,
                    holdout.Customers == 0 ? 0 : (double)so0 / holdout.Customers));
            }
        }
        return new ScanResult(result, contacted, holdout);
    }

    /// <summary>Running sums of one group: customers, buyers, orders, revenue units and squares of revenue per customer.</summary>
    private sealed class Tally
    {
        public int Customers;
        public int Buyers;
        public int Orders;
        public long Units;
        public double Squares;

        public void Count(int orders, long units)
        {
            Customers++;
            if (orders > 0)
            {
                Buyers++;
                Orders += orders;
                Units += units;
                var yuan = (double)Money.FromUnits(units);
                Squares += yuan * yuan;
            }
        }

        public void Add(Tally other)
        {
            Customers += other.Customers;
            Buyers += other.Buyers;
            Orders += other.Orders;
            Units += other.Units;
            Squares += other.Squares;
        }

        public GroupTally ToGroup() => new(Customers, Buyers, Money.FromUnits(Units), Squares);
    }
}
