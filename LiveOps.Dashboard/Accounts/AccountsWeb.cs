using LiveOps.Core.Accounts;
using LiveOps.Core.Data;
using LiveOps.Core.Import;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using LiveOps.Dashboard.Resources;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace LiveOps.Dashboard.Accounts;

/// <summary>Sign-in for every page: Identity cookies, the fallback policy, the signed-in actor for Core services.</summary>
public static class AccountsWeb
{
    public const string LoginPath = "/account/login";
    public const string SetupPath = "/account/setup";
    public const string LogoutPath = "/account/logout";

    public static IServiceCollection AddAccountsWeb(this IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        services.AddHttpContextAccessor();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddIdentityCore<AppUser>(AccountsServices.ConfigureIdentity)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<LiveOpsDbContext>()
            .AddSignInManager();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "LiveOps.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // Secure whenever the dashboard is served over HTTPS; plain http://localhost keeps working.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = LoginPath;
            o.LogoutPath = LogoutPath;
            o.AccessDeniedPath = "/account/denied";
            // Every request: a copied cookie stops working the moment its user signs out, is disabled or changes role.
            o.Events.OnValidatePrincipal = RejectEndedSessionAsync;
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddScoped<PasswordSignIn>();
        services.AddSingleton<SignInLedger>();
        services.AddSingleton<CircuitServicesAccessor>();
        services.AddScoped<CircuitHandler, CircuitServicesHandler>();
        services.Replace(ServiceDescriptor.Singleton<IActorAccessor, DashboardActorAccessor>());
        return services;
    }

    /// <summary>
    /// The cookie's security stamp against the user's current one, one indexed lookup per request. Identity's
    /// <see cref="SecurityStampValidator"/> would do the same but also rebuild the principal and reissue the cookie.
    /// </summary>
    private static async Task RejectEndedSessionAsync(CookieValidatePrincipalContext context)
    {
        var user = context.Principal;
        var stampClaim = context.HttpContext.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var directory = context.HttpContext.RequestServices.GetRequiredService<UserDirectory>();
        if (user is null || !await directory.IsCurrentAsync(user.FindFirstValue(ClaimTypes.NameIdentifier), user.FindFirstValue(stampClaim), context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    /// <summary>Sign-out (a form post with antiforgery), and a refused action anywhere answering 403.</summary>
    public static void MapAccountEndpoints(this WebApplication app)
    {
        // The token is checked here rather than by form binding, so a post without it (cross-site, or a page left
        // open past its token) answers 400 with a page instead of failing. Signing out gives the user a new security
        // stamp: every copy of the cookie, in any browser, stops working.
        app.MapPost(LogoutPath, async (HttpContext http, IAntiforgery antiforgery, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> text) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.Content(BadRequestPage(text), "text/html; charset=utf-8", Encoding.UTF8, StatusCodes.Status400BadRequest);
            }
            if (await signIn.UserManager.GetUserAsync(http.User) is { } user)
            {
                await signIn.UserManager.UpdateSecurityStampAsync(user);
            }
            await signIn.SignOutAsync();
            return Results.LocalRedirect(LoginPath);
        }).DisableAntiforgery();
        // The Data page's upload as a plain request, for scripts: the same service, the same role check.
        app.MapPost("/data/import/{kind}", async (string kind, HttpRequest request, IImportService importer, CancellationToken ct) =>
        {
            return await LiveOps.Dashboard.Components.Pages.Data.DataImportEndpoint.HandleAsync(kind, request, importer, ct);
        });
    }

    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary>A plain page for a form post the dashboard cannot take (a page left open past its token, or a cross-site post).</summary>
    private static string BadRequestPage(IStringLocalizer<SharedResource> text)
    {
        var title = Html.Encode(text["BadRequest.Title"]);
        return $"""
            <!DOCTYPE html>
            <html lang="{Html.Encode(CultureInfo.CurrentUICulture.Name)}"><head><meta charset="utf-8"><title>{title} · LiveOps</title>
            <link rel="stylesheet" href="/app.css"></head>
            <body><main data-testid="bad-request" style="font-family:sans-serif;max-width:40rem;margin:4rem auto">
            <h1>{title}</h1><p>{Html.Encode(text["BadRequest.Body"])}</p><p><a href="/">{Html.Encode(text["NotFound.Home"])}</a></p>
            </main></body></html>
            """;
    }

    /// <summary>Turns a refusal by a Core service into 403 for plain HTTP endpoints (exports, imports).</summary>
    public static void UseAccessDeniedAsForbidden(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (AccessDeniedException e) when (!context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsync(e.Message);
            }
        });
}
