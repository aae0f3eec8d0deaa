using System.Net;
using System.Text;
using System.Text.Json;
using LiveOps.Core.Accounts;
using LiveOps.Core.Data;
using LiveOps.Tests.Core.Import;
using LiveOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiveOps.Tests.Dashboard.Data;

/// <summary><c>POST /data/import/&lt;kind&gt;</c> while another connection holds the database's write lock.</summary>
public sealed class BusyImportEndpointTests : IAsyncLifetime
{
    private DashboardApp _app = default!;

    public Task InitializeAsync()
    {
        _app = DashboardApp.Start(demoData: false, settings: new Dictionary<string, string?> { ["LiveOps:WriteWaitSeconds"] = "1" });
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Import_WhileTheDatabaseIsHeld_Answers409_AnotherImportIsRunning_WritesNothing_AndIsAuditedOnceFree()
    {
        using var http = await _app.SignedInClientAsync();
        HttpStatusCode status;
        string body;
        await using (await WriteLock.HoldAsync(_app.DatabasePath))
        {
            using var response = await http.PostAsync("/data/import/customers", new StringContent("customer_id,nickname\nu1,小鹿\n", Encoding.UTF8, "text/csv"));
            (status, body) = (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(HttpStatusCode.Conflict, status);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("另一个导入正在进行；未写入任何数据，请在它完成后重试", json.RootElement.GetProperty("problems")[0].GetString());
        Assert.True(await _app.Services.GetRequiredService<AuditLog>().FlushAsync(TimeSpan.FromSeconds(30)));
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<LiveOpsDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await db.Customers.CountAsync());
        var entry = await db.Set<AuditEntry>().SingleAsync(e => e.Action == AuditAction.Import);
        Assert.Equal((AuditOutcome.Rejected, "customers: another import was running, nothing written", _app.DefaultEmail), (entry.Outcome, entry.Detail, entry.Actor));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
