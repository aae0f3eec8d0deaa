using LiveOps.Core.Common;
using LiveOps.Core.LiveSessions;
using LiveOps.Core.Store;

namespace LiveOps.Core.Acquisition;

/// <summary>A live session as the cohorts need it.</summary>
public sealed record SessionInfo(string LiveSessionId, string? Title, DateTimeOffset StartedAt);

/// <summary>
/// The definitions, as one pass over the snapshot. Only paid orders before as-of count. A customer's first order is
/// their earliest paid order; a session acquires the customers whose first order carries its live_session_id; every
/// other first-time buyer (first order without a session id, or naming no known session) is acquired outside any session.
/// A buyer repeats within N days when their second paid order is at most N × 24 h after the first (the same instant
/// counts); only buyers whose first order is at least N × 24 h before as-of are eligible. LTV is the sum of all their
/// paid orders before as-of. Joined: joined_private_at before as-of. Tier: the rank held at as-of (see <see cref="Tiers.SnapshotTiers"/>).
/// </summary>
public static class AcquisitionShape
{
    public static readonly int[] WindowDays = [30, 90, 180];

    public static AcquisitionReport Shape(DataSnapshot s, IReadOnlyList<SessionInfo> sessions, IReadOnlyList<string> tiers, int[] ranks, DateTimeOffset asOf, ZoneClock clock)
    {
        var asOfMs = asOf.ToUnixTimeMilliseconds();
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k < sessions.Count; k++)
        {
            byId[sessions[k].LiveSessionId] = k;
        }
        // Snapshot's session index → report index (or −1: outside).
        var map = s.LiveSessionIds.Select(id => byId.GetValueOrDefault(id, -1)).ToArray();
        var groups = Enumerable.Range(0, sessions.Count + 1).Select(_ => new Tally(tiers.Count)).ToArray();
        var outside = groups[^1];
        var total = new Tally(tiers.Count);
        for (var c = 0; c < s.CustomerCount; c++)
        {
            var start = s.OrderStart[c];
            if (start == s.OrderStart[c + 1] || s.PlacedAtMs[start] >= asOfMs)
            {
                continue;
            }
            var session = s.LiveSessions[start];
            var group = session >= 0 && map[session] >= 0 ? groups[map[session]] : outside;
            group.Add(s, c, ranks[c], asOfMs);
            total.Add(s, c, ranks[c], asOfMs);
        }
        var rows = sessions.Select((info, k) => new SessionCohort(info.LiveSessionId, info.Title, clock.ToLocal(info.StartedAt), groups[k].Cohort()))
            .OrderByDescending(r => r.StartedAt).ThenBy(r => r.LiveSessionId, StringComparer.Ordinal)
            .ToList();
        var withBuyers = rows.Where(r => r.Cohort.Buyers > 0).Select(r => r.Cohort).ToList();
        var benchmarks = new AcquisitionBenchmarks(
            LiveSessionRules.BenchmarkOf(rows.Select(r => (double?)r.Cohort.Buyers)),
            LiveSessionRules.BenchmarkOf(withBuyers.Select(c => c.Repeat90.Rate)),
            LiveSessionRules.BenchmarkOf(withBuyers.Select(c => (double?)c.LtvPerBuyer)),
            LiveSessionRules.BenchmarkOf(withBuyers.Select(c => c.JoinShare)));
        return new AcquisitionReport(clock.ToLocal(asOf), tiers, rows, outside.Cohort(), total.Cohort(), benchmarks);
    }

    private sealed class Tally(int tierCount)
    {
        private long _buyers, _units, _joined;
        private readonly long[] _eligible = new long[WindowDays.Length];
        private readonly long[] _repeaters = new long[WindowDays.Length];
        private readonly long[] _tiers = new long[tierCount];

        public void Add(DataSnapshot s, int c, int rank, long asOfMs)
        {
            var start = s.OrderStart[c];
            var first = s.PlacedAtMs[start];
            _buyers++;
            for (var i = start; i < s.OrderStart[c + 1] && s.PlacedAtMs[i] < asOfMs; i++)
            {
                _units += s.AmountUnits[i];
            }
            var second = start + 1 < s.OrderStart[c + 1] && s.PlacedAtMs[start + 1] < asOfMs ? s.PlacedAtMs[start + 1] : long.MaxValue;
            for (var w = 0; w < WindowDays.Length; w++)
            {
                var span = WindowDays[w] * 86_400_000L;
                if (first + span <= asOfMs)
                {
                    _eligible[w]++;
                    _repeaters[w] += second - first <= span ? 1 : 0;
                }
            }
            var joined = s.JoinedPrivateMs[c];
            _joined += joined != DataSnapshot.NoInstant && joined < asOfMs ? 1 : 0;
            if (rank < _tiers.Length)
            {
                _tiers[rank]++;
            }
        }

        public AcquisitionCohort Cohort()
        {
            RepeatWithin Repeat(int w) => new(WindowDays[w], _eligible[w], _repeaters[w], _eligible[w] == 0 ? null : (double)_repeaters[w] / _eligible[w]);
            var ltv = Money.FromUnits(_units);
            return new AcquisitionCohort(_buyers, Repeat(0), Repeat(1), Repeat(2), ltv, _buyers == 0 ? null : ltv / _buyers,
                _joined, _buyers == 0 ? null : (double)_joined / _buyers, [.. _tiers]);
        }
    }
}
