using System.Globalization;
using LiveOps.Core.Store;

namespace LiveOps.Dashboard.Exports;

/// <summary>
/// Every download under <c>/export/</c> is written once per address (path and query), language and data version, kept
/// for a minute, and its bytes are sent to every session that asks for the same file: twenty people downloading the
/// churn-risk list cost one list written, not twenty. The reports behind the files are already shared by
/// <see cref="ReportCache"/>; this keeps the written file too.
/// </summary>
/// <remarks>
/// A file of its own <see cref="ReportCache"/> (at most <see cref="Capacity"/> files, none over
/// <see cref="MaxKeptBytes"/>), so downloads never push the pages' reports out. Only what the address says is in the
/// key: every download under <c>/export/</c> is the same for every signed-in user (the sign-in and role checks run
/// before this, per request). A refused address (400) is kept like a file, since the same address gets the same
/// answer.
/// </remarks>
public sealed class DownloadCache(DataVersion version, TimeProvider time)
{
    public const int Capacity = 16;

    /// <summary>Files larger than this are sent but not kept.</summary>
    public const int MaxKeptBytes = 24 << 20;

    private const string Report = "download";

    public ReportCache Files { get; } = new(version, time, Capacity);

    private sealed record Address(string Path, string Query, string Culture, string UiCulture);

    private sealed record Download(int Status, string? ContentType, string? ContentDisposition, byte[] Body);

    public static bool Applies(HttpContext http) =>
        HttpMethods.IsGet(http.Request.Method) && http.Request.Path.StartsWithSegments("/export", StringComparison.OrdinalIgnoreCase);

    public async Task ServeAsync(HttpContext http, RequestDelegate next)
    {
        var address = new Address(http.Request.Path.Value ?? "", http.Request.QueryString.Value ?? "",
            CultureInfo.CurrentCulture.Name, CultureInfo.CurrentUICulture.Name);
        var ct = http.RequestAborted;
        Download download;
        try
        {
            download = await Files.GetOrComputeAsync(Report, address, _ => WriteAsync(http, next), ct);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The request that was writing the file went away before it was done: write it for this one.
            download = await WriteAsync(http, next);
        }
        if (download.Body.Length > MaxKeptBytes)
        {
            Files.Forget(Report, address);
        }
        http.Response.StatusCode = download.Status;
        if (download.ContentType is { } type)
        {
            http.Response.ContentType = type;
        }
        if (download.ContentDisposition is { } disposition)
        {
            http.Response.Headers.ContentDisposition = disposition;
        }
        if (download.Body.Length > 0)
        {
            http.Response.ContentLength = download.Body.Length;
            await http.Response.Body.WriteAsync(download.Body, ct);
        }
    }

    /// <summary>Runs the download's endpoint into memory and keeps what it answered.</summary>
    private static async Task<Download> WriteAsync(HttpContext http, RequestDelegate next)
    {
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }
        return new Download(http.Response.StatusCode, http.Response.ContentType, http.Response.Headers.ContentDisposition.ToString() is { Length: > 0 } d ? d : null, buffer.ToArray());
    }
}

public static class DownloadCacheWeb
{
    /// <summary>Shares written downloads between requests; placed after sign-in and authorisation, before the endpoints.</summary>
    public static IApplicationBuilder UseDownloadCache(this IApplicationBuilder app) =>
        app.UseWhen(DownloadCache.Applies, branch => branch.Use((http, next) =>
            http.RequestServices.GetRequiredService<DownloadCache>().ServeAsync(http, next)));
}
