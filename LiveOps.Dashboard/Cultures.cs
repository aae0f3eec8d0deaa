using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace LiveOps.Dashboard;

/// <summary>zh-CN first, English second; the choice is kept in the standard culture cookie.</summary>
public static class Cultures
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static readonly string[] Supported = [Chinese, English];

    public static RequestLocalizationOptions RequestLocalization()
    {
        var options = new RequestLocalizationOptions()
            .SetDefaultCulture(Chinese)
            .AddSupportedCultures(Supported)
            .AddSupportedUICultures(Supported);
        // Only the remembered choice decides: a browser asking for English still starts in Chinese.
        options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        return options;
    }

    public static void MapCultureEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture/set", (string culture, string? redirectUri, HttpContext http) =>
        {
            if (!Supported.Contains(culture))
            {
                culture = Chinese;
            }
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            // Only local paths: the switch must not become an open redirect.
            var target = redirectUri is { Length: > 0 } && redirectUri.StartsWith('/') && !redirectUri.StartsWith("//", StringComparison.Ordinal) ? redirectUri : "/";
            return Results.LocalRedirect(target);
        }).AllowAnonymous();
    }

    public static bool IsChinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);
}
