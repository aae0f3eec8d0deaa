using LiveOps.Core.Store;
using LiveOps.Core.Common;
using LiveOps.Core.Data;
using LiveOps.Core.Data.Entities;
using LiveOps.Core.PushCadence;
using LiveOps.Core.Statistics;
using Microsoft.EntityFrameworkCore;

namespace LiveOps.Core.Overview;

/// <summary>
/// Every Overview number in one place: one pass over the shared <see cref="SnapshotStore"/> snapshot per range,
/// one for the evidence, the cadence feature's own fatigue figure (not recomputed here) and a count of campaigns.
/// </summary>
public sealed class OverviewKpiService(
    ReportCache cache,
    SnapshotStore store,
    CadenceService cadence,
    IDbContextFactory<LiveOpsDbContext> factory,
    ZoneClock clock)
{
    /// <summary>A first-time buyer counts as "never came back" only once the first order is this many days old.</summary>
    public const int ComeBackDays = 90;

    public OverviewKpiQuery LastDays(int days) => OverviewKpiQuery.LastDays(days, clock.Today);

    /// <summary>The report, computed once per query and data version and shared (<see cref="ReportCache"/>).</summary>
    public Task<OverviewKpiReport> RunAsync(OverviewKpiQuery query, CancellationToken ct = default) =>
        cache.GetOrComputeAsync("overview-kpis", query, c => ComputeAsync(query, c), ct);

    private async Task<OverviewKpiReport> ComputeAsync(OverviewKpiQuery query, CancellationToken ct)
    {
        if (query.Days < 1 || query.Days > DailyGmvQuery.MaxDays)
        {
            throw new ArgumentOutOfRangeException(nameof(query), $"a range of 1 to {DailyGmvQuery.MaxDays} days is needed, not {query.Days}");
        }
        var snapshot = await store.GetAsync(ct);
        var from = clock.StartOfDay(query.From);
        var to = clock.StartOfDay(query.To);
        var previous = query.Previous;

        // The same figure as the cadence page: the completed weeks before the range's end.
        var fatigue = await cadence.FatigueAsync(to, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        // Campaigns are a handful of rows; their instants are compared in memory.
        var campaigns = await db.Campaigns.AsNoTracking().Select(c => new { c.StartsAt, c.EndsAt }).ToListAsync(ct);
        var running = campaigns.Count(c => c.StartsAt < to && (c.EndsAt is null || c.EndsAt >= from));

        var current = Range(snapshot, from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds());
        return new OverviewKpiReport(
            query,
            current.Kpis,
            Range(snapshot, clock.StartOfDay(previous.From).ToUnixTimeMilliseconds(), from.ToUnixTimeMilliseconds()).Kpis,
            running,
            Evidence(snapshot, to.ToUnixTimeMilliseconds(), fatigue.Rates) with { FatigueWeeks = fatigue },
            NewReturning(snapshot, query, clock),
            JoinsByWeek(snapshot, from, to, clock),
            current.Membership,
            ShareByWeek(snapshot, from, to, clock));
    }

    /// <summary>Daily GMV of the range split between first orders and later ones; a day is found by binary search over local midnights.</summary>
    internal static IReadOnlyList<NewReturningDay> NewReturning(DataSnapshot s, OverviewKpiQuery query, ZoneClock clock)
    {
        var starts = new long[query.Days + 1];
        for (var d = 0; d <= query.Days; d++)
        {
            starts[d] = clock.StartOfDay(query.From.AddDays(d)).ToUnixTimeMilliseconds();
        }
        var fresh = new long[query.Days];
        var returning = new long[query.Days];
        for (var c = 0; c < s.CustomerCount; c++)
        {
            for (var i = s.OrderStart[c]; i < s.OrderStart[c + 1]; i++)
            {
                var at = s.PlacedAtMs[i];
                if (at < starts[0] || at >= starts[^1])
                {
                    continue;
                }
                var found = Array.BinarySearch(starts, at);
                var day = found >= 0 ? found : ~found - 1;
                (i == s.OrderStart[c] ? fresh : returning)[day] += s.AmountUnits[i];
            }
        }
        return Enumerable.Range(0, query.Days)
            .Select(d => new NewReturningDay(query.From.AddDays(d), Money.FromUnits(fresh[d]), Money.FromUnits(returning[d])))
            .ToList();
    }

    /// <summary>The first ISO week the range touches and the start (UTC ms) of every week it touches, for binary search.</summary>
    private static (Period First, long[] Starts) Weeks(DateTimeOffset from, DateTimeOffset to, ZoneClock clock)
    {
        var first = Period.Containing(PeriodKind.Week, from, clock);
        var last = Period.Containing(PeriodKind.Week, to.AddMilliseconds(-1), clock);
        return (first, Enumerable.Range(0, last.Ordinal - first.Ordinal + 1).Select(w => first.Add(w).Start(clock).ToUnixTimeMilliseconds()).ToArray());
    }

    /// <summary>Private-domain joins per ISO week over the weeks the range touches; only joins inside the range count.</summary>
    internal static IReadOnlyList<WeeklyJoins> JoinsByWeek(DataSnapshot s, DateTimeOffset from, DateTimeOffset to, ZoneClock clock)
    {
        var (first, starts) = Weeks(from, to, clock);
        var weeks = starts.Length;
        var counts = new long[weeks];
        var (fromMs, toMs) = (from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds());
        foreach (var joined in s.JoinedPrivateMs)
        {
            if (joined == DataSnapshot.NoInstant || joined < fromMs || joined >= toMs)
            {
                continue;
            }
            var found = Array.BinarySearch(starts, joined);
            counts[found >= 0 ? found : ~found - 1]++;
        }
        return Enumerable.Range(0, weeks).Select(w => new WeeklyJoins(first.Add(w).ToString(), counts[w])).ToList();
    }

    /// <summary>Paid and private-domain GMV per ISO week the range touches, only orders inside the range counted.</summary>
    internal static IReadOnlyList<WeeklyShare> ShareByWeek(DataSnapshot s, DateTimeOffset from, DateTimeOffset to, ZoneClock clock)
    {
        var (first, starts) = Weeks(from, to, clock);
        var weeks = starts.Length;
        var units = new long[weeks];
        var privateUnits = new long[weeks];
        var (fromMs, toMs) = (from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds());
        for (var c = 0; c < s.CustomerCount; c++)
        {
            var joinedAt = s.JoinedPrivateMs[c];
            for (var i = s.OrderStart[c]; i < s.OrderStart[c + 1]; i++)
            {
                var at = s.PlacedAtMs[i];
                if (at < fromMs || at >= toMs)
                {
                    continue;
                }
                var found = Array.BinarySearch(starts, at);
                var w = found >= 0 ? found : ~found - 1;
                units[w] += s.AmountUnits[i];
                if (IsPrivateDomain(s.Channels[i], joinedAt, at))
                {
                    privateUnits[w] += s.AmountUnits[i];
                }
            }
        }
        return Enumerable.Range(0, weeks)
            .Select(w => new WeeklyShare(first.Add(w).ToString(), Money.FromUnits(units[w]), Money.FromUnits(privateUnits[w]),
                units[w] == 0 ? null : (double)privateUnits[w] / units[w]))
            .ToList();
    }

    /// <summary>
    /// The headline numbers of [fromMs, toMs) and the same buyers split by membership at toMs, in one pass;
    /// see <see cref="RangeKpis"/> and <see cref="MembershipSplit"/> for the definitions.
    /// </summary>
    internal static (RangeKpis Kpis, MembershipSplit Membership) Range(DataSnapshot s, long fromMs, long toMs)
    {
        // Index 0: customers who had not joined the private domain by toMs; 1: those who had.
        var units = new long[2];
        var orders = new long[2];
        var buyers = new long[2];
        var repeatBuyers = new long[2];
        long privateUnits = 0, joined = 0;
        for (var c = 0; c < s.CustomerCount; c++)
        {
            var joinedAt = s.JoinedPrivateMs[c];
            var member = joinedAt != DataSnapshot.NoInstant && joinedAt < toMs;
            if (member && joinedAt >= fromMs)
            {
                joined++;
            }
            var g = member ? 1 : 0;
            bool bought = false, repeated = false;
            for (var i = s.OrderStart[c]; i < s.OrderStart[c + 1]; i++)
            {
                var at = s.PlacedAtMs[i];
                if (at < fromMs || at >= toMs)
                {
                    continue;
                }
                bought = true;
                repeated |= i > s.OrderStart[c];
                orders[g]++;
                units[g] += s.AmountUnits[i];
                if (IsPrivateDomain(s.Channels[i], joinedAt, at))
                {
                    privateUnits += s.AmountUnits[i];
                }
            }
            buyers[g] += bought ? 1 : 0;
            repeatBuyers[g] += repeated ? 1 : 0;
        }
        BuyerGroup Group(int g) => new(Money.FromUnits(units[g]), orders[g], buyers[g], repeatBuyers[g], Rate(repeatBuyers[g], buyers[g]));
        var (totalUnits, totalBuyers, totalRepeaters) = (units[0] + units[1], buyers[0] + buyers[1], repeatBuyers[0] + repeatBuyers[1]);
        var kpis = new RangeKpis(Money.FromUnits(totalUnits), orders[0] + orders[1], totalBuyers, totalRepeaters, Rate(totalRepeaters, totalBuyers),
            Money.FromUnits(privateUnits), totalUnits == 0 ? null : (double)privateUnits / totalUnits, joined);
        return (kpis, new MembershipSplit(Group(1), Group(0)));
    }

    /// <summary>An order is private-domain when placed in a private group or by a customer already in the private domain.</summary>
    public static bool IsPrivateDomain(sbyte channel, long joinedMs, long placedMs) =>
        channel == (sbyte)OrderChannel.PrivateGroup || (joinedMs != DataSnapshot.NoInstant && joinedMs <= placedMs);

    internal static OverviewEvidence Evidence(DataSnapshot s, long toMs, LeaveRateComparison fatigue)
    {
        long firstUnits = 0, firstOrders = 0, repeatUnits = 0, repeatOrders = 0;
        double firstSquares = 0, repeatSquares = 0; // in yuan², for the intervals
        long members = 0, memberRepeaters = 0, others = 0, otherRepeaters = 0, mature = 0, neverBack = 0;
        var matureBefore = toMs - ComeBackDays * 86_400_000L;
        for (var c = 0; c < s.CustomerCount; c++)
        {
            var start = s.OrderStart[c];
            var count = 0;
            for (var i = start; i < s.OrderStart[c + 1] && s.PlacedAtMs[i] < toMs; i++)
            {
                if (count++ == 0)
                {
                    firstUnits += s.AmountUnits[i];
                    firstSquares += Square(s.AmountUnits[i]);
                    firstOrders++;
                }
                else
                {
                    repeatUnits += s.AmountUnits[i];
                    repeatSquares += Square(s.AmountUnits[i]);
                    repeatOrders++;
                }
            }
            if (count == 0)
            {
                continue;
            }
            var joinedAt = s.JoinedPrivateMs[c];
            if (joinedAt != DataSnapshot.NoInstant && joinedAt < toMs)
            {
                members++;
                memberRepeaters += count > 1 ? 1 : 0;
            }
            else
            {
                others++;
                otherRepeaters += count > 1 ? 1 : 0;
            }
            if (s.PlacedAtMs[start] < matureBefore)
            {
                mature++;
                neverBack += count == 1 ? 1 : 0;
            }
        }
        decimal? firstAverage = firstOrders == 0 ? null : Money.FromUnits(firstUnits) / firstOrders;
        decimal? repeatAverage = repeatOrders == 0 ? null : Money.FromUnits(repeatUnits) / repeatOrders;
        double? premium = firstAverage is { } f && f != 0 && repeatAverage is { } r ? (double)(r / f) - 1 : null;
        var first = Moments.FromSums(firstOrders, (double)Money.FromUnits(firstUnits), firstSquares);
        var repeat = Moments.FromSums(repeatOrders, (double)Money.FromUnits(repeatUnits), repeatSquares);
        return new OverviewEvidence(firstAverage, firstOrders, repeatAverage, repeatOrders, premium,
            Rate(memberRepeaters, members), members, Rate(otherRepeaters, others), others,
            Rate(neverBack, mature), mature, fatigue)
        {
            Checks = EvidenceChecks.Of(first, repeat, (memberRepeaters, members), (otherRepeaters, others), (neverBack, mature), fatigue),
        };
    }

    private static double Square(long units)
    {
        var yuan = (double)units / Money.UnitsPerYuan;
        return yuan * yuan;
    }

    private static double? Rate(long part, long whole) => whole == 0 ? null : (double)part / whole;
}
