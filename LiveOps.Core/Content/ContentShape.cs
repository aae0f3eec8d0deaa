using LiveOps.Core.Store;
using LiveOps.Core.Common;
using LiveOps.Core.Data.Entities;
using LiveOps.Core.Statistics;

namespace LiveOps.Core.Content;

/// <summary>A push as the measure needs it: audience, send instant (UTC ms) and kind.</summary>
public readonly record struct ContentPush(string AudienceId, long SentMs, PushKind Kind);

/// <summary>A join or leave of one customer (snapshot index) in one audience, at an instant (UTC ms).</summary>
public readonly record struct ContentMemberEvent(string AudienceId, int Customer, long AtMs, bool Joined);

public sealed record ContentInput(
    IReadOnlyList<(string AudienceId, string Name)> Audiences,
    IReadOnlyList<ContentPush> Pushes,
    IReadOnlyList<ContentMemberEvent> Events,
    DataSnapshot Orders);

/// <summary>
/// The definitions of content-driven repurchase, as one pure pass.
/// <list type="bullet">
/// <item>Members: a customer is a member of an audience from a <c>joined</c> event until the next <c>left</c> event
/// (a <c>left</c> with no earlier join means a member since before the range). Only audience events name members.</item>
/// <item>Windows: a push's window is [sent, sent + 72 h), cut short by the audience's next push of any kind, so every
/// instant of an audience's time belongs to at most one push (the latest); time in no window is the baseline.</item>
/// <item>Member-days: each member's time in [from, to) split by the window it falls in, in days of 24 h; a member's
/// paid orders in [from, to) fall in the same split by their instant. Orders per member-day = orders / member-days.</item>
/// <item>Leaves: a <c>left</c> event in range at most 48 h after the audience's latest push (sent in range) at or before it
/// counts for that push's kind; members reached = members at each push's send instant, summed over the kind's pushes;
/// leave rate = leaves / members reached.</item>
/// <item>Lift: content (promotion) orders per member-day over the baseline's, with a 95% interval on the log of the
/// ratio of two Poisson rates; "content lifts orders" is supported when the whole interval is above 1.</item>
/// <item>Over all audiences: the audiences' member-days, orders, pushes, leaves and members reached added up (a customer
/// in two audiences counts in both).</item>
/// </list>
/// </summary>
public static class ContentShape
{
    public const int WindowHours = 72;
    public const int LeaveWindowHours = 48;
    private const long WindowMs = WindowHours * 3_600_000L;
    private const long LeaveWindowMs = LeaveWindowHours * 3_600_000L;
    private const double DayMs = 86_400_000d;
    private static readonly PushKind[] Kinds = [PushKind.Promotion, PushKind.Content, PushKind.Service];

    public static ContentReport Shape(ContentInput input, DateTimeOffset from, DateTimeOffset to, int minPerWeek, int maxPerWeek, ZoneClock clock)
    {
        var (fromMs, toMs) = (from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds());
        var pushesBy = input.Pushes.GroupBy(p => p.AudienceId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p.SentMs).ToArray(), StringComparer.Ordinal);
        var eventsBy = input.Events.GroupBy(e => e.AudienceId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        var weeks = WeeksOf(from, to, clock);
        var tallies = new List<(string Id, string Name, Tally Tally, IReadOnlyList<ContentMixWeek> Weeks)>();
        foreach (var (id, name) in input.Audiences.OrderBy(a => a.AudienceId, StringComparer.Ordinal))
        {
            var pushes = pushesBy.GetValueOrDefault(id) ?? [];
            var tally = Measure(pushes, eventsBy.GetValueOrDefault(id) ?? [], input.Orders, fromMs, toMs);
            tallies.Add((id, name, tally, Mix(pushes, weeks, fromMs, toMs, minPerWeek, maxPerWeek, clock)));
        }
        var all = new Tally();
        foreach (var t in tallies)
        {
            all.Add(t.Tally);
        }
        return new ContentReport(clock.ToLocal(from), clock.ToLocal(to), WindowHours, LeaveWindowHours, minPerWeek, maxPerWeek,
            Audience(null, "", all, []),
            tallies.Select(t => Audience(t.Id, t.Name, t.Tally, t.Weeks)).ToList());
    }

