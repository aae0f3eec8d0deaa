using LiveOps.Core.Accounts;
using LiveOps.Core.Data;
using LiveOps.Core.Import;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        });
        // A disabled account or a changed role reaches open sessions within a minute, not after 30.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddSingleton<CircuitServicesAccessor>();
        services.AddScoped<CircuitHandler, CircuitServicesHandler>();
        services.Replace(ServiceDescriptor.Singleton<IActorAccessor, DashboardActorAccessor>());
        return services;
    }

    /// <summary>Sign-out (a form post with antiforgery), and a refused action anywhere answering 403.</summary>
    public static void MapAccountEndpoints(this WebApplication app)
    {
        // A form parameter makes the endpoint validate the antiforgery token: a cross-site post cannot sign anyone out.
        app.MapPost(LogoutPath, async ([FromForm] string? returnUrl, SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect(LoginPath);
        });
        // The Data page's upload as a plain request, for scripts: the same service, the same role check.
        app.MapPost("/data/import/{kind}", async (string kind, HttpRequest request, IImportService importer, CancellationToken ct) =>
        {
            return await LiveOps.Dashboard.Components.Pages.Data.DataImportEndpoint.HandleAsync(kind, request, importer, ct);
        });
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
