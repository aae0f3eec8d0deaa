using System.Net;
using System.Text;
using System.Text.Json;
using LiveOps.Tests.Support;

namespace LiveOps.Tests.Dashboard.Data;

/// <summary>
/// <c>POST /data/import/&lt;kind&gt;</c> without a mapping answers a file's line problems in the request's language: the
/// culture cookie when there is one, else the Accept-Language a script sends, else Chinese.
/// </summary>
public sealed class ImportAnswerLanguageTests : IAsyncLifetime
{
    private const string BadOrders = "order_id,customer_id,placed_at,amount,status\nA1,u1,not-a-date,10,paid\n";
    private const string Chinese = "第 2 行：placed_at：“not-a-date”不是有效的时间，例如 2026-11-03T20:15:00 或 2026-11-03 20:15:00+08:00";
    private const string English = "line 2: placed_at: 'not-a-date' is not a valid timestamp such as 2026-11-03T20:15:00 or 2026-11-03 20:15:00+08:00";
    private DashboardApp _app = default!;
    private string _session = "";

    public async Task InitializeAsync()
    {
        _app = DashboardApp.Start(demoData: false);
        _session = await _app.SignInCookieAsync();
    }

    [Theory]
    [InlineData(null, null, Chinese)]
    [InlineData("en", null, English)]
    [InlineData(null, "en-US,en;q=0.9", English)]
    [InlineData("zh-CN", "en", Chinese)]
    public async Task LineProblems_AreInTheRequestsLanguage(string? cookieCulture, string? acceptLanguage, string expected)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(_app.BaseUrl) };
        var cookie = cookieCulture is null ? _session : $".AspNetCore.Culture=c%3D{cookieCulture}%7Cuic%3D{cookieCulture}; {_session}";
        http.DefaultRequestHeaders.Add("Cookie", cookie);
        if (acceptLanguage is not null)
        {
            http.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);
        }
        using var content = new StringContent(BadOrders, Encoding.UTF8, "text/csv");

        using var response = await http.PostAsync("/data/import/orders", content);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var problems = json.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToArray();
        Assert.Equal([expected], problems);
    }

    [Fact]
    public async Task ACheckWithoutWriting_AnswersInTheCookiesLanguage()
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(_app.BaseUrl) };
        http.DefaultRequestHeaders.Add("Cookie", $".AspNetCore.Culture=c%3Den%7Cuic%3Den; {_session}");
        using var content = new StringContent(BadOrders, Encoding.UTF8, "text/csv");

        using var response = await http.PostAsync("/data/import/orders?dryRun=true", content);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var problem = Assert.Single(json.RootElement.GetProperty("problems").EnumerateArray()).GetString()!;
        Assert.StartsWith("line 2: placed_at: 'not-a-date' is not a valid timestamp", problem, StringComparison.Ordinal);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
