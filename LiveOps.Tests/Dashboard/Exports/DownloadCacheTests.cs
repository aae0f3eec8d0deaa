using System.Net;
using LiveOps.Core.Accounts;
using LiveOps.Core.Store;
using LiveOps.Dashboard.Exports;
using LiveOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LiveOps.Tests.Dashboard.Exports;

/// <summary>
/// Downloads under /export/ are written once per address, language and data version and the same bytes sent to every
/// request (the real app over HTTP on the demo shop): the count of files written is the evidence.
/// </summary>
public sealed class DownloadCacheTests : IAsyncLifetime
{
    private const string Churn = "/export/value/customers.csv?list=churn";
    private const string Campaigns = "/export/campaigns.xlsx";

    private DashboardApp _app = default!;
    private HttpClient _http = default!;
    private DownloadCache _cache = default!;
    private string _cookie = "";

    public async Task InitializeAsync()
    {
        _app = DashboardApp.Start(demoData: true, user: Role.Lead);
        _cookie = await _app.SignInCookieAsync();
        _http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(_app.BaseUrl) };
        _cache = _app.Services.GetRequiredService<DownloadCache>();
        // The sign-in wrote to the database: the first request sees that as a change, so it is made before counting.
        (await GetAsync("/export/tiers/upgrades.csv")).Response.Dispose();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    private long Written => _cache.Files.Computed("download");

    private async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(string path, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", (language is null ? "" : $".AspNetCore.Culture=c%3D{language}%7Cuic%3D{language}; ") + _cookie);
        var response = await _http.SendAsync(request);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task SameAddressTwice_IsWrittenOnce_AndSendsTheSameFileWithItsHeaders()
    {
        var before = Written;

        var (first, firstBody) = await GetAsync(Churn);
        var (second, secondBody) = await GetAsync(Churn);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(before + 1, Written);
        Assert.Equal(firstBody, secondBody);
        Assert.True(secondBody.Length > 1000, $"a churn list of the demo shop, not {secondBody.Length} bytes");
        Assert.Equal("text/csv; charset=utf-8", second.Content.Headers.ContentType?.ToString());
        Assert.Equal("attachment; filename=value-churn.csv", second.Content.Headers.ContentDisposition?.ToString());
        Assert.Equal(secondBody.Length, second.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task AnotherLanguage_IsAnotherFile()
    {
        var before = Written;

        var (_, chinese) = await GetAsync(Campaigns, "zh-CN");
        var (_, english) = await GetAsync(Campaigns, "en");
        var (_, englishAgain) = await GetAsync(Campaigns, "en");

        Assert.Equal(before + 2, Written);
        Assert.NotEqual(chinese, english);
        Assert.Equal(english, englishAgain);
    }

    [Fact]
    public async Task NewData_WritesTheFileAgain()
    {
        await GetAsync(Churn);
        var before = Written;

        _app.Services.GetRequiredService<DataVersion>().Bump();
        var (response, _) = await GetAsync(Churn);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before + 1, Written);
    }

    [Fact]
    public async Task RefusedAddress_AnswersTheSame400_EveryTime()
    {
        var (first, firstBody) = await GetAsync("/export/overview.csv?from=0001-01-01&to=9999-12-31");
        var (second, secondBody) = await GetAsync("/export/overview.csv?from=0001-01-01&to=9999-12-31");

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal(firstBody, secondBody);
        Assert.Contains("0001-01-01", System.Text.Encoding.UTF8.GetString(secondBody));
        Assert.Equal("text/plain; charset=utf-8", second.Content.Headers.ContentType?.ToString());
    }
}
