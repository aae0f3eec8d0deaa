using LiveOps.Core.Common;
using LiveOps.Core.Data.Entities;

namespace LiveOps.Core.Campaigns;

/// <summary>A campaign as stored: what the report needs besides the pass over orders and events.</summary>
public sealed record CampaignInfo(
    string CampaignId,
    string Name,
    CampaignType Type,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    decimal? Cost,
    int AttributionDays);

/// <summary>
/// Turns the tallied facts into the report: selects and orders the campaigns, derives rates, daily grids and
/// benchmarks. Pure: no database, no clock beyond the zone for local days.
/// </summary>
public static class CampaignReportBuilder
{
    public static CampaignReport Build(
        IReadOnlyList<CampaignInfo> campaigns,
        CampaignCatalog catalog,
        CampaignTally tally,
        CampaignQuery query,
        ZoneClock clock,
        IReadOnlyList<CampaignBuyer> buyers)
    {
        var selected = campaigns
            .Where(c => query.From is null || c.StartsAt >= query.From)
            .Where(c => query.To is null || c.StartsAt < query.To)
            .Where(c => query.Type is null || c.Type == query.Type)
            .OrderBy(c => c.StartsAt)
            .ThenBy(c => c.CampaignId, StringComparer.Ordinal)
            .Select(c => (Info: c, Facts: tally.FactsOf(catalog.IndexOf(c.CampaignId)), Stages: tally.StagesOf(catalog.IndexOf(c.CampaignId))))
            .ToList();

        var results = selected.Select(s => ToResult(s.Info, s.Facts, s.Stages)).ToList();
        var metrics = results.Select(Metrics).ToList();
        var insights = new List<CampaignInsight>(selected.Count);
        for (var i = 0; i < selected.Count; i++)
        {
            var (info, facts, _) = selected[i];
            var result = results[i];
            var peers = Enumerable.Range(0, results.Count).Where(j => results[j].Type == result.Type).Select(j => metrics[j]).ToList();
            insights.Add(new CampaignInsight(
                result,
                info.StartsAt,
                info.EndsAt,
                info.AttributionDays,
                new CampaignConversions(
                    Rate(result.Clicked, result.Exposed),
                    Rate(result.Joined, result.Clicked),
                    Rate(result.Claimed, result.Joined),
                    Rate(result.Redeemed, result.Claimed),
                    Rate(result.Buyers, result.Exposed)),
                facts.NewBuyers,
                facts.Buyers - facts.NewBuyers,
                result.Exposed == 0 ? null : Exact(result.Revenue / result.Exposed),
                Median(facts.HoursToPurchase),
                DayGrid(info, facts, clock),
                new CampaignBenchmark(
                    peers.Count,
                    Benchmark(metrics[i].ExposedToBuyer, peers.Select(p => p.ExposedToBuyer)),
                    Benchmark(metrics[i].RevenuePerExposed, peers.Select(p => p.RevenuePerExposed)),
                    Benchmark(metrics[i].RepeatRate, peers.Select(p => p.RepeatRate)),
                    Benchmark(metrics[i].Roi, peers.Select(p => p.Roi)))));
        }
        return new CampaignReport { Campaigns = results, Insights = insights, Buyers = buyers };
    }

    private static CampaignResult ToResult(CampaignInfo info, CampaignFacts facts, int[] s)
    {
        var revenue = Exact(facts.Revenue);
        var cost = info.Cost is { } c ? Exact(c) : (decimal?)null;
        // A zero cost has no return ratio; null rather than infinity keeps the JSON valid.
        double? roi = cost is { } k && k != 0 ? (double)((revenue - k) / k) : null;
        return new CampaignResult(info.CampaignId, info.Name, info.Type, s[0], s[1], s[2], s[3], s[4],
            facts.Buyers, facts.Orders, revenue, facts.RepeatBuyers90d, cost, roi);
    }

    private sealed record MetricValues(double? ExposedToBuyer, double? RevenuePerExposed, double? RepeatRate, double? Roi);

    private static MetricValues Metrics(CampaignResult r) => new(
        Rate(r.Buyers, r.Exposed),
        r.Exposed == 0 ? null : (double)(r.Revenue / r.Exposed),
        Rate(r.RepeatBuyers90d, r.Buyers),
        r.Roi);

    private static BenchmarkMetric Benchmark(double? value, IEnumerable<double?> peers)
    {
        var values = peers.Where(v => v is not null).Select(v => v!.Value).Order().ToArray();
        return values.Length == 0
            ? new BenchmarkMetric(value, null, null)
            : new BenchmarkMetric(value, Percentile(values, 0.5), Percentile(values, 0.75));
    }

    /// <summary>Linear interpolation between closest ranks over sorted values (the spreadsheet PERCENTILE.INC).</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        var position = p * (sorted.Count - 1);
        var lower = (int)Math.Floor(position);
        var upper = (int)Math.Ceiling(position);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }

    private static double? Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }
        // A copy: the tally may be cached and read by several reports at once.
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return Percentile(sorted, 0.5);
    }

    private static double? Rate(int part, int whole) => whole == 0 ? null : (double)part / whole;

    /// <summary>
    /// Every local day from the campaign's start (or its first attributed order, if earlier) to its end (or its last
    /// attributed order, if later), days without orders included.
    /// </summary>
    private static IReadOnlyList<CampaignDay> DayGrid(CampaignInfo info, CampaignFacts facts, ZoneClock clock)
    {
        var first = clock.LocalDate(info.StartsAt);
        var last = info.EndsAt is { } end ? clock.LocalDate(end) : first;
        if (last < first)
        {
            last = first;
        }
        if (facts.Days.Count > 0)
        {
            var days = facts.Days.Keys;
            var min = days.First();
            var max = days.Last();
            first = min < first ? min : first;
            last = max > last ? max : last;
        }
        var grid = new List<CampaignDay>(last.DayNumber - first.DayNumber + 1);
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            grid.Add(facts.Days.TryGetValue(day, out var d) ? new CampaignDay(day, Exact(d.Revenue), d.Buyers) : new CampaignDay(day, 0m, 0));
        }
        return grid;
    }

    /// <summary>The same value without trailing zeros, so 32016.0200 is written as 32016.02.</summary>
    public static decimal Exact(decimal value) => value / 1.000000000000000000000000000000000m;
}
