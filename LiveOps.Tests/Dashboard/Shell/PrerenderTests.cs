using LiveOps.Tests.Support;

namespace LiveOps.Tests.Dashboard.Shell;

/// <summary>
/// The prerendered HTML of the report pages carries the loading state, not the report: the report runs once, in the
/// live circuit, so at a million orders the first response is not held back by a report computed twice.
/// </summary>
public sealed class PrerenderTests : IAsyncLifetime
{
    private DashboardApp _app = default!;

    public Task InitializeAsync()
    {
        _app = DashboardApp.Start(demoData: true);
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("/cadence", "data-testid=\"cadence-grid\"")]
    [InlineData("/tiers", "data-testid=\"tier-distribution\"")]
    [InlineData("/campaigns", "campaign-row")]
    [InlineData("/", "data-testid=\"kpi-gmv-value\"")]
    public async Task PrerenderedPage_ShowsTheLoadingState_WithoutTheReport(string path, string reportMarker)
    {
        using var http = await _app.SignedInClientAsync();

        var html = await http.GetStringAsync(path);

        Assert.Contains("id=\"app-root\" data-interactive=\"false\"", html, StringComparison.Ordinal);
        Assert.Contains("mud-progress-linear", html, StringComparison.Ordinal);
        Assert.DoesNotContain(reportMarker, html, StringComparison.Ordinal);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
