using System.Net;
using LiveOps.Tests.Support;

namespace LiveOps.Tests.Dashboard.Shell;

/// <summary>The /culture/set endpoint and the html lang, over real HTTP against the real app.</summary>
public sealed class CultureEndpointTests : IAsyncLifetime
{
    private DashboardApp _app = default!;
    private HttpClient _http = default!;

    public Task InitializeAsync()
    {
        _app = DashboardApp.Start(demoData: false);
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(_app.BaseUrl) };
        return Task.CompletedTask;
    }

    [Fact]
    public async Task SetEnglish_StoresCookieForAYear_AndRedirectsToTheLocalPage()
    {
        var response = await _http.GetAsync("/culture/set?culture=en&redirectUri=%2Fdata%3Fkind%3Dorders");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/data?kind=orders", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(".AspNetCore.Culture=c%3Den%7Cuic%3Den;", cookie);
        Assert.Contains("expires=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SetCulture_WithForeignRedirect_GoesHomeInstead()
    {
        var response = await _http.GetAsync("/culture/set?culture=en&redirectUri=%2F%2Fevil.example%2F");

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Page_WithoutCookie_IsChinese_EvenWhenTheBrowserAsksForEnglish()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/data");
        request.Headers.Add("Accept-Language", "en-US,en;q=0.9");
        request.Headers.Add("Cookie", await _app.SignInCookieAsync());

        var html = WebUtility.HtmlDecode(await (await _http.SendAsync(request)).Content.ReadAsStringAsync());

        Assert.Contains("<html lang=\"zh-CN\">", html);
        Assert.Contains("数据导入", html);
    }

    [Fact]
    public async Task Page_WithEnglishCookie_IsEnglish_WithHtmlLangEn()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/data");
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den; " + await _app.SignInCookieAsync());

        var html = WebUtility.HtmlDecode(await (await _http.SendAsync(request)).Content.ReadAsStringAsync());

        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("Members & tiers", html);
        Assert.DoesNotContain("数据导入", html);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }
}
