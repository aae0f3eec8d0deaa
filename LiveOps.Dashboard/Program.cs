using System.Globalization;
using LiveOps.Core.Common;
using LiveOps.Core.Data;
using LiveOps.Dashboard;
using LiveOps.Dashboard.Accounts;
using LiveOps.Dashboard.Cli;
using LiveOps.Dashboard.Components;
using LiveOps.Dashboard.Components.Pages.Data;
using LiveOps.Dashboard.Components.Pages.Tiers;
using LiveOps.Dashboard.Exports;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

if (CliApp.IsCommand(args))
{
    var stdout = CliApp.StandardOutput();
    try
    {
        return await CliApp.RunAsync(args, stdout, Console.Error);
    }
    finally
    {
        await stdout.FlushAsync();
    }
}

var builder = WebApplication.CreateBuilder(args);
AppServices.AddAppConfiguration(builder.Configuration);
// Package assets (_content/MudBlazor, _framework) come from the build output however the app is started.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddLiveOps(builder.Configuration);
builder.Services.AddSharedDataProtection(builder.Configuration);
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddTransient<MudBlazor.MudLocalizer, MudTexts>();
builder.Services.AddLocalization();
builder.Services.AddDashboard();
builder.Services.AddAccountsWeb();

var app = builder.Build();

// Wrong configuration stops the start with what is wrong, before the database is touched (no stack trace).
try
{
    _ = app.Services.GetRequiredService<IOptions<LiveOpsOptions>>().Value;
}
catch (OptionsValidationException e)
{
    await Console.Error.WriteLineAsync($"configuration: {string.Join("; ", e.Failures)}");
    return CliApp.Rejected;
}

app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseRequestLocalization(Cultures.RequestLocalization());
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.UseAccessDeniedAsForbidden();
app.UseDownloadCache();

// Every page and export needs sign-in (the fallback policy); assets and the language switch do not.
app.MapStaticAssets().AllowAnonymous();
app.MapCultureEndpoint();
app.MapAccountEndpoints();
app.MapExports();
app.MapActionExports();
app.MapTemplateEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await StartupData.PrepareAsync(app.Services, app.Lifetime.ApplicationStopping);
await app.RunAsync();
return 0;

/// <summary>Visible to the test host (WebApplicationFactory).</summary>
public partial class Program;
