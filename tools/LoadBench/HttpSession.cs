using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace LiveOps.LoadBench;

/// <summary>One signed-in HTTP client with its own cookies: signs in through the real form, then fetches whole responses.</summary>
public sealed partial class HttpSession : IDisposable
{
    private readonly HttpClient _client;

    private HttpSession(HttpClient client) => _client = client;

    public static async Task<HttpSession> SignInAsync(string baseUrl, string email, string password, TimeSpan timeout)
    {
        var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseProxy = false };
        var client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = timeout };
        try
        {
            var form = await client.GetStringAsync("/account/login");
            var fields = HiddenInputs().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
            fields["Input.Email"] = email;
            fields["Input.Password"] = password;
            using var answer = await client.PostAsync("/account/login", new FormUrlEncodedContent(fields));
            var location = answer.Headers.Location?.ToString() ?? "";
            if (answer.StatusCode != HttpStatusCode.Redirect && answer.StatusCode != HttpStatusCode.Found || location.Contains("/account/", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"sign-in over HTTP answered {(int)answer.StatusCode} {location}");
            }
            return new HttpSession(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Fetches <paramref name="path"/> to its last byte; an answer other than 200 (a redirect to sign-in included) is an error.</summary>
    public async Task<(TimeSpan Elapsed, string? Error)> FetchAsync(string path, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var answer = await _client.GetAsync(path, HttpCompletionOption.ResponseContentRead, ct);
            var elapsed = clock.Elapsed;
            return answer.StatusCode == HttpStatusCode.OK
                ? (elapsed, null)
                : (elapsed, $"HTTP {(int)answer.StatusCode} {answer.Headers.Location}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return (clock.Elapsed, e.Message);
        }
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex(""""<input[^>]*type="hidden"[^>]*name="(?<name>[^"]+)"[^>]*value="(?<value>[^"]*)"""")]
    private static partial Regex HiddenInputs();
}
