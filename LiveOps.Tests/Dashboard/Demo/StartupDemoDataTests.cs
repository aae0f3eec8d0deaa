using LiveOps.Tests.Core.Demo;
using LiveOps.Tests.Support;
using Microsoft.Data.Sqlite;

namespace LiveOps.Tests.Dashboard.Demo;

/// <summary>A fresh install: the web app seeds the demo shop on an empty database only when DemoData is on.</summary>
public sealed class StartupDemoDataTests
{
    [Fact]
    public async Task WebStart_DemoDataOnEmptyDatabase_SeedsTheDefaultShop()
    {
        await using var app = DashboardApp.Start(demoData: true);
        var cs = new SqliteConnectionStringBuilder { DataSource = app.DatabasePath, Pooling = false }.ToString();

        Assert.Equal(20_000, DemoSql.Scalar(cs, "SELECT COUNT(*) FROM customers"));
        Assert.InRange(DemoSql.Scalar(cs, "SELECT COUNT(*) FROM orders"), 54_000, 66_000);
        Assert.Equal(40, DemoSql.Scalar(cs, "SELECT COUNT(*) FROM live_sessions"));
    }

    [Fact]
    public async Task WebStart_DemoDataOff_LeavesTheDatabaseEmpty()
    {
        await using var app = DashboardApp.Start(demoData: false);
        var cs = new SqliteConnectionStringBuilder { DataSource = app.DatabasePath, Pooling = false }.ToString();

        Assert.Equal("customers=0, orders=0, audiences=0, audience_events=0, pushes=0, campaigns=0, campaign_events=0, live_sessions=0",
            DemoSql.Counts(cs));
    }
}
