using LiveOps.Core.Tiers;

namespace LiveOps.Dashboard.Components.Pages.Tiers;

/// <summary>CSV downloads of the page's lists, computed by the same Core service as the page.</summary>
public static class TierExports
{
    public static void MapTierExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/tiers/export/upgrades.csv", async (TierWatchService watch, CancellationToken ct) =>
        {
            var report = await watch.RunAsync(new TierWatchQuery(), ct);
            return Csv(w => TierCsv.WriteUpgrades(report.Upgrades, w), "tier-upgrades.csv");
        });
        app.MapGet("/tiers/export/downgrade-risks.csv", async (TierWatchService watch, CancellationToken ct) =>
        {
            var report = await watch.RunAsync(new TierWatchQuery(), ct);
            return Csv(w => TierCsv.WriteDowngradeRisks(report.DowngradeRisks, w), "tier-downgrade-risks.csv");
        });
    }

    private static IResult Csv(Action<TextWriter> write, string fileName)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, TierCsv.FileEncoding, leaveOpen: true))
        {
            write(writer);
        }
        return Results.File(buffer.ToArray(), "text/csv; charset=utf-8", fileName);
    }
}