    private static ContentAudience Audience(string? id, string name, Tally t, IReadOnlyList<ContentMixWeek> weeks)
    {
        var baseDays = t.BaselineMs / DayMs;
        ContentKind Kind(PushKind k)
        {
            var i = (int)k;
            var days = t.WindowMs[i] / DayMs;
            return new ContentKind(t.Pushes[i], days, t.Orders[i], Rate(t.Orders[i], days), t.Reached[i], t.Leaves[i],
                t.Reached[i] == 0 ? null : (double)t.Leaves[i] / t.Reached[i]);
        }
        RuleCheck Lift(string rule, PushKind k)
        {
            var i = (int)k;
            var days = t.WindowMs[i] / DayMs;
            double? ratio = Rate(t.Orders[i], days) is { } r && Rate(t.BaselineOrders, baseDays) is { } b && b > 0 ? r / b : null;
            return Evidence.Check(rule, ratio, Intervals.RateRatio(t.Orders[i], days, t.BaselineOrders, baseDays),
                IntervalMethod.PoissonLogRatio, t.Orders[i] + t.BaselineOrders, 1);
        }
        return new ContentAudience(id, name, new ContentBaseline(baseDays, t.BaselineOrders, Rate(t.BaselineOrders, baseDays)),
            Kind(PushKind.Content), Kind(PushKind.Promotion), Kind(PushKind.Service),
            Lift("content-lift", PushKind.Content), Lift("promotion-lift", PushKind.Promotion), weeks);
    }

    private static double? Rate(long orders, double days) => days > 0 ? orders / days : null;

    private sealed class Tally
    {
        public readonly int[] Pushes = new int[3];
        public readonly double[] WindowMs = new double[3];
        public readonly long[] Orders = new long[3];
        public readonly long[] Reached = new long[3];
        public readonly long[] Leaves = new long[3];
        public double BaselineMs;
        public long BaselineOrders;

        public void Add(Tally o)
        {
            for (var k = 0; k < 3; k++)
            {
                Pushes[k] += o.Pushes[k];
                WindowMs[k] += o.WindowMs[k];
                Orders[k] += o.Orders[k];
                Reached[k] += o.Reached[k];
                Leaves[k] += o.Leaves[k];
            }
            BaselineMs += o.BaselineMs;
            BaselineOrders += o.BaselineOrders;
        }
    }

    private static Tally Measure(ContentPush[] pushes, ContentMemberEvent[] events, DataSnapshot s, long fromMs, long toMs)
    {
        var tally = new Tally();
        var windows = new Windows(pushes);
        var spans = Memberships(events);
        // Members at an instant: spans started at or before it minus spans ended at or before it.
        var starts = spans.Select(m => m.Start).Order().ToArray();
        var ends = spans.Where(m => m.End != long.MaxValue).Select(m => m.End).Order().ToArray();
        foreach (var p in pushes)
        {
            if (p.SentMs >= fromMs && p.SentMs < toMs)
            {
                tally.Pushes[(int)p.Kind]++;
                tally.Reached[(int)p.Kind] += UpperBound(starts, p.SentMs) - UpperBound(ends, p.SentMs);
            }
        }
        foreach (var e in events)
        {
            if (e.Joined || e.AtMs < fromMs || e.AtMs >= toMs)
            {
                continue;
            }
            var j = windows.LatestAtOrBefore(e.AtMs);
            if (j >= 0 && pushes[j].SentMs >= fromMs && e.AtMs - pushes[j].SentMs <= LeaveWindowMs)
            {
                tally.Leaves[(int)pushes[j].Kind]++;
            }
        }
        foreach (var (customer, spanStart, spanEnd) in spans)
        {
            var a = Math.Max(spanStart, fromMs);
            var b = Math.Min(spanEnd, toMs);
            if (a >= b)
            {
                continue;
            }
            double covered = 0;
            foreach (var k in Kinds)
            {
                var ms = windows.Covered(k, b) - windows.Covered(k, a);
                tally.WindowMs[(int)k] += ms;
                covered += ms;
            }
            tally.BaselineMs += b - a - covered;
            if (customer < 0)
            {
                continue;
            }
            for (var i = s.OrderStart[customer]; i < s.OrderStart[customer + 1]; i++)
            {
                var at = s.PlacedAtMs[i];
                if (at < a || at >= b)
                {
                    continue;
                }
                var kind = windows.KindAt(at);
                if (kind is { } k)
                {
                    tally.Orders[(int)k]++;
                }
                else
                {
                    tally.BaselineOrders++;
                }
            }
        }
        return tally;
    }

