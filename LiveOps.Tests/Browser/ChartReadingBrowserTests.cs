using LiveOps.Core.Common;
using LiveOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace LiveOps.Tests.Browser;

/// <summary>Charts read like the platforms': ¥ with 万, %, m:ss, and date labels that never overlap, on a desktop and a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ChartReadingBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private DashboardApp _app = default!;

    public Task InitializeAsync()
    {
        _app = DashboardApp.Start(demoData: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ChartModuleFormatters_TurnNumbersIntoWhatOperatorsRead_InChineseAndEnglish()
    {
        await using var page = await browser.NewPageAsync();
        await page.GotoAsync(_app, "/");

        var zh = await page.Page.EvaluateAsync<string[]>("""
            async () => {
              const m = await import('./Components/Charts/ApexChart.razor.js');
              const f = m.formatters;
              return [f.yuan(800000), f.yuan(125000), f.yuan(8000), f.yuanExact(203.61990417962744), f.percent(2.5),
                      f.percent(37), f.fraction(0.125), f.count(243.5), f.count(12345), f.duration(185), f.duration(3725),
                      f.week('2026-W36'), f.weekTick('2026-W36')];
            }
            """);
        Assert.Equal(["¥80万", "¥12.5万", "¥8,000", "¥203.62", "2.5%", "37%", "12.5%", "244", "1.2万", "3:05", "1:02:05", "2026年第36周", "第36周"], zh);

        var en = await page.Page.EvaluateAsync<string[]>("""
            async () => {
              document.documentElement.lang = 'en';
              const f = (await import('./Components/Charts/ApexChart.razor.js')).formatters;
              return [f.yuan(800000), f.count(12345), f.week('2026-W36'), f.weekTick('2026-W36')];
            }
            """);
        Assert.Equal(["¥800K", "12.3K", "2026 week 36", "W36"], en);
    }

    [Theory]
    [InlineData(1440, 900)]
    [InlineData(390, 844)]
    public async Task Overview_365Days_AxesInYuanAndShortDates_NoLabelOverlapsAnother(int width, int height)
    {
        await using var page = await browser.NewPageAsync();
        await page.Page.SetViewportSizeAsync(width, height);
        var today = _app.Services.GetRequiredService<ZoneClock>().Today;
        await page.GotoAsync(_app, $"/?from={today.AddDays(-364):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}");
        await Expect(page.Page.GetByTestId("range-365")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-button-filled"));
        await Expect(page.Page.Locator("[data-testid=gmv-chart][data-chart-ready=true] .apexcharts-xaxis-label").First).ToBeAttachedAsync();
        await Expect(page.Page.Locator("[data-testid=joins-chart][data-chart-ready=true] .apexcharts-xaxis-label").First).ToBeAttachedAsync();

        var yLabels = await LayoutProbe.AxisLabelsAsync(page.Page, "gmv-chart", 'y');
        Assert.All(yLabels, l => Assert.StartsWith("¥", l));
        Assert.Contains(yLabels, l => l.EndsWith('万'));
        var xLabels = await LayoutProbe.AxisLabelsAsync(page.Page, "gmv-chart", 'x');
        Assert.All(xLabels, l => Assert.Matches(@"^\d{2}-\d{2}$", l));
        Assert.InRange(xLabels.Count, 2, width / 64);
        var weeks = await LayoutProbe.AxisLabelsAsync(page.Page, "joins-chart", 'x');
        Assert.All(weeks, l => Assert.Matches(@"^第\d{1,2}周$", l));

        Assert.Empty(await LayoutProbe.OverlappingAxisLabelsAsync(page.Page));
        Assert.Empty(page.ConsoleErrors);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
