using System.Net;
using LiveOps.Core.Accounts;
using LiveOps.Tests.Support;

namespace LiveOps.Tests.Dashboard.Security;

/// <summary>
/// Every page and every download asked for dates at the edge of the calendar over HTTP against the real app: a page
/// that reads dates names the refused date or the cap in Chinese (the default language), a download answers 400 with
/// the same text; none answers 500 or shows the error boundary, and pages that read no dates render as usual.
/// </summary>
public sealed class CalendarEdgeTests : IAsyncLifetime
{
    private const string YearOne = "?from=0001-01-01&to=9999-12-31";
    private const string WeeksFrom1900 = "?period=week&from=1900-01-01&to=2100-01-01";
    private const string WeeksCentury = "?period=week&from=2000-01-01&to=2100-01-01";

    private const string FromYearOne = "from：“0001-01-01”超出了报表支持的年份范围（1970 年至 2100 年）";
    private const string From1900 = "from：“1900-01-01”超出了报表支持的年份范围（1970 年至 2100 年）";
    private const string DayCap = "时间范围最长 3700 天，当前为 36525 天";
    private const string WeekCap = "按周分群最多覆盖 400 周，当前为 5219 周";

    private DashboardApp _app = default!;
    private HttpClient _http = default!;

    public async Task InitializeAsync()
    {
        _app = DashboardApp.Start(demoData: false, user: Role.Admin);
        _http = await _app.SignedInClientAsync();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    /// <summary>Every page route; the ones that read dates with the message each edge query must show (null: none).</summary>
    public static TheoryData<string, string, string?> Pages()
    {
        var data = new TheoryData<string, string, string?>();
        foreach (var page in new[] { "/", "/private-domain" })
        {
            data.Add(page, YearOne, FromYearOne);
            data.Add(page, WeeksFrom1900, From1900);
            data.Add(page, WeeksCentury, DayCap);
        }
        data.Add("/cohorts", YearOne, FromYearOne);
        data.Add("/cohorts", WeeksFrom1900, From1900);
        data.Add("/cohorts", WeeksCentury, WeekCap);
        data.Add("/campaigns", YearOne, FromYearOne);
        data.Add("/campaigns", WeeksFrom1900, From1900);
        data.Add("/campaigns", WeeksCentury, null); // a filter of a list: a long range is no burden
        foreach (var page in new[]
        {
            "/campaigns/c-none", "/live-sessions", "/live-sessions/s-none", "/tiers", "/cadence", "/cadence/a-none", "/value",
            "/actions", "/actions/1", "/data", "/admin/users", "/audit", "/not-found",
        })
        {
            data.Add(page, YearOne, null);
            data.Add(page, WeeksFrom1900, null);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_AtTheCalendarEdge_NamesTheDateOrTheCap_NeverAnError(string page, string query, string? message)
    {
        using var response = await _http.GetAsync(page + query);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("data-testid=\"error-boundary\"", html);
        if (message is null)
        {
            Assert.DoesNotContain("超出了报表支持的年份范围", html);
        }
        else
        {
            Assert.Contains(message, html);
        }
    }

    /// <summary>Every download; the ones that read dates with the 400 text of each edge query (null: the file is sent).</summary>
    public static TheoryData<string, string, string?> Downloads()
    {
        var data = new TheoryData<string, string, string?>();
        foreach (var format in new[] { "csv", "xlsx" })
        {
            data.Add($"/export/overview.{format}", YearOne, FromYearOne);
            data.Add($"/export/overview.{format}", WeeksFrom1900, From1900);
            data.Add($"/export/overview.{format}", WeeksCentury, DayCap);
            data.Add($"/export/campaigns.{format}", YearOne, FromYearOne);
            data.Add($"/export/campaigns.{format}", WeeksFrom1900, From1900);
            data.Add($"/export/campaigns.{format}", WeeksCentury, null);
            data.Add($"/export/live-sessions.{format}", YearOne, FromYearOne);
            data.Add($"/export/live-sessions.{format}", WeeksFrom1900, From1900);
            data.Add($"/export/live-sessions.{format}", WeeksCentury, null);
            data.Add($"/export/cohorts/customers.{format}", YearOne + "&cohort=2026-11&offset=0", FromYearOne);
            data.Add($"/export/cohorts/customers.{format}", WeeksFrom1900 + "&cohort=2026-W46&offset=0", From1900);
            data.Add($"/export/cohorts/customers.{format}", WeeksCentury + "&cohort=2026-W46&offset=0", WeekCap);
            foreach (var path in new[] { $"/export/tiers/upgrades.{format}", $"/export/tiers/downgrade-risks.{format}", $"/export/value/customers.{format}" })
            {
                data.Add(path + (path.Contains("value", StringComparison.Ordinal) ? "?list=churn&" + YearOne[1..] : YearOne), "", null);
            }
        }
        data.Add("/tiers/export/upgrades.csv", YearOne, null);
        data.Add("/tiers/export/downgrade-risks.csv", YearOne, null);
        return data;
    }

    [Theory]
    [MemberData(nameof(Downloads))]
    public async Task Download_AtTheCalendarEdge_Answers400WithTheMessage_NeverAnError(string path, string query, string? message)
    {
        using var response = await _http.GetAsync(path + query);
        var body = await response.Content.ReadAsStringAsync();

        if (message is null)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.StartsWith(message, body);
            Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task ActionContacts_AtTheCalendarEdge_IsNotFoundNotAnError()
    {
        using var response = await _http.GetAsync("/actions/1/contacts.csv" + YearOne);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
