using LiveOps.Core.LiveSessions;
using LiveOps.Core.Store;

namespace LiveOps.Core.InviteTiming;

/// <summary>
/// The definitions of "when to invite" (引导时机). Buyers: customers whose first paid order ever carries the session's id
/// (all sessions: carries any session id). Delay = joined_private_at − that order's instant, in minutes; buckets
/// before (delay &lt; 0), [0, 5), [5, 15), [15, 30), [30, 60), [60, 120), [120, 1440), 1440 and more, never.
/// The broadcast timeline runs minute by minute from the session's start to 2 h after its end (ended_at, else start + 3 h,
/// as in <see cref="LiveSessionRules"/>), at most 24 h.
/// </summary>
public static class InviteTimingShape
{
    private static readonly (string Key, int? From, int? To)[] Edges =
    [
        ("0-5", 0, 5), ("5-15", 5, 15), ("15-30", 15, 30), ("30-60", 30, 60), ("60-120", 60, 120), ("120-1440", 120, 1440), ("1440+", 1440, null),
    ];

    private const int MaxMinutes = 24 * 60;

    public static InviteTimingReport Shape(DataSnapshot s, string? liveSessionId, long? startMs, long? endMs)
    {
        var target = liveSessionId is null ? -2 : Array.IndexOf(s.LiveSessionIds, liveSessionId);
        var counts = new long[Edges.Length];
        long before = 0, never = 0, buyers = 0;
        for (var c = 0; c < s.CustomerCount; c++)
        {
            var start = s.OrderStart[c];
            if (start == s.OrderStart[c + 1])
            {
                continue;
            }
            var session = s.LiveSessions[start];
            if (session < 0 || (target != -2 && session != target))
            {
                continue;
            }
            buyers++;
            var joined = s.JoinedPrivateMs[c];
            if (joined == DataSnapshot.NoInstant)
            {
                never++;
                continue;
            }
            var minutes = (joined - s.PlacedAtMs[start]) / 60_000d;
            if (minutes < 0)
            {
                before++;
                continue;
            }
            var b = Array.FindIndex(Edges, e => e.To is null || minutes < e.To);
            counts[b]++;
        }
        double? Share(long n) => buyers == 0 ? null : (double)n / buyers;
        var buckets = new List<JoinDelayBucket> { new("before", null, 0, before, Share(before), null) };
        long running = 0;
        for (var b = 0; b < Edges.Length; b++)
        {
            running += counts[b];
            buckets.Add(new JoinDelayBucket(Edges[b].Key, Edges[b].From, Edges[b].To, counts[b], Share(counts[b]), Share(running)));
        }
        buckets.Add(new JoinDelayBucket("never", null, null, never, Share(never), null));
        return new InviteTimingReport(liveSessionId, buyers, buckets,
            startMs is { } from && endMs is { } end && target >= 0 ? Minutes(s, target, from, end) : []);
    }

    private static IReadOnlyList<BroadcastMinute> Minutes(DataSnapshot s, int session, long startMs, long endMs)
    {
        var last = endMs + (long)LiveSessionRules.JoinWindowAfterEnd.TotalMilliseconds;
        var count = (int)Math.Clamp((last - startMs) / 60_000 + 1, 1, MaxMinutes);
        var orders = new int[count];
        var joins = new int[count];
        int? MinuteOf(long at)
        {
            var m = Math.Floor((at - startMs) / 60_000d);
            return m >= 0 && m < count ? (int)m : null;
        }
        for (var i = 0; i < s.OrderCount; i++)
        {
            if (s.LiveSessions[i] == session && MinuteOf(s.PlacedAtMs[i]) is { } m)
            {
                orders[m]++;
            }
        }
        foreach (var joined in s.JoinedPrivateMs)
        {
            if (joined != DataSnapshot.NoInstant && MinuteOf(joined) is { } m)
            {
                joins[m]++;
            }
        }
        return Enumerable.Range(0, count).Select(m => new BroadcastMinute(m, orders[m], joins[m])).ToList();
    }
}
