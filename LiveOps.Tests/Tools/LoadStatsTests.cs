using LiveOps.LoadBench;

namespace LiveOps.Tests.Tools;

/// <summary>The load bench's percentiles, against values published for numpy's default (linear) percentile.</summary>
public sealed class LoadStatsTests
{
    [Fact]
    public void Summarise_OneToTenSeconds_P50Is5Point5_P95Is9Point55()
    {
        // numpy.percentile(range(1, 11), [50, 95]) == [5.5, 9.55]
        var summary = LoadStats.Summarise("http: export", "/export/overview.csv", [7, 3, 10, 1, 5, 9, 2, 8, 4, 6], errors: 1);

        Assert.Equal(10, summary.Count);
        Assert.Equal(1, summary.Errors);
        Assert.Equal(5.5, summary.P50, 10);
        Assert.Equal(9.55, summary.P95, 10);
        Assert.Equal(10, summary.Max);
    }

    [Fact]
    public void Summarise_FiveValues_InterpolatesBetweenTheClosestRanks()
    {
        // numpy.percentile([15, 20, 35, 40, 50], [50, 95]) == [35.0, 48.0]
        var summary = LoadStats.Summarise("browser: page live", "cohorts", [50, 15, 40, 35, 20], errors: 0);

        Assert.Equal(35, summary.P50, 10);
        Assert.Equal(48, summary.P95, 10);
    }

    [Fact]
    public void Stats_ErrorsOnly_CountedWithoutTimings_AndOverallPoolsEveryTargetOfAKind()
    {
        var stats = new LoadStats();
        stats.Add(LoadReport.Export, "/export/overview.csv", TimeSpan.FromSeconds(1));
        stats.Add(LoadReport.Export, "/export/campaigns.csv", TimeSpan.FromSeconds(3));
        stats.Fail(LoadReport.Export, "/export/campaigns.csv", "HTTP 500");
        stats.Fail(LoadReport.HttpPage, "/tiers", "HTTP 302 /account/login");

        var tiers = stats.Summaries().Single(s => s.Target == "/tiers");
        var exports = stats.Overall(LoadReport.Export);

        Assert.Equal((0, 1), (tiers.Count, tiers.Errors));
        Assert.True(double.IsNaN(tiers.P95));
        Assert.Equal((2, 1), (exports.Count, exports.Errors));
        Assert.Equal(2.0, exports.P50, 10);
        Assert.Equal(2.9, exports.P95, 10);
        Assert.Equal(["http: export /export/campaigns.csv: HTTP 500", "http: page /tiers: HTTP 302 /account/login"], stats.FirstErrors);
        Assert.Equal("| http: export | `/export/campaigns.csv` | 1 | 1 | 3.00 | 3.00 | 3.00 |", LoadReport.Row(stats.Summaries().Single(s => s.Target == "/export/campaigns.csv")));
    }
}
