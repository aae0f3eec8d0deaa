using LiveOps.Core.Data;
using LiveOps.Core.Store;
using LiveOps.Tests.Support;

namespace LiveOps.Tests.Core.Demo;

/// <summary>The default demo shop (20,000 customers, seed 20261124), seeded once for the tests that read it.</summary>
public sealed class DemoShopFixture : IAsyncLifetime
{
    /// <summary>The clock's now: 2026-11-24 12:00 in Shanghai.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.FromHours(8));

    public TestDatabase Db { get; } = new(now: Now);

    public DemoDataSummary Summary { get; private set; } = default!;

    public long VersionBefore { get; private set; }

    public string Cs => Db.ConnectionString;

    public async Task InitializeAsync()
    {
        VersionBefore = Db.Get<LiveOps.Core.Store.DataVersion>().Current;
        Summary = await Db.Get<DemoDataSeeder>().SeedAsync(new DemoDataOptions());
    }

    public async Task DisposeAsync() => await Db.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class DemoShopCollection : ICollectionFixture<DemoShopFixture>
{
    public const string Name = "demo shop";
}
