using System.Globalization;
using Bunit;
using LiveOps.Core.Common;
using LiveOps.Core.Accounts;
using LiveOps.Dashboard;
using LiveOps.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace LiveOps.Tests.Dashboard.Shell;

/// <summary>
/// A bUnit context wired like the dashboard: MudBlazor, the resx localization, Formatting in
/// Asia/Shanghai, an interactive renderer, and the UI culture the test asks for.
/// </summary>
public abstract class ShellContext : BunitContext, IAsyncLifetime
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    protected ShellContext(string culture = "zh-CN", Role role = Role.Admin)
    {
        // Every page needs a signed-in user; an admin sees every control.
        Auth = this.SignInAs(role);
        UseCulture(culture);
        Clock = new ZoneClock(new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.FromHours(8))), "Asia/Shanghai");
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddSingleton(Clock);
        Services.AddScoped<Formatting>();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    protected ZoneClock Clock { get; }

    protected Bunit.TestDoubles.BunitAuthorizationContext Auth { get; }

    /// <summary>Sets the culture the way the request localization middleware does for a circuit.</summary>
    protected static void UseCulture(string name)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
    }

    public Task InitializeAsync()
    {
        // After the derived constructors have added their services: this builds the renderer.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
        await DisposeFixturesAsync();
    }

    /// <summary>Disposes what a test class set up besides the bUnit context (a database, say).</summary>
    protected virtual ValueTask DisposeFixturesAsync() => ValueTask.CompletedTask;
}
