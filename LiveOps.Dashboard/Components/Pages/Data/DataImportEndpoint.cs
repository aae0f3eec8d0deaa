using System.Globalization;
using LiveOps.Core.Import;
using LiveOps.Core.Import.Mapping;
using LiveOps.Core.Store;

namespace LiveOps.Dashboard.Components.Pages.Data;

/// <summary>
/// <c>POST /data/import/&lt;kind&gt;</c>: the Data page's upload as a plain request, for scripts. The body (CSV in any
/// encoding the mapping reads, or .xlsx) is spooled to a temporary file before any service runs, so no write
/// transaction waits on the client. <c>?mapping=&lt;name&gt;</c> imports through a saved mapping or a preset,
/// <c>?dryRun=true</c> only checks; without a mapping a CSV body is read as contract §2 says.
/// </summary>
public static class DataImportEndpoint
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<IResult> HandleAsync(string kind, HttpRequest request, IImportService importer, CancellationToken ct)
    {
        UseRequestLanguage(request);
        if (!ImportKinds.TryParse(kind, out var parsed))
        {
            return Results.Problem($"unknown kind '{kind}'", statusCode: StatusCodes.Status404NotFound);
        }
        var contentType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (contentType is not ("text/csv" or XlsxContentType or "application/octet-stream"))
        {
            return Results.Problem($"send the file as Content-Type: text/csv or {XlsxContentType}", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }
        if (request.ContentLength > UploadLimits.MaxBytes)
        {
            return TooLarge(parsed, request.ContentLength.Value);
        }
        // Kestrel's default body limit (30 MB) is below the product's; the spool enforces the product's own.
        if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = UploadLimits.MaxBytes + 1;
        }
        var services = request.HttpContext.RequestServices;
        var mappingName = request.Query["mapping"].ToString();
        var dryRun = string.Equals(request.Query["dryRun"], "true", StringComparison.OrdinalIgnoreCase);
        ImportMapping? mapping = null;
        if (mappingName.Length > 0)
        {
            mapping = await services.GetRequiredService<SavedMappingService>().FindAsync(mappingName, ct);
            if (mapping is null)
            {
                return Results.UnprocessableEntity(new { kind = ImportKinds.Name(parsed), problems = new[] { ImportProblem.Of(0, "name", "mapping.notFound", mappingName, string.Join(", ", PresetCatalog.All.Select(p => p.Name))).Format(CultureInfo.CurrentUICulture) } });
            }
        }
        else if (contentType != "text/csv" || dryRun)
        {
            // An .xlsx body, or a check without writing, goes through the mapped importer with the contract's own columns.
            mapping = DataImportFlow.Plain(parsed);
        }

        await using var spool = await SpoolAsync(request, ct);
        if (spool is null)
        {
            return TooLarge(parsed, null);
        }
        try
        {
            return await ImportAsync(parsed, spool, mapping, dryRun, importer, services, ct);
        }
        catch (ImportBusyException)
        {
            return Results.Json(new { kind = ImportKinds.Name(parsed), problems = new[] { ImportText.Format(ImportBusyException.TextCode, CultureInfo.CurrentUICulture, []) } },
                statusCode: StatusCodes.Status409Conflict);
        }
    }

    private static async Task<IResult> ImportAsync(ImportKind parsed, UploadSpool spool, ImportMapping? mapping, bool dryRun, IImportService importer, IServiceProvider services, CancellationToken ct)
    {
        if (mapping is null)
        {
            var plain = await importer.ImportFileAsync(parsed, spool.Path, ct);
            return plain.Succeeded
                ? Results.Ok(new { kind = ImportKinds.Name(parsed), rows = plain.Rows, added = plain.Added, updated = plain.Updated })
                : Results.UnprocessableEntity(new { kind = ImportKinds.Name(parsed), problems = plain.Problems.Select(p => p.Format(CultureInfo.CurrentUICulture)).ToArray(), moreProblems = plain.MoreProblems });
        }
        var mapped = services.GetRequiredService<MappedImportService>();
        var result = dryRun
            ? await mapped.PreviewFileAsync(parsed, spool.Path, mapping, null, ct)
            : await mapped.ImportFileAsync(parsed, spool.Path, mapping, null, ct);
        var body = new
        {
            kind = ImportKinds.Name(parsed),
            mapping = result.Mapping,
            dryRun = result.DryRun,
            rowsRead = result.RowsRead,
            records = result.Records,
            skipped = result.Skipped.Select(s => new { rule = s.Rule.Describe(), rows = s.Rows }),
            newCustomers = result.NewCustomers,
            knownCustomers = result.KnownCustomers,
            added = result.Written?.Added,
            updated = result.Written?.Updated,
            // Formatted here, in the request's language, not lazily while the answer is written.
            problems = result.Problems.Select(p => p.Format(CultureInfo.CurrentUICulture)).ToArray(),
            moreProblems = result.MoreProblems,
        };
        return result.Succeeded ? Results.Ok(body) : Results.UnprocessableEntity(body);
    }

    /// <summary>
    /// The language of the answer's problems: the remembered choice (the culture cookie, already applied by the request
    /// localization) or, for a script without one, the first of zh/en its Accept-Language names.
    /// </summary>
    private static void UseRequestLanguage(HttpRequest request)
    {
        if (request.Cookies.ContainsKey(Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.DefaultCookieName))
        {
            return;
        }
        var asked = request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is not 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value ?? "")
            .FirstOrDefault(l => l.StartsWith("zh", StringComparison.OrdinalIgnoreCase) || l.StartsWith("en", StringComparison.OrdinalIgnoreCase));
        if (asked is not null)
        {
            var culture = CultureInfo.GetCultureInfo(asked.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? Cultures.English : Cultures.Chinese);
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
        }
    }

    /// <summary>The body in a spool file; null when it is larger than the limit (whether the spool or the server saw it first).</summary>
    private static async Task<UploadSpool?> SpoolAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            return await UploadSpool.FromStreamAsync(request.Body, UploadLimits.MaxBytes, ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // A chunked body gives no length up front: the server stops it one byte past the limit.
            return null;
        }
    }

    /// <summary>413 with the problem in the request's language; <paramref name="bytes"/> is the declared length, when there is one.</summary>
    private static IResult TooLarge(ImportKind kind, long? bytes)
    {
        var limit = UploadLimits.MaxMegabytes.ToString(CultureInfo.InvariantCulture);
        // Rounded up, so a file over the limit never reads as "200 MB".
        var problem = bytes is { } size
            ? ImportProblem.Of(1, "file", "file.tooLarge", ((size + UploadLimits.BytesPerMegabyte - 1) / UploadLimits.BytesPerMegabyte).ToString(CultureInfo.InvariantCulture), limit)
            : ImportProblem.Of(1, "file", "file.overLimit", limit);
        return Results.Json(new { kind = ImportKinds.Name(kind), problems = new[] { problem.Format(CultureInfo.CurrentUICulture) } },
            statusCode: StatusCodes.Status413PayloadTooLarge);
    }
}
