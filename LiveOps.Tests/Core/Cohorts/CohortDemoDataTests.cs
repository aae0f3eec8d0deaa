using LiveOps.Core.Cohorts;
using LiveOps.Core.Data;
using LiveOps.Tests.Support;
using LiveOps.Core.Store;

namespace LiveOps.Tests.Core.Cohorts;

/// <summary>The story the demo shop tells must be visible in the membership breakdown.</summary>
public abstract class CohortDemoDataTests(DatabaseProvider provider)
{
    [Fact]
    public async Task DemoShop_MembersWhoJoinedBeforeTheirFirstOrder_ComeBackMoreThanNonMembers()
    {
        await using var db = new TestDatabase(provider: provider);
        await db.Get<DemoDataSeeder>().SeedAsync(new DemoDataOptions { Customers = 3_000 });

        var report = await db.Get<ICohortService>().RunAsync(new CohortQuery { Breakdown = CohortBreakdown.Membership });

        var member = report.Groups.Single(g => g.Key == CohortGroups.Before).Average.Cells[1]!.Retention;
        var never = report.Groups.Single(g => g.Key == CohortGroups.Never).Average.Cells[1]!.Retention;
        Assert.True(member > 1.5 * never, $"members {member:P1} vs never {never:P1} one period after the first order");
        Assert.True(report.Kpis.RepeatRate is > 0 and < 1);
    }
}

public sealed class CohortDemoDataTestsOnSqlite() : CohortDemoDataTests(DatabaseProvider.Sqlite);

public sealed class CohortDemoDataTestsOnPostgres() : CohortDemoDataTests(DatabaseProvider.Postgres);
