using LiveOps.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace LiveOps.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ShellBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private DashboardApp _app = default!;

    public Task InitializeAsync()
    {
        _app = DashboardApp.Start(demoData: false);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task UnknownAddress_ShowsFriendlyNotFound()
    {
        await using var page = await browser.NewPageAsync();

        await page.Page.GotoAsync(_app.Url("/no-such-page"));

        await Expect(page.Page.GetByTestId("not-found")).ToContainTextAsync("页面不存在");
    }

    [Fact]
    public async Task UnbuiltPage_SaysSoPlainly_WithoutConsoleErrors()
    {
        await using var page = await browser.NewPageAsync();

        await page.GotoAsync(_app, "/live-sessions");

        await Expect(page.Page.GetByTestId("not-built")).ToBeVisibleAsync();
        Assert.Empty(page.ConsoleErrors);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
