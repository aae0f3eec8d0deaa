using System.Net;
using System.Text;
using System.Text.Json;
using LiveOps.Dashboard.Components.Pages.Data;
using LiveOps.Tests.Support;

namespace LiveOps.Tests.Dashboard.Data;

/// <summary><c>POST /data/import/&lt;kind&gt;</c> against the real app: the product's one upload limit, not the server's default.</summary>
public sealed class UploadLimitTests : IAsyncLifetime
{
    private DashboardApp _app = default!;
    private HttpClient _http = default!;

    public async Task InitializeAsync()
    {
        _app = DashboardApp.Start(demoData: false);
        _http = await _app.SignedInClientAsync();
        _http.Timeout = TimeSpan.FromMinutes(5);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ABodyOver30MB_UnderTheLimit_IsReadAndChecked(bool chunked)
    {
        // Above Kestrel's default body limit (30,000,000 bytes), far below the product's.
        using var response = await _http.PostAsync("/data/import/orders", new FillerContent(31_000_000, chunked));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problems = await ProblemsAsync(response);
        // Without a language choice the answer is in Chinese, the product's first language.
        Assert.StartsWith("第 1 行：order_id：缺少必填列", problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChunkedBody_OneByteOverTheLimit_Answers413_WithTheMessage()
    {
        using var response = await _http.PostAsync("/data/import/orders", new FillerContent(UploadLimits.MaxBytes + 1, chunked: true));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(["第 1 行：file：超过 200 MB；最多可导入 200 MB 的文件"], await ProblemsAsync(response));
    }

    [Fact]
    public async Task ADeclaredLengthOverTheLimit_Answers413_BeforeTheBodyIsSent()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/data/import/orders") { Content = new FillerContent(UploadLimits.MaxBytes + 1024 * 1024, chunked: false) };
        // The client waits for the server's go-ahead before sending the body; a refusal comes instead.
        request.Headers.ExpectContinue = true;
        using var client = await WaitingClientAsync();

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(["第 1 行：file：有 201 MB；最多可导入 200 MB 的文件"], await ProblemsAsync(response));
    }

    private async Task<HttpClient> WaitingClientAsync()
    {
        var cookie = await _app.SignInCookieAsync();
        var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, Expect100ContinueTimeout = TimeSpan.FromMinutes(5) };
        var http = new HttpClient(handler) { BaseAddress = new Uri(_app.BaseUrl), Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Add("Cookie", cookie);
        return http;
    }

    private static async Task<string[]> ProblemsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(body.StartsWith('{'), $"{(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return [.. json.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!)];
    }

    /// <summary>A CSV body of exactly <paramref name="length"/> bytes whose header names no column of any kind.</summary>
    internal sealed class FillerContent : HttpContent
    {
        private readonly long _length;
        private readonly bool _chunked;

        public FillerContent(long length, bool chunked)
        {
            (_length, _chunked) = (length, chunked);
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var header = Encoding.ASCII.GetBytes("nothing,useful\n");
            await stream.WriteAsync(header);
            var line = Encoding.ASCII.GetBytes(new string('x', 1023) + "\n");
            var block = new byte[line.Length * 64];
            for (var i = 0; i < 64; i++)
            {
                line.CopyTo(block, i * line.Length);
            }
            var left = _length - header.Length;
            while (left > 0)
            {
                var n = (int)Math.Min(block.Length, left);
                await stream.WriteAsync(block.AsMemory(0, n));
                left -= n;
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _length;
            return !_chunked;
        }
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }
}
