using System.Net;
using System.Reflection;
using LiveOps.Core.Cohorts;
using LiveOps.Dashboard;
using LiveOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LiveOps.Tests.Dashboard.Security;

public sealed class SecurityHeadersTests
{
    [Theory]
    [InlineData("/", true, HttpStatusCode.OK)]
    [InlineData("/tiers", true, HttpStatusCode.OK)]
    [InlineData("/app.css", false, HttpStatusCode.OK)]
    [InlineData("/favicon.svg", false, HttpStatusCode.OK)]
    [InlineData("/Components/Charts/ApexChart.razor.js", false, HttpStatusCode.OK)]
    [InlineData("/export/campaigns.csv", true, HttpStatusCode.OK)]
    [InlineData("/tiers/export/upgrades.csv", true, HttpStatusCode.OK)]
    [InlineData("/no-such-page", true, HttpStatusCode.NotFound)]
    [InlineData("/data/import/no-such-kind", false, HttpStatusCode.Found)]
    [InlineData("/account/login", false, HttpStatusCode.OK)]
    [InlineData("/cohorts", false, HttpStatusCode.Found)]
    public async Task EveryResponse_CarriesTheContentSecurityPolicy(string path, bool signedIn, HttpStatusCode status)
    {
        await using var app = DashboardApp.Start(demoData: false);
        using var http = signedIn
            ? await app.SignedInClientAsync()
            : new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };

        using var response = await http.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        AssertPolicy(response);
    }

    [Fact]
    public async Task ServerError_InProduction_ShowsTheErrorPage_WithThePolicy()
    {
        await using var app = DashboardApp.Start(demoData: false, new Dictionary<string, string?> { ["environment"] = "Production" },
            services => services.Replace(ServiceDescriptor.Scoped(_ => DispatchProxy.Create<ICohortService, FailingProxy>())));
        using var http = await app.SignedInClientAsync();

        using var response = await http.GetAsync("/export/cohorts/customers.csv?cohort=2026-11&offset=0");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("error-page", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        AssertPolicy(response);
    }

    private static void AssertPolicy(HttpResponseMessage response)
    {
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var values), "no Content-Security-Policy");
        var policy = Assert.Single(values);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, policy);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    public class FailingProxy : DispatchProxy
    {
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            throw new InvalidOperationException("a failure inside a report");
    }
}