    /// <summary>Membership spans [start, end) per customer from the events; end is long.MaxValue while still a member.</summary>
    private static List<(int Customer, long Start, long End)> Memberships(ContentMemberEvent[] events)
    {
        var spans = new List<(int, long, long)>();
        foreach (var group in events.GroupBy(e => e.Customer))
        {
            long? open = null;
            foreach (var e in group.OrderBy(e => e.AtMs))
            {
                if (e.Joined && open is null)
                {
                    open = e.AtMs;
                }
                else if (!e.Joined)
                {
                    spans.Add((group.Key, open ?? long.MinValue, e.AtMs));
                    open = null;
                }
            }
            if (open is { } start)
            {
                spans.Add((group.Key, start, long.MaxValue));
            }
        }
        return spans;
    }

    private static int UpperBound(long[] sorted, long value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    /// <summary>An audience's push windows, each [sent, min(sent + 72 h, next push)), with covered time per kind in prefix sums.</summary>
    private sealed class Windows
    {
        private readonly long[] _sent;
        private readonly long[] _end;
        private readonly PushKind[] _kind;
        private readonly long[][] _before; // [kind][i]: covered ms of that kind in windows before i

        public Windows(ContentPush[] pushes)
        {
            var n = pushes.Length;
            _sent = pushes.Select(p => p.SentMs).ToArray();
            _kind = pushes.Select(p => p.Kind).ToArray();
            _end = new long[n];
            _before = [new long[n + 1], new long[n + 1], new long[n + 1]];
            for (var i = 0; i < n; i++)
            {
                _end[i] = i + 1 < n ? Math.Min(_sent[i] + WindowMs, _sent[i + 1]) : _sent[i] + WindowMs;
                for (var k = 0; k < 3; k++)
                {
                    _before[k][i + 1] = _before[k][i] + ((int)_kind[i] == k ? _end[i] - _sent[i] : 0);
                }
            }
        }

        /// <summary>Index of the latest push sent at or before <paramref name="at"/>, or −1.</summary>
        public int LatestAtOrBefore(long at) => UpperBound(_sent, at) - 1;

        public PushKind? KindAt(long at)
        {
            var j = LatestAtOrBefore(at);
            return j >= 0 && at < _end[j] ? _kind[j] : null;
        }

        /// <summary>Time of kind <paramref name="kind"/>'s windows before <paramref name="at"/>.</summary>
        public long Covered(PushKind kind, long at)
        {
            if (at == long.MinValue)
            {
                return 0;
            }
            var j = LatestAtOrBefore(at);
            if (j < 0)
            {
                return 0;
            }
            var k = (int)kind;
            return _before[k][j] + (_kind[j] == kind ? Math.Min(at, _end[j]) - _sent[j] : 0);
        }
    }

    private static Period[] WeeksOf(DateTimeOffset from, DateTimeOffset to, ZoneClock clock)
    {
        if (from >= to)
        {
            return [];
        }
        var first = Period.Containing(PeriodKind.Week, from, clock);
        var last = Period.Containing(PeriodKind.Week, to.AddMilliseconds(-1), clock);
        return Enumerable.Range(0, last.Ordinal - first.Ordinal + 1).Select(first.Add).ToArray();
    }

    private static IReadOnlyList<ContentMixWeek> Mix(ContentPush[] pushes, Period[] weeks, long fromMs, long toMs, int min, int max, ZoneClock clock)
    {
        if (weeks.Length == 0)
        {
            return [];
        }
        var counts = new int[weeks.Length, 3];
        var first = weeks[0].Ordinal;
        foreach (var p in pushes)
        {
            if (p.SentMs >= fromMs && p.SentMs < toMs)
            {
                counts[Period.Containing(PeriodKind.Week, DateTimeOffset.FromUnixTimeMilliseconds(p.SentMs), clock).Ordinal - first, (int)p.Kind]++;
            }
        }
        return weeks.Select((w, i) =>
        {
            var (promotion, content, service) = (counts[i, (int)PushKind.Promotion], counts[i, (int)PushKind.Content], counts[i, (int)PushKind.Service]);
            var status = promotion > max ? ContentMixStatus.Over
                : promotion < min ? ContentMixStatus.Under
                : content == 0 ? ContentMixStatus.NoContent
                : ContentMixStatus.Ok;
            return new ContentMixWeek(w.ToString(), promotion, content, service, status);
        }).ToList();
    }
}
