using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LiveOps.Tests.Support;

/// <summary>What a person sees at a given window size: elements inside the viewport, axis labels apart.</summary>
public static class LayoutProbe
{
    public static readonly (int Width, int Height) Desktop = (1440, 900);
    public static readonly (int Width, int Height) Phone = (390, 844);

    /// <summary>Every rendered chart's axis labels that show text, as "chart: label" pairs that overlap (empty when none do).</summary>
    public static async Task<IReadOnlyList<string>> OverlappingAxisLabelsAsync(IPage page)
    {
        var pairs = await page.EvaluateAsync<string[]>("""
            () => {
              const out = [];
              for (const chart of document.querySelectorAll('.apex-chart')) {
                for (const axis of ['.apexcharts-xaxis-label', '.apexcharts-yaxis-label']) {
                  const boxes = [...chart.querySelectorAll(axis)]
                    .map(t => ({ text: [...t.querySelectorAll('tspan')].map(s => s.textContent).join(' ').trim(), r: t.getBoundingClientRect() }))
                    .filter(b => b.text !== '')
                    .filter(b => b.r.width > 0 && b.r.height > 0);
                  for (let i = 0; i < boxes.length; i++) {
                    for (let j = i + 1; j < boxes.length; j++) {
                      const a = boxes[i].r, b = boxes[j].r;
                      const overlapX = Math.min(a.right, b.right) - Math.max(a.left, b.left);
                      const overlapY = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
                      if (overlapX > 1 && overlapY > 1) {
                        out.push(`${chart.dataset.testid}: "${boxes[i].text}" / "${boxes[j].text}"`);
                      }
                    }
                  }
                }
              }
              return out;
            }
            """);
        return pairs;
    }

    /// <summary>The texts of one chart's axis labels that show text.</summary>
    public static async Task<IReadOnlyList<string>> AxisLabelsAsync(IPage page, string chartTestId, char axis)
    {
        var locator = page.Locator($"[data-testid={chartTestId}][data-chart-ready=true] .apexcharts-{axis}axis-label");
        await Expect(locator.First).ToBeAttachedAsync();
        // A label is a <text> with the shown <tspan>s and a <title> holding the unformatted value.
        var texts = await locator.EvaluateAllAsync<string[]>("ts => ts.map(t => [...t.querySelectorAll('tspan')].map(s => s.textContent).join(' ').trim())");
        return [.. texts.Where(t => t.Length > 0)];
    }

    /// <summary>Asserts the element's box lies inside the viewport without scrolling sideways.</summary>
    public static async Task AssertInViewportAsync(IPage page, ILocator element, string what)
    {
        await Expect(element).ToBeVisibleAsync();
        var box = await element.BoundingBoxAsync() ?? throw new InvalidOperationException($"{what} has no box");
        var width = page.ViewportSize!.Width;
        var scrollX = await page.EvaluateAsync<double>("() => window.scrollX");
        Assert.True(scrollX == 0, $"{what}: the page scrolled sideways by {scrollX}px");
        Assert.True(box.X >= 0 && box.X + box.Width <= width + 0.5,
            $"{what} lies at x={box.X:0}..{box.X + box.Width:0}, outside the {width}px viewport");
    }
}
